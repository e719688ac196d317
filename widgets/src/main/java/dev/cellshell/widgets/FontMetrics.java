package dev.cellshell.widgets;

/**
 * The vertical measures of a {@link TextStyle}'s font, in logical pixels, all positive: {@code ascent} above the
 * baseline, {@code descent} below it, {@code leading} between lines, and the heights of capitals and of an x, for
 * centring text by eye ({@code baseline = middle + capHeight / 2}).
 */
public record FontMetrics(float ascent, float descent, float leading, float capHeight, float xHeight) {

    /** Baseline to baseline: what one line of this style takes. */
    public float lineHeight() {
        return ascent + descent + leading;
    }

    /** The baseline that centres capitals vertically on {@code middle}. */
    public float baselineCentredOn(float middle) {
        return middle + capHeight / 2;
    }
}
