package dev.cellshell.widgets;

/**
 * Measures text with the fonts the compositor draws with ({@link CellContext#text()}): what is measured here is what
 * appears on screen. Results are cached, so measuring the same text again in every render is cheap.
 */
public interface Text {

    /** The vertical measures of the style's font. */
    FontMetrics metrics(TextStyle style);

    /** The advance width of {@code text} on one line (no wrapping). */
    float measure(String text, TextStyle style);

    /**
     * Lays {@code text} out in lines at most {@code maxWidth} wide, breaking between words (and inside a word longer
     * than a line); {@code \n} starts a new line.
     */
    default Paragraph layout(String text, TextStyle style, float maxWidth) {
        return layout(text, style, maxWidth, Align.LEFT, 0);
    }

    /**
     * As {@link #layout(String, TextStyle, float)}, each line aligned in {@code maxWidth}, and cut to at most
     * {@code maxLines} lines (0: no limit) with an ellipsis at the end of the last.
     *
     * @throws IllegalArgumentException when {@code maxWidth} is not a positive number or {@code maxLines} is not in
     *     0–{@value Paragraph#MAX_LINES}
     */
    Paragraph layout(String text, TextStyle style, float maxWidth, Align align, int maxLines);

    /**
     * The character offset in {@code text} (one line) nearest to {@code x}, for placing a caret where the pointer
     * pressed: 0 before the first character, {@code text.length()} after the last.
     */
    int offsetAt(String text, TextStyle style, float x);
}
