package dev.cellshell.widgets;

/**
 * How text looks: size in logical pixels, weight (400 regular, 700 bold), italic, monospace, extra space between
 * letters and colour. Immutable; change one with the withers, e.g. {@code TextStyle.of(14).bold().withColor(c)}.
 * {@link Text} measures with it and {@link Canvas#drawText(String, float, float, TextStyle, Align)} draws with it,
 * through the same fonts.
 */
public record TextStyle(float size, int weight, boolean italic, boolean monospace, float letterSpacing, int color) {

    public static final int REGULAR = 400;
    public static final int BOLD = 700;
    /** Largest text size a style takes. */
    public static final float MAX_SIZE = 1000;

    /** @throws IllegalArgumentException when the size is not in (0, 1000], the weight not in 1–1000 */
    public TextStyle {
        if (!(size > 0 && size <= MAX_SIZE)) {
            throw new IllegalArgumentException("text size must be more than 0 and at most " + MAX_SIZE + ", not "
                    + size);
        }
        if (weight < 1 || weight > 1000) {
            throw new IllegalArgumentException("font weight must be 1-1000 (400 regular, 700 bold), not " + weight);
        }
        if (!Float.isFinite(letterSpacing) || Math.abs(letterSpacing) > MAX_SIZE) {
            throw new IllegalArgumentException("letter spacing must be a number within ±" + MAX_SIZE + ", not "
                    + letterSpacing);
        }
    }

    /** Regular, upright, proportional, black text of {@code size}. */
    public static TextStyle of(float size) {
        return new TextStyle(size, REGULAR, false, false, 0, Color.BLACK);
    }

    public TextStyle withSize(float newSize) {
        return new TextStyle(newSize, weight, italic, monospace, letterSpacing, color);
    }

    public TextStyle withWeight(int newWeight) {
        return new TextStyle(size, newWeight, italic, monospace, letterSpacing, color);
    }

    public TextStyle bold() {
        return withWeight(BOLD);
    }

    public TextStyle withItalic(boolean slanted) {
        return new TextStyle(size, weight, slanted, monospace, letterSpacing, color);
    }

    public TextStyle withMonospace(boolean fixed) {
        return new TextStyle(size, weight, italic, fixed, letterSpacing, color);
    }

    public TextStyle withLetterSpacing(float spacing) {
        return new TextStyle(size, weight, italic, monospace, spacing, color);
    }

    public TextStyle withColor(int newColor) {
        return new TextStyle(size, weight, italic, monospace, letterSpacing, newColor);
    }
}
