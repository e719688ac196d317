package dev.cellshell.runtime;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;

/** A {@link Canvas} that does nothing: extend it to see only some operations of a replay. */
public class CanvasAdapter implements Canvas {
    @Override public void clear(int color) { }
    @Override public void fillRect(float x, float y, float w, float h, int color) { }
    @Override public void fillRoundRect(float x, float y, float w, float h, float radius, int color) { }
    @Override public void strokeRoundRect(float x, float y, float w, float h, float radius, float sw, int color) { }
    @Override public void drawLine(float x0, float y0, float x1, float y1, float sw, int color) { }
    @Override public void fillCircle(float cx, float cy, float radius, int color) { }
    @Override public void strokeCircle(float cx, float cy, float radius, float sw, int color) { }
    @Override public void drawText(String text, float x, float y, float size, int color, Align align) { }
    @Override public void drawText(String text, float x, float baseline, TextStyle style, Align align) { }
    @Override public void drawParagraph(Paragraph paragraph, float x, float y) { }
    @Override public void fillRoundRect(Rect box, float radius, Fill fill) { }
    @Override public void strokeRoundRect(Rect box, float radius, Stroke stroke, int color) { }
    @Override public void fillPath(Path path, Fill fill) { }
    @Override public void strokePath(Path path, Stroke stroke, int color) { }
    @Override public void drawShadow(Rect box, float radius, Shadow shadow) { }
    @Override public void blurBehind(Rect box, float radius, float sigma) { }
    @Override public void saveLayer(float opacity) { }
    @Override public void save() { }
    @Override public void restore() { }
    @Override public void translate(float dx, float dy) { }
    @Override public void rotate(float degrees) { }
    @Override public void scale(float sx, float sy) { }
    @Override public void clipRect(float x, float y, float w, float h) { }
    @Override public void clipRoundRect(Rect box, float radius) { }
    @Override public void hitRegion(String name, Rect box, float radius) { }
    @Override public void drawPicture(dev.cellshell.widgets.Picture picture, Rect box, dev.cellshell.widgets.Fit fit) { }
}
