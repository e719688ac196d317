package dev.cellshell.widgets;

import java.util.List;

/**
 * Text laid out in lines no wider than {@code maxWidth}: what {@link Text#layout} measured, and what
 * {@link Canvas#drawParagraph} draws. The compositor lays the same text out again with the same fonts and the same
 * inputs ({@code text}, {@code style}, {@code maxWidth}, {@code align}, {@code maxLines}), so the lines drawn are the
 * lines measured here.
 *
 * @param width the widest line
 * @param height from the top of the first line to the bottom of the last
 * @param lines every line, top to bottom
 * @param truncated true when {@code maxLines} cut the text (the last line then ends in an ellipsis)
 */
public record Paragraph(String text, TextStyle style, float maxWidth, Align align, int maxLines, float width,
        float height, List<Line> lines, boolean truncated) {

    /** Most lines a paragraph may be cut to; 0 means no limit. */
    public static final int MAX_LINES = 10_000;

    public Paragraph {
        lines = List.copyOf(lines);
    }

    /**
     * One laid-out line: the characters {@code [start, end)} of the text, its left edge, baseline and width within
     * the paragraph, and its ascent and descent.
     */
    public record Line(int start, int end, float left, float baseline, float width, float ascent, float descent) {

        public float top() {
            return baseline - ascent;
        }

        public float bottom() {
            return baseline + descent;
        }
    }

    public int lineCount() {
        return lines.size();
    }

    /** The line at {@code y} (paragraph coordinates), the nearest one above or below when outside. */
    public Line lineAt(float y) {
        if (lines.isEmpty()) {
            throw new IllegalStateException("an empty paragraph has no lines");
        }
        for (Line line : lines) {
            if (y < line.bottom()) {
                return line;
            }
        }
        return lines.get(lines.size() - 1);
    }
}
