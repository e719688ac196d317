package dev.cellshell.widgets;

/**
 * The desktop theme's design tokens. Every token has a value in every theme (the theme's file, else the default
 * here), so a cell writes {@code theme.color(Token.SURFACE)} with no fallback of its own, and a theme change restyles
 * it. Colour tokens are read with {@link Theme#color(Token)}, sizes with {@link Theme#number(Token)}.
 */
public enum Token {
    BACKGROUND("background", "#E5E9F0"),
    SURFACE("surface", "#FFFFFF"),
    SURFACE_ALT("surfaceAlt", "#F2FFFFFF"),
    ON_SURFACE("onSurface", "#2E3440"),
    ON_SURFACE_MUTED("onSurfaceMuted", "#4C566A"),
    PRIMARY("primary", "#5E81AC"),
    PRIMARY_HOVER("primaryHover", "#6F8FBF"),
    PRIMARY_PRESSED("primaryPressed", "#4C6A91"),
    ON_PRIMARY("onPrimary", "#FFFFFF"),
    OUTLINE("outline", "#81A1C1"),
    PANEL("panel", "#F4F6F9"),
    /** Corner radius of cards and buttons. */
    RADIUS("radius", "12"),
    /** Space between a card's edge and what it holds. */
    PADDING("padding", "12"),
    /** Body text size. */
    TEXT_SIZE("textSize", "14"),
    /** Captions, labels under values. */
    SMALL_TEXT_SIZE("smallTextSize", "12"),
    /** Headings. */
    TITLE_SIZE("titleSize", "18");

    private final String key;
    private final String fallback;

    Token(String key, String fallback) {
        this.key = key;
        this.fallback = fallback;
    }

    /** The token's name in theme files ({@code surfaceAlt}). */
    public String key() {
        return key;
    }

    /** Its value when a theme does not set it (the light theme's). */
    public String fallback() {
        return fallback;
    }

    public boolean isColor() {
        return fallback.startsWith("#");
    }
}
