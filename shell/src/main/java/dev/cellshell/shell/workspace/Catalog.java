package dev.cellshell.shell.workspace;

import dev.cellshell.assets.Assets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The cell types one can spawn: the built-in ones and every {@code cells/<Type>/} folder of a workspace, each with
 * the first sentence of its class comment. Read from the files, so it needs no running shell.
 */
public final class Catalog {

    /** One spawnable type, with the size it declares ({@code @Size}). */
    public record Entry(String type, boolean builtIn, String summary, Path source, TypeSize size) {
    }

    // annotations between the comment and the class, whose arguments may hold quoted text with parentheses in it
    private static final Pattern CLASS_COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/\\s*"
            + "(?:@[\\w.]+(?:\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^)\"])*\\))?\\s*)*"
            + "(?:public\\s+)?(?:final\\s+)?(?:class|record)\\s+(\\w+)", Pattern.DOTALL);

    private Catalog() {
    }

    /** The names of the types of {@code workspace} (built-in ones included), sorted; reads no sources. */
    public static TreeSet<String> types(Path workspace) throws IOException {
        TreeSet<String> types = new TreeSet<>(Assets.BUILT_IN_CELL_TYPES);
        Path cells = workspace.resolve("cells");
        if (Files.isDirectory(cells)) {
            try (Stream<Path> folders = Files.list(cells)) {
                folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(name -> name.matches("[A-Z][A-Za-z0-9_]*")).forEach(types::add);
            }
        }
        return types;
    }

    /**
     * The type {@code asked} names, matched without regard to case ({@code clock}, {@code CLOCK} → {@code Clock}).
     *
     * @throws IllegalArgumentException naming the closest types ("did you mean") and every type there is
     */
    public static String resolve(Path workspace, String asked) throws IOException {
        TreeSet<String> known = types(workspace);
        if (known.contains(asked)) {
            return asked;
        }
        List<String> sameLetters = known.stream().filter(t -> t.equalsIgnoreCase(asked)).toList();
        if (sameLetters.size() == 1) {
            return sameLetters.get(0);
        }
        LevenshteinDistance distance = new LevenshteinDistance();
        String lower = asked.toLowerCase(Locale.ROOT);
        int best = known.stream().mapToInt(t -> distance.apply(t.toLowerCase(Locale.ROOT), lower)).min()
                .orElse(Integer.MAX_VALUE);
        List<String> close = best > Math.max(2, lower.length() / 3) ? List.of() : known.stream()
                .filter(t -> distance.apply(t.toLowerCase(Locale.ROOT), lower) == best).toList();
        throw new IllegalArgumentException("no cell type '" + asked + "'"
                + (close.isEmpty() ? "" : " — did you mean " + String.join(" or ", close) + "?")
                + " Types: " + String.join(", ", known));
    }

    /** Every type of {@code workspace} (built-in ones included even before a first start), by name. */
    public static List<Entry> of(Path workspace) throws IOException {
        Path cells = workspace.resolve("cells");
        List<Entry> entries = new ArrayList<>();
        for (String type : types(workspace)) {
            Path file = cells.resolve(type).resolve(type + ".java");
            String source = Files.exists(file) ? Files.readString(file)
                    : Assets.BUILT_IN_CELL_TYPES.contains(type) ? Assets.cellSource(type) : "";
            entries.add(new Entry(type, Assets.BUILT_IN_CELL_TYPES.contains(type), summary(source, type), file,
                    TypeSize.fromSource(source)));
        }
        return entries;
    }

    /** The first sentence of the class comment of {@code type} in {@code source}; empty when there is none. */
    static String summary(String source, String type) {
        Matcher m = CLASS_COMMENT.matcher(source);
        while (m.find()) {
            if (m.group(2).equals(type)) {
                String text = m.group(1).replaceAll("(?m)^\\s*\\* ?", " ").replaceAll("\\{@\\w+ ([^}]*)}", "$1")
                        .replaceAll("\\s+", " ").trim();
                int end = text.indexOf(". ");
                return end < 0 ? (text.endsWith(".") ? text.substring(0, text.length() - 1) : text)
                        : text.substring(0, end);
            }
        }
        return "";
    }

    /**
     * Starts a new cell type from the template (the built-in Hello cell): writes {@code cells/NAME/NAME.java}.
     *
     * @return the file written
     * @throws IllegalArgumentException when {@code name} is not a class name or the type exists already
     */
    public static Path newType(Path workspace, String name) throws IOException {
        if (!name.matches("[A-Z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a cell type is a Java class name starting with a capital letter, not '"
                    + name + "'");
        }
        if (types(workspace).contains(name)) {
            throw new IllegalArgumentException("there is a cell type " + name + " already");
        }
        Path file = workspace.resolve("cells").resolve(name).resolve(name + ".java");
        if (Files.exists(file.getParent())) {
            throw new IllegalArgumentException(file.getParent() + " exists already");
        }
        String source = Assets.cellSource("Hello").replace("public class Hello implements Cell",
                "public class " + name + " implements Cell").replace(
                "/** The template a new cell starts from: a card that counts its clicks. Edit it and save: it changes "
                        + "live. */", "/** " + name + ": a new cell, made from the template. */");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }
}
