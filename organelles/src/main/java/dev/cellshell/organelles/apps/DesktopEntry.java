package dev.cellshell.organelles.apps;

import dev.cellshell.widgets.App;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code .desktop} file's {@code [Desktop Entry]} group, as the Desktop Entry Specification 1.5 reads it:
 * localised keys ({@code Name[de_DE@euro]} → {@code de_DE} → {@code de@euro} → {@code de} → {@code Name}), the
 * escapes {@code \s \n \t \r \\}, lists split on unescaped {@code ;}.
 */
public record DesktopEntry(String id, Path file, String type, String name, String genericName, String comment,
        String icon, String exec, String tryExec, String workingDirectory, List<String> categories,
        List<String> keywords, boolean terminal, boolean noDisplay, boolean hidden) {

    static final long MAX_BYTES = 256 * 1024;

    public App app() {
        return new App(id, name, genericName, comment, categories, terminal);
    }

    /** Whether menus show it: an application with a name and a command, not hidden. */
    public boolean shown() {
        return type.equals("Application") && !name.isEmpty() && !exec.isEmpty() && !noDisplay && !hidden;
    }

    /**
     * @throws IOException when the file cannot be read or is not a desktop entry (no {@code [Desktop Entry]} group,
     *                     larger than 256 KB)
     */
    public static DesktopEntry read(String id, Path file, Locale locale) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        Map<String, String> keys = new HashMap<>();
        boolean inGroup = false;
        boolean seen = false;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                inGroup = line.equals("[Desktop Entry]");
                seen |= inGroup;
                continue;
            }
            int eq = line.indexOf('=');
            if (inGroup && eq > 0) {
                keys.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (!seen) {
            throw new IOException(file + " has no [Desktop Entry] group");
        }
        List<String> suffixes = localeSuffixes(locale);
        return new DesktopEntry(id, file, keys.getOrDefault("Type", ""), localised(keys, "Name", suffixes),
                localised(keys, "GenericName", suffixes), localised(keys, "Comment", suffixes),
                unescape(keys.getOrDefault("Icon", "")), keys.getOrDefault("Exec", ""),
                unescape(keys.getOrDefault("TryExec", "")), unescape(keys.getOrDefault("Path", "")),
                list(keys.getOrDefault("Categories", "")), list(localisedRaw(keys, "Keywords", suffixes)),
                bool(keys.get("Terminal")), bool(keys.get("NoDisplay")), bool(keys.get("Hidden")));
    }

    /** {@code [lang_COUNTRY@MODIFIER]}, {@code [lang_COUNTRY]}, {@code [lang@MODIFIER]}, {@code [lang]}, then none. */
    static List<String> localeSuffixes(Locale locale) {
        List<String> suffixes = new ArrayList<>();
        String lang = locale.getLanguage();
        String country = locale.getCountry();
        String modifier = locale.getVariant();
        if (!lang.isEmpty()) {
            if (!country.isEmpty() && !modifier.isEmpty()) {
                suffixes.add("[" + lang + "_" + country + "@" + modifier + "]");
            }
            if (!country.isEmpty()) {
                suffixes.add("[" + lang + "_" + country + "]");
            }
            if (!modifier.isEmpty()) {
                suffixes.add("[" + lang + "@" + modifier + "]");
            }
            suffixes.add("[" + lang + "]");
        }
        suffixes.add("");
        return suffixes;
    }

    /** The person's locale for messages, from {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG} (as the spec says). */
    public static Locale messagesLocale(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            String modifier = value.contains("@") ? value.substring(value.indexOf('@') + 1) : "";
            String base = value.replaceAll("[.@].*$", "");
            if (base.equals("C") || base.equals("POSIX")) {
                return Locale.ROOT;
            }
            String[] parts = base.split("_", 2);
            try {
                return new Locale.Builder().setLanguage(parts[0]).setRegion(parts.length > 1 ? parts[1] : "")
                        .setVariant(modifier.matches("[A-Za-z0-9]{5,8}") ? modifier : "").build();
            } catch (java.util.IllformedLocaleException e) {
                return Locale.ROOT; // a locale name Java cannot read: the entries' untranslated names
            }
        }
        return Locale.ROOT;
    }

    private static String localised(Map<String, String> keys, String key, List<String> suffixes) {
        return unescape(localisedRaw(keys, key, suffixes));
    }

    private static String localisedRaw(Map<String, String> keys, String key, List<String> suffixes) {
        for (String suffix : suffixes) {
            String value = keys.get(key + suffix);
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    private static boolean bool(String value) {
        return "true".equals(value);
    }

    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                switch (next) {
                    case 's' -> out.append(' ');
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    case ';' -> out.append("\\;"); // kept for list splitting
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        String text = unescape(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ';') {
                item.append(';');
                i++;
            } else if (c == ';') {
                if (!item.toString().isBlank()) {
                    items.add(item.toString().strip());
                }
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        if (!item.toString().isBlank()) {
            items.add(item.toString().strip());
        }
        return List.copyOf(items);
    }
}
