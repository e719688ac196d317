package dev.cellshell.livecompiler;

/**
 * One problem the compiler reported.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param excerpt the source line the problem is on, without its line break
 * @param length how many characters from the column the problem covers on its line (the compiler's range, cut at the
 *     line's end); 0 when unknown
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String excerpt,
        int length) {

    public enum Severity { ERROR, WARNING }

    /** A problem at a column whose extent is not known. */
    public Diagnostic(String file, int line, int column, Severity severity, String message, String excerpt) {
        this(file, line, column, severity, message, excerpt, 0);
    }

    /** {@code Label.java:12:5: error: message}, the form compilers and editors agree on. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
