package dev.cellshell.organelles.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry's {@code Exec} key turned into the program and its arguments, as the spec says: split on unquoted
 * spaces, double quotes with their four escapes, then field codes expanded — {@code %i} to {@code --icon ICON},
 * {@code %c} to the name, {@code %k} to the entry's file, {@code %%} to {@code %}; the file and URL codes
 * ({@code %f %F %u %U}) and the deprecated ones to nothing (the desktop starts applications without files). No
 * shell ever sees the line.
 */
public final class ExecLine {

    private ExecLine() {
    }

    /** @throws IllegalArgumentException when the line is empty, has an unclosed quote or an unknown field code */
    public static List<String> argv(DesktopEntry entry) {
        List<String> words = split(entry.exec());
        List<String> argv = new ArrayList<>();
        for (String word : words) {
            if (word.equals("%f") || word.equals("%F") || word.equals("%u") || word.equals("%U")
                    || word.equals("%d") || word.equals("%D") || word.equals("%n") || word.equals("%N")
                    || word.equals("%v") || word.equals("%m")) {
                continue;
            }
            if (word.equals("%i")) {
                if (!entry.icon().isEmpty()) {
                    argv.add("--icon");
                    argv.add(entry.icon());
                }
                continue;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                if (i + 1 >= word.length()) {
                    throw new IllegalArgumentException("Exec ends with a lone %: " + entry.exec());
                }
                char code = word.charAt(++i);
                switch (code) {
                    case '%' -> out.append('%');
                    case 'c' -> out.append(entry.name());
                    case 'k' -> out.append(entry.file().toString());
                    case 'f', 'F', 'u', 'U', 'd', 'D', 'n', 'N', 'v', 'm' -> { }
                    default -> throw new IllegalArgumentException("Exec has an unknown field code %" + code + ": "
                            + entry.exec());
                }
            }
            argv.add(out.toString());
        }
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("the entry " + entry.id() + " has no command (Exec)");
        }
        return argv;
    }

    static List<String> split(String exec) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        String line = DesktopEntry.unescape(exec);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length() && "\"`$\\".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ' ' || c == '\t') {
                if (any || word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Exec has an unclosed quote: " + exec);
        }
        if (any || word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
