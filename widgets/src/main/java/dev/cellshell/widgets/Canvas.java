package dev.cellshell.widgets;

/**
 * What a cell draws on. Coordinates are logical pixels from the cell's top-left corner; colours are ARGB ints
 * ({@link Color}). The tissue hands cells a recorder ({@link DisplayList.Recorder}); the compositor replays the
 * recording onto the GPU through another implementation of this interface.
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
     * Declares where the cell takes pointer input: a rounded rectangle in the cell's own coordinates (transforms
     * do not apply; a circle is a square with {@code radius = w / 2}). Several calls add up. A cell that declares
     * none takes input anywhere in its bounds; one that does lets input elsewhere fall through to the cells
     * behind it. Draws nothing.
     */
    default void hitRegion(float x, float y, float w, float h, float radius) {
    }
}
