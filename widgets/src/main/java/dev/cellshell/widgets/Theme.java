package dev.cellshell.widgets;

/**
 * The desktop's theme ({@link CellContext#theme()}): the value of every {@link Token}. Cells draw with tokens rather
 * than literal colours, so a theme change restyles them all.
 */
public interface Theme {

    /** {@code light}, {@code dark}, … */
    String name();

    /** A colour token's value in this theme. @throws IllegalArgumentException for a size token */
    int color(Token token);

    /** A size token's value in this theme. @throws IllegalArgumentException for a colour token */
    float number(Token token);

    /** A token by its name in theme files; {@code fallback} when the theme has no such colour. */
    int color(String token, int fallback);

    /** A token by its name in theme files; {@code fallback} when the theme has no such number. */
    float number(String token, float fallback);
}
