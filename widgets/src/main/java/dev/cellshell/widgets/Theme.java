package dev.cellshell.widgets;

import java.util.Map;

/**
 * The desktop's design tokens (colours and sizes by name: {@code background}, {@code surface}, {@code onSurface},
 * {@code primary}, …). Cells draw with tokens rather than literal colours, so a theme change restyles them all.
 */
public record Theme(String name, Props tokens) {

    public static Theme of(String name, Map<String, String> tokens) {
        return new Theme(name, Props.of(tokens));
    }

    /** A theme without tokens: every lookup gives its fallback. */
    public static Theme none() {
        return new Theme("none", Props.empty());
    }

    public int color(String token, int fallback) {
        return tokens.color(token, fallback);
    }

    public float number(String token, float fallback) {
        return tokens.number(token, fallback);
    }
}
