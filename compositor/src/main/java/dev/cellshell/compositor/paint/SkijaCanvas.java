package dev.cellshell.compositor.paint;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.PaintMode;
import io.github.humbleui.skija.TextLine;
import io.github.humbleui.types.RRect;
import io.github.humbleui.types.Rect;

/**
 * Replays widget {@link Canvas} calls onto a Skija canvas. Text is shaped by Skia ({@link TextLine}). One per
 * painter, pointed at each target in turn ({@link #on}), so its paints are made once.
 */
final class SkijaCanvas implements Canvas {

    private io.github.humbleui.skija.Canvas target;
    private final Fonts fonts;
    private final Paint fill = new Paint().setAntiAlias(true);
    private final Paint stroke = new Paint().setAntiAlias(true).setMode(PaintMode.STROKE);

    SkijaCanvas(io.github.humbleui.skija.Canvas target, Fonts fonts) {
        this.target = target;
        this.fonts = fonts;
    }

    SkijaCanvas(Fonts fonts) {
        this.fonts = fonts;
    }

    /** Draws onto {@code canvas} from now on. */
    SkijaCanvas on(io.github.humbleui.skija.Canvas canvas) {
        target = canvas;
        return this;
    }

    @Override
    public void clear(int color) {
        target.clear(color);
    }

    @Override
    public void fillRect(float x, float y, float w, float h, int color) {
        target.drawRect(Rect.makeXYWH(x, y, w, h), fill.setColor(color));
    }

    @Override
    public void fillRoundRect(float x, float y, float w, float h, float radius, int color) {
        target.drawRRect(RRect.makeXYWH(x, y, w, h, radius), fill.setColor(color));
    }

    @Override
    public void strokeRoundRect(float x, float y, float w, float h, float radius, float strokeWidth, int color) {
        target.drawRRect(RRect.makeXYWH(x, y, w, h, radius), stroke.setColor(color).setStrokeWidth(strokeWidth));
    }

    @Override
    public void drawLine(float x0, float y0, float x1, float y1, float strokeWidth, int color) {
        target.drawLine(x0, y0, x1, y1, stroke.setColor(color).setStrokeWidth(strokeWidth));
    }

    @Override
    public void fillCircle(float cx, float cy, float radius, int color) {
        target.drawCircle(cx, cy, radius, fill.setColor(color));
    }

    @Override
    public void strokeCircle(float cx, float cy, float radius, float strokeWidth, int color) {
        target.drawCircle(cx, cy, radius, stroke.setColor(color).setStrokeWidth(strokeWidth));
    }

    @Override
    public void drawText(String text, float x, float y, float size, int color, Align align) {
        if (text.isEmpty() || size <= 0) {
            return;
        }
        try (TextLine line = TextLine.make(text, fonts.at(size))) {
            float left = switch (align) {
                case LEFT -> x;
                case CENTER -> x - line.getWidth() / 2;
                case RIGHT -> x - line.getWidth();
            };
            target.drawTextLine(line, left, y, fill.setColor(color));
        }
    }

    /** Decoded pictures by content, a few at a time (a picture is decoded when its layer is drawn, not per frame). */
    private final java.util.LinkedHashMap<Integer, io.github.humbleui.skija.Image> pictures =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Integer, io.github.humbleui.skija.Image> e) {
                    if (size() > 16) {
                        e.getValue().close();
                        return true;
                    }
                    return false;
                }
            };

    @Override
    public void drawImage(byte[] encoded, float x, float y, float w, float h) {
        int key = java.util.Arrays.hashCode(encoded) * 31 + encoded.length;
        io.github.humbleui.skija.Image picture = pictures.get(key);
        if (picture == null) {
            try {
                picture = io.github.humbleui.skija.Image.makeDeferredFromEncodedBytes(encoded);
            } catch (RuntimeException e) {
                picture = null;
            }
            if (picture == null) {
                return;
            }
            pictures.put(key, picture);
        }
        target.drawImageRect(picture, Rect.makeWH(picture.getWidth(), picture.getHeight()), Rect.makeXYWH(x, y, w, h),
                io.github.humbleui.skija.SamplingMode.LINEAR, fill.setColor(0xFFFFFFFF), true);
    }

    @Override
    public void save() {
        target.save();
    }

    @Override
    public void restore() {
        target.restore();
    }

    @Override
    public void translate(float dx, float dy) {
        target.translate(dx, dy);
    }

    @Override
    public void rotate(float degrees) {
        target.rotate(degrees);
    }

    @Override
    public void clipRect(float x, float y, float w, float h) {
        target.clipRect(Rect.makeXYWH(x, y, w, h), true);
    }
}
