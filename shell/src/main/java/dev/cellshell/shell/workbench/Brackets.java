package dev.cellshell.shell.workbench;

/**
 * Bracket matching for the code editor: the bracket at (or just before) the caret and its partner, skipping those
 * inside string and character literals and comments.
 */
final class Brackets {

    private static final String OPEN = "([{";
    private static final String CLOSE = ")]}";

    private Brackets() {
    }

    /**
     * The offsets of a matching pair around {@code caret}: the bracket right after the caret, else the one right
     * before it, and its partner; {@code null} when there is no bracket there or it is unmatched.
     */
    static int[] match(String text, int caret) {
        boolean[] code = codeMask(text);
        for (int at : new int[] {caret, caret - 1}) {
            if (at < 0 || at >= text.length() || !code[at]) {
                continue;
            }
            char c = text.charAt(at);
            int open = OPEN.indexOf(c);
            int close = CLOSE.indexOf(c);
            if (open >= 0) {
                int partner = scan(text, code, at, +1, c, CLOSE.charAt(open));
                return partner < 0 ? null : new int[] {at, partner};
            }
            if (close >= 0) {
                int partner = scan(text, code, at, -1, c, OPEN.charAt(close));
                return partner < 0 ? null : new int[] {partner, at};
            }
        }
        return null;
    }

    private static int scan(String text, boolean[] code, int from, int step, char self, char partner) {
        int depth = 0;
        for (int i = from; i >= 0 && i < text.length(); i += step) {
            if (!code[i]) {
                continue;
            }
            char c = text.charAt(i);
            if (c == self) {
                depth++;
            } else if (c == partner && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** True for each character that is code, false inside comments and string or character literals. */
    static boolean[] codeMask(String text) {
        boolean[] code = new boolean[text.length()];
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            int end;
            if (c == '/' && next == '/') {
                end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
            } else if (c == '/' && next == '*') {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? text.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(text.length(), end + 1);
            } else {
                code[i++] = true;
                continue;
            }
            i = end;
        }
        return code;
    }
}
