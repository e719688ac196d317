package dev.cellshell.livecompiler;

/**
 * One problem the compiler reported.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param excerpt the source line the problem is on, without its line break
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String excerpt) {

    public enum Severity { ERROR, WARNING }

    /** {@code Label.java:12:5: error: message}, the form compilers and editors agree on. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
