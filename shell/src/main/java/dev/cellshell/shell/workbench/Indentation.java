package dev.cellshell.shell.workbench;

/**
 * Auto-indent for the code editor: Enter keeps the line's indentation and adds a level after an opening bracket (and
 * between a pair of braces opens an indented line with the closing brace below); a closing brace typed on a blank
 * line steps back one level.
 */
final class Indentation {

    static final String LEVEL = "    ";

    /** What Enter inserts, and how many of its characters stay after the caret. */
    record Insert(String text, int afterCaret) {
    }

    private Indentation() {
    }

    /** Enter pressed with {@code before} and {@code after} the caret on its line. */
    static Insert enter(String before, String after) {
        String indent = leading(before);
        String open = before.strip();
        boolean opens = open.endsWith("{") || open.endsWith("(") || open.endsWith("[");
        if (!opens) {
            return new Insert("\n" + indent, 0);
        }
        String inner = "\n" + indent + LEVEL;
        String close = after.strip();
        if (close.startsWith("}") || close.startsWith(")") || close.startsWith("]")) {
            String tail = "\n" + indent;
            return new Insert(inner + tail, tail.length());
        }
        return new Insert(inner, 0);
    }

    /**
     * How many characters before the caret to remove when a closing brace is typed with {@code before} the caret:
     * one level of indentation when nothing but spaces precede it, else none.
     */
    static int dedentBeforeClosing(String before) {
        if (before.isEmpty() || !before.isBlank()) {
            return 0;
        }
        int spaces = 0;
        while (spaces < before.length() && spaces < LEVEL.length()
                && before.charAt(before.length() - 1 - spaces) == ' ') {
            spaces++;
        }
        return spaces == 0 && before.endsWith("\t") ? 1 : spaces;
    }

    private static String leading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }
}
