package dev.cellshell.shell.workbench;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion of the Cell API's names in the code editor: the public types of {@code dev.cellshell.widgets} (and its
 * kit) and their
 * public methods and constants, read by reflection (so they follow the API as it changes), then the words of the
 * file being edited.
 */
final class Completions {

    private static final List<Class<?>> API = List.of(dev.cellshell.widgets.Cell.class,
            dev.cellshell.widgets.Canvas.class, dev.cellshell.widgets.CellContext.class,
            dev.cellshell.widgets.Props.class, dev.cellshell.widgets.Color.class, dev.cellshell.widgets.Align.class,
            dev.cellshell.widgets.InputEvent.class, dev.cellshell.widgets.Theme.class,
            dev.cellshell.widgets.State.class, dev.cellshell.widgets.Variant.class, dev.cellshell.widgets.Uses.class,
            dev.cellshell.widgets.Storage.class, dev.cellshell.widgets.Spawner.class,
            dev.cellshell.widgets.Notifier.class, dev.cellshell.widgets.Clipboard.class,
            dev.cellshell.widgets.Images.class, dev.cellshell.widgets.SystemStats.class,
            dev.cellshell.widgets.PreviousState.class, dev.cellshell.widgets.Size.class,
            dev.cellshell.widgets.Text.class, dev.cellshell.widgets.TextStyle.class,
            dev.cellshell.widgets.FontMetrics.class, dev.cellshell.widgets.Paragraph.class,
            dev.cellshell.widgets.Path.class, dev.cellshell.widgets.Stroke.class, dev.cellshell.widgets.Fill.class,
            dev.cellshell.widgets.Shadow.class, dev.cellshell.widgets.Rect.class, dev.cellshell.widgets.Fit.class,
            dev.cellshell.widgets.Key.class, dev.cellshell.widgets.Token.class, dev.cellshell.widgets.Prop.class,
            dev.cellshell.widgets.Notifications.class, dev.cellshell.widgets.Workspaces.class,
            dev.cellshell.widgets.kit.Stack.class, dev.cellshell.widgets.kit.Labels.class);
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{2,}");
    private static final int MOST = 12;

    /** The API's names, each a type name or {@code name(} for a method or a constant's name. */
    static final Set<String> API_NAMES = apiNames();

    private Completions() {
    }

    private static Set<String> apiNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : API) {
            collect(type, names);
            for (Class<?> nested : type.getClasses()) {
                collect(nested, names);
            }
        }
        return names;
    }

    private static void collect(Class<?> type, Set<String> names) {
        names.add(type.getSimpleName());
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() != Object.class && !m.isSynthetic()) {
                names.add(m.getName() + "(");
            }
        }
        for (var f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                names.add(f.getName());
            }
        }
        for (Object constant : type.isEnum() ? type.getEnumConstants() : new Object[0]) {
            names.add(((Enum<?>) constant).name());
        }
    }

    /** The identifier that ends at {@code caret} in {@code text}; empty when the caret is not after one. */
    static String prefixAt(String text, int caret) {
        int start = caret;
        while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, caret);
    }

    /**
     * What may complete {@code prefix}: API names first (shortest first), then the file's own words, at most a dozen;
     * each the whole name, of which the caller inserts what follows the prefix. Case-sensitive on the first letter,
     * so {@code dr} finds {@code drawText(} and {@code Dr} does not.
     */
    static List<String> of(String prefix, String text) {
        if (prefix.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        API_NAMES.stream().filter(n -> n.startsWith(prefix) && !n.equals(prefix))
                .sorted((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b))
                .forEach(found::add);
        Matcher words = WORD.matcher(text);
        List<String> own = new ArrayList<>();
        while (words.find()) {
            String w = words.group();
            if (w.startsWith(prefix) && !w.equals(prefix) && !found.contains(w + "(")) {
                own.add(w);
            }
        }
        own.stream().distinct().sorted().forEach(found::add);
        return found.stream().limit(MOST).toList();
    }
}
