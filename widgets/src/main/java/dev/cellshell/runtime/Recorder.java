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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link Canvas} that records into a new {@link DisplayList}: the one a cell host hands a cell to render on. Single
 * use: {@link #finish()} ends it. Operands are big-endian; text is an int byte length and UTF-8.
 */
public final class Recorder implements Canvas {

    private final Bytes out = new Bytes();
    private final java.util.List<DisplayList.HitRegion> regions = new java.util.ArrayList<>();
    private boolean finished;

    public Recorder() {
        out.write(DisplayList.FORMAT);
    }

    public DisplayList finish() {
        ensureOpen();
        finished = true;
        return DisplayList.trusted(out.toByteArray(), regions);
    }

    @Override
    public void clear(int color) {
        op(Op.CLEAR);
        out.int32(color);
    }

    @Override
    public void fillRect(float x, float y, float w, float h, int color) {
        op(Op.FILL_RECT);
        out.floats(x, y, w, h);
        out.int32(color);
    }

    @Override
    public void fillRoundRect(float x, float y, float w, float h, float radius, int color) {
        op(Op.FILL_ROUND_RECT);
        out.floats(x, y, w, h, radius);
        out.int32(color);
    }

    @Override
    public void strokeRoundRect(float x, float y, float w, float h, float radius, float strokeWidth, int color) {
        op(Op.STROKE_ROUND_RECT);
        out.floats(x, y, w, h, radius, strokeWidth);
        out.int32(color);
    }

    @Override
    public void drawLine(float x0, float y0, float x1, float y1, float strokeWidth, int color) {
        op(Op.LINE);
        out.floats(x0, y0, x1, y1, strokeWidth);
        out.int32(color);
    }

    @Override
    public void fillCircle(float cx, float cy, float radius, int color) {
        op(Op.FILL_CIRCLE);
        out.floats(cx, cy, radius);
        out.int32(color);
    }

    @Override
    public void strokeCircle(float cx, float cy, float radius, float strokeWidth, int color) {
        op(Op.STROKE_CIRCLE);
        out.floats(cx, cy, radius, strokeWidth);
        out.int32(color);
    }

    @Override
    public void drawText(String text, float x, float y, float size, int color, Align align) {
        byte[] utf8 = utf8(text);
        op(Op.TEXT);
        out.blob(utf8);
        out.floats(x, y, size);
        out.int32(color);
        out.write(align.ordinal());
    }

    @Override
    public void drawText(String text, float x, float baseline, TextStyle style, Align align) {
        byte[] utf8 = utf8(text);
        Objects.requireNonNull(style, "style");
        op(Op.STYLED_TEXT);
        out.blob(utf8);
        out.floats(x, baseline);
        style(style);
        out.write(align.ordinal());
    }

    @Override
    public void drawParagraph(Paragraph paragraph, float x, float y) {
        byte[] utf8 = utf8(paragraph.text());
        op(Op.PARAGRAPH);
        out.blob(utf8);
        style(paragraph.style());
        out.floats(paragraph.maxWidth());
        out.write(paragraph.align().ordinal());
        out.int32(paragraph.maxLines());
        out.floats(x, y);
    }

    @Override
    public void fillRoundRect(Rect box, float radius, Fill fill) {
        Objects.requireNonNull(fill, "fill");
        op(Op.FILL_BOX);
        box(box, radius);
        fill(fill);
    }

    @Override
    public void strokeRoundRect(Rect box, float radius, Stroke stroke, int color) {
        Objects.requireNonNull(stroke, "stroke");
        op(Op.STROKE_BOX);
        box(box, radius);
        stroke(stroke);
        out.int32(color);
    }

    @Override
    public void fillPath(Path path, Fill fill) {
        Objects.requireNonNull(fill, "fill");
        op(Op.FILL_PATH);
        path(path);
        fill(fill);
    }

    @Override
    public void strokePath(Path path, Stroke stroke, int color) {
        Objects.requireNonNull(stroke, "stroke");
        op(Op.STROKE_PATH);
        path(path);
        stroke(stroke);
        out.int32(color);
    }

    @Override
    public void drawShadow(Rect box, float radius, Shadow shadow) {
        op(Op.SHADOW);
        box(box, radius);
        out.floats(shadow.dx(), shadow.dy(), shadow.blur());
        out.int32(shadow.color());
    }

    @Override
    public void blurBehind(Rect box, float radius, float sigma) {
        if (!(sigma >= 0 && sigma <= Shadow.MAX_BLUR)) {
            throw new IllegalArgumentException("blur must be 0-" + Shadow.MAX_BLUR + ", not " + sigma);
        }
        op(Op.BLUR_BEHIND);
        box(box, radius);
        out.floats(sigma);
    }

    @Override
    public void saveLayer(float opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be 0-1, not " + opacity);
        }
        op(Op.SAVE_LAYER);
        out.floats(opacity);
    }

    @Override
    public void save() {
        op(Op.SAVE);
    }

    @Override
    public void restore() {
        op(Op.RESTORE);
    }

    @Override
    public void translate(float dx, float dy) {
        op(Op.TRANSLATE);
        out.floats(dx, dy);
    }

    @Override
    public void rotate(float degrees) {
        op(Op.ROTATE);
        out.floats(degrees);
    }

    @Override
    public void scale(float sx, float sy) {
        op(Op.SCALE);
        out.floats(sx, sy);
    }

    @Override
    public void clipRect(float x, float y, float w, float h) {
        op(Op.CLIP_RECT);
        out.floats(x, y, w, h);
    }

    @Override
    public void clipRoundRect(Rect box, float radius) {
        op(Op.CLIP_BOX);
        box(box, radius);
    }

    @Override
    public void hitRegion(float x, float y, float w, float h, float radius) {
        op(Op.HIT_REGION);
        out.floats(x, y, w, h, radius);
        regions.add(new DisplayList.HitRegion("", x, y, w, h, radius));
    }

    @Override
    public void hitRegion(String name, Rect box, float radius) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == 0 || utf8.length > DisplayList.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("a hit region's name is 1-" + DisplayList.MAX_NAME_BYTES
                    + " bytes, not " + utf8.length);
        }
        op(Op.NAMED_HIT_REGION);
        out.blob(utf8);
        box(box, radius);
        regions.add(new DisplayList.HitRegion(name, box.x(), box.y(), box.w(), box.h(), radius));
    }

    @Override
    public void drawPicture(dev.cellshell.widgets.Picture picture, Rect box, dev.cellshell.widgets.Fit fit) {
        Objects.requireNonNull(fit, "fit");
        op(Op.PICTURE);
        long key = picture.key();
        out.int32((int) (key >>> 32));
        out.int32((int) key);
        out.int32(picture.width());
        out.int32(picture.height());
        out.floats(box.x(), box.y(), box.w(), box.h());
        out.write(fit.ordinal());
    }

    @Override
    public void drawImage(byte[] encoded, float x, float y, float w, float h) {
        if (encoded.length > DisplayList.MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException("a picture of " + encoded.length + " bytes is larger than "
                    + DisplayList.MAX_IMAGE_BYTES);
        }
        op(Op.IMAGE);
        out.blob(encoded);
        out.floats(x, y, w, h);
    }

    private static byte[] utf8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > DisplayList.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text run of " + utf8.length + " bytes is longer than "
                    + DisplayList.MAX_TEXT_BYTES);
        }
        return utf8;
    }

    private void box(Rect box, float radius) {
        out.floats(box.x(), box.y(), box.w(), box.h(), radius);
    }

    private void style(TextStyle style) {
        out.floats(style.size());
        out.int32(style.weight());
        out.write((style.italic() ? 1 : 0) | (style.monospace() ? 2 : 0));
        out.floats(style.letterSpacing());
        out.int32(style.color());
    }

    private void fill(Fill fill) {
        if (fill instanceof Fill.Solid solid) {
            out.write(0);
            out.int32(solid.color());
        } else if (fill instanceof Fill.Linear linear) {
            out.write(1);
            out.floats(linear.x0(), linear.y0(), linear.x1(), linear.y1());
            gradient(linear.colors(), linear.stops());
        } else if (fill instanceof Fill.Radial radial) {
            out.write(2);
            out.floats(radial.cx(), radial.cy(), radial.radius());
            gradient(radial.colors(), radial.stops());
        }
    }

    private void gradient(int[] colors, float[] stops) {
        out.write(colors.length);
        for (int c : colors) {
            out.int32(c);
        }
        out.floats(stops);
    }

    private void stroke(Stroke stroke) {
        out.floats(stroke.width());
        out.write(stroke.cap().ordinal());
        out.write(stroke.join().ordinal());
        float[] dash = stroke.dash();
        out.write(dash.length);
        out.floats(dash);
    }

    private void path(Path path) {
        out.write(path.isEvenOdd() ? 1 : 0);
        int verbs = path.verbCount();
        out.int32(verbs);
        for (int i = 0; i < verbs; i++) {
            out.write(path.verb(i).ordinal());
        }
        out.floats(path.numbers());
    }

    private void op(byte code) {
        ensureOpen();
        out.write(code);
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("recorder already finished");
        }
    }

    /** A growing byte buffer with big-endian writers (no checked exceptions, no synchronisation). */
    private static final class Bytes extends ByteArrayOutputStream {

        Bytes() {
            super(256);
        }

        void int32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void floats(float... values) {
            for (float v : values) {
                int32(Float.floatToIntBits(v));
            }
        }

        void blob(byte[] bytes) {
            int32(bytes.length);
            writeBytes(bytes);
        }
    }
}
