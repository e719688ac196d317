package dev.cellshell.widgets;

/**
 * What a cell draws on. Coordinates are logical pixels from the cell's top-left corner; colours are ARGB ints
 * ({@link Color}). The cell host hands cells a recorder; the compositor replays the recording (the cell's display
 * list) onto the screen through another implementation of this interface, with Skia.
 *
 * <p>Text is drawn with a {@link TextStyle} and measured beforehand with {@link CellContext#text()}, through the same
 * fonts; shapes take a {@link Fill} (a colour or a gradient) and a {@link Stroke}. The shorter methods with plain
 * numbers are kept for cells written before styles existed.
 */
public interface Canvas {

    void clear(int color);

    void fillRect(float x, float y, float w, float h, int color);

    void fillRoundRect(float x, float y, float w, float h, float radius, int color);

    void strokeRoundRect(float x, float y, float w, float h, float radius, float strokeWidth, int color);

    void drawLine(float x0, float y0, float x1, float y1, float strokeWidth, int color);

    void fillCircle(float cx, float cy, float radius, int color);

    void strokeCircle(float cx, float cy, float radius, float strokeWidth, int color);

    /** Draws one line of text whose baseline starts (LEFT), centres (CENTER) or ends (RIGHT) at (x, y). */
    void drawText(String text, float x, float y, float size, int color, Align align);

    /**
     * Draws one line of text in {@code style} whose baseline starts (LEFT), centres (CENTER) or ends (RIGHT) at
     * (x, baseline); {@link Text#measure} gives its width, {@link Text#metrics} its ascent and descent.
     */
    void drawText(String text, float x, float baseline, TextStyle style, Align align);

    /** Draws a paragraph laid out by {@link Text#layout} with the top-left corner of its box at (x, y). */
    void drawParagraph(Paragraph paragraph, float x, float y);

    /** Fills a rectangle with rounded corners ({@code radius} 0: square) with a colour or a gradient. */
    void fillRoundRect(Rect box, float radius, Fill fill);

    /** Strokes the outline of a rectangle with rounded corners. */
    void strokeRoundRect(Rect box, float radius, Stroke stroke, int color);

    /** Fills the inside of {@code path}. */
    void fillPath(Path path, Fill fill);

    /** Strokes {@code path}'s outline. */
    void strokePath(Path path, Stroke stroke, int color);

    /** Draws the shadow a rounded rectangle would cast (not the rectangle): draw the card on top of it. */
    void drawShadow(Rect box, float radius, Shadow shadow);

    /**
     * Blurs what this cell has drawn so far inside the rounded rectangle ({@code sigma} 0–100 logical pixels): frosted
     * glass over the cell's own background. Other cells behind this one are not blurred.
     */
    void blurBehind(Rect box, float radius, float sigma);

    /**
     * Like {@link #save()}, and what is drawn until the matching {@link #restore()} is blended onto what is below at
     * {@code opacity} (0–1) as one picture: a whole group fades without its overlaps showing through.
     */
    void saveLayer(float opacity);

    void scale(float sx, float sy);

    /** Restricts drawing to a rectangle with rounded corners (anti-aliased), until {@link #restore()}. */
    void clipRoundRect(Rect box, float radius);

    /**
     * Declares a named place that takes pointer input: events there carry the name
     * ({@link InputEvent.Pointer#region()}), so a cell lays out once in {@code render} and reads in {@code onEvent}
     * which part was hit instead of computing the geometry again. The last declared region wins where they overlap.
     * Like {@link #hitRegion(float, float, float, float, float)}, it also tells the desktop where the cell takes input.
     */
    void hitRegion(String name, Rect box, float radius);

    void save();

    void restore();

    void translate(float dx, float dy);

    void rotate(float degrees);

    void clipRect(float x, float y, float w, float h);

    /**
     * Draws an encoded picture (PNG or JPEG bytes, e.g. from {@link Images#read}) scaled into the rectangle. Bytes
     * that do not decode draw nothing.
     */
    default void drawImage(byte[] encoded, float x, float y, float w, float h) {
    }

    /**
     * Draws a picture from {@link Images#picture} into {@code box}: all of it as large as fits ({@link Fit#CONTAIN}),
     * the whole box with the overflow cut ({@link Fit#COVER}), or stretched ({@link Fit#FILL}).
     */
    void drawPicture(Picture picture, Rect box, Fit fit);

    /**
     * Declares where the cell takes pointer input: a rounded rectangle in the cell's own coordinates (transforms
     * do not apply; a circle is a square with {@code radius = w / 2}). Several calls add up. A cell that declares
     * none takes input anywhere in its bounds; one that does lets input elsewhere fall through to the cells
     * behind it. Draws nothing.
     */
    default void hitRegion(float x, float y, float w, float h, float radius) {
    }
}
