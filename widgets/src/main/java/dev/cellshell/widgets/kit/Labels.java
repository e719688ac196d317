package dev.cellshell.widgets.kit;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.FontMetrics;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Text;
import dev.cellshell.widgets.TextStyle;

/**
 * One line of text in a box, measured instead of guessed: {@link #fit} shrinks a style until the text fits, {@link
 * #draw} centres the capitals on the box's middle and aligns the line in its width, ending it with an ellipsis when it
 * is still too long.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * {@code style} at the largest size, at most its own and at least {@code minSize}, at which {@code s} fits
     * {@code maxWidth} on one line and a line fits {@code maxHeight}.
     */
    public static TextStyle fit(Text text, String s, TextStyle style, float maxWidth, float maxHeight,
            float minSize) {
        float size = style.size();
        float width = text.measure(s, style);
        if (width > maxWidth && width > 0) {
            size = size * Math.max(0, maxWidth) / width;
        }
        float line = text.metrics(style).lineHeight();
        if (line > maxHeight && line > 0) {
            size = Math.min(size, style.size() * Math.max(0, maxHeight) / line);
        }
        size = Math.max(Math.min(minSize, style.size()), Math.min(style.size(), size));
        return size == style.size() ? style : style.withSize(Math.max(0.5f, size));
    }

    /**
     * Draws {@code s} on one line in {@code box}: capitals centred on the box's middle, the line at its left, centre
     * or right; a line wider than the box ends in an ellipsis.
     */
    public static void draw(Canvas canvas, Text text, String s, TextStyle style, Rect box, Align align) {
        FontMetrics metrics = text.metrics(style);
        float baseline = metrics.baselineCentredOn(box.centerY());
        if (text.measure(s, style) <= box.w()) {
            float x = switch (align) {
                case LEFT -> box.x();
                case CENTER -> box.centerX();
                case RIGHT -> box.right();
            };
            canvas.drawText(s, x, baseline, style, align);
            return;
        }
        if (box.w() <= 0) {
            return;
        }
        Paragraph cut = text.layout(s, style, box.w(), align, 1);
        float firstBaseline = cut.lines().isEmpty() ? metrics.ascent() : cut.lines().get(0).baseline();
        canvas.drawParagraph(cut, box.x(), baseline - firstBaseline);
    }
}
