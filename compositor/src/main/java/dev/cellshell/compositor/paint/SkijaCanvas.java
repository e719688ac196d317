package dev.cellshell.compositor.paint;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import io.github.humbleui.skija.FilterBlurMode;
import io.github.humbleui.skija.FilterTileMode;
import io.github.humbleui.skija.ImageFilter;
import io.github.humbleui.skija.MaskFilter;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.PaintMode;
import io.github.humbleui.skija.PaintStrokeCap;
import io.github.humbleui.skija.PaintStrokeJoin;
import io.github.humbleui.skija.PathBuilder;
import io.github.humbleui.skija.PathEffect;
import io.github.humbleui.skija.PathFillMode;
import io.github.humbleui.skija.SaveLayerRec;
import io.github.humbleui.skija.Shader;
import io.github.humbleui.types.RRect;

/**
 * Replays widget {@link Canvas} calls onto a Skija canvas. Text is shaped by Skia's paragraph shaper through
 * {@link Fonts#text()}, as the cell host measured it. One per painter, pointed at each target in turn ({@link #on}),
 * so its paints are made once.
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
        target.drawRect(io.github.humbleui.types.Rect.makeXYWH(x, y, w, h), fill.setColor(color));
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
        if (text.isEmpty() || !(size > 0 && size <= TextStyle.MAX_SIZE)) {
            return;
        }
        drawText(text, x, y, TextStyle.of(size).withColor(color), align);
    }

    @Override
    public void drawText(String text, float x, float baseline, TextStyle style, Align align) {
        if (text.isEmpty()) {
            return;
        }
        io.github.humbleui.skija.paragraph.Paragraph line = fonts.text().shaped(text, style, Float.POSITIVE_INFINITY,
                Align.LEFT, 0);
        float width = line.getMaxIntrinsicWidth();
        float left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - width / 2;
            case RIGHT -> x - width;
        };
        line.paint(target, left, baseline - line.getAlphabeticBaseline());
    }

    @Override
    public void drawParagraph(Paragraph paragraph, float x, float y) {
        fonts.text().shaped(paragraph.text(), paragraph.style(), paragraph.maxWidth(), paragraph.align(),
                paragraph.maxLines()).paint(target, x, y);
    }

    @Override
    public void fillRoundRect(Rect box, float radius, Fill paint) {
        try (Shader shader = shader(paint)) {
            fill.setShader(shader);
            if (shader == null) {
                fill.setColor(((Fill.Solid) paint).color());
            } else {
                fill.setColor(0xFF000000);
            }
            target.drawRRect(rrect(box, radius), fill);
        } finally {
            fill.setShader(null);
        }
    }

    @Override
    public void strokeRoundRect(Rect box, float radius, Stroke how, int color) {
        try (PathEffect dash = styled(how)) {
            stroke.setColor(color);
            target.drawRRect(rrect(box, radius), stroke);
        } finally {
            plainStroke();
        }
    }

    @Override
    public void fillPath(Path path, Fill paint) {
        try (io.github.humbleui.skija.Path skiaPath = skia(path); Shader shader = shader(paint)) {
            fill.setShader(shader);
            fill.setColor(shader == null ? ((Fill.Solid) paint).color() : 0xFF000000);
            target.drawPath(skiaPath, fill);
        } finally {
            fill.setShader(null);
        }
    }

    @Override
    public void strokePath(Path path, Stroke how, int color) {
        try (io.github.humbleui.skija.Path skiaPath = skia(path); PathEffect dash = styled(how)) {
            stroke.setColor(color);
            target.drawPath(skiaPath, stroke);
        } finally {
            plainStroke();
        }
    }

    @Override
    public void drawShadow(Rect box, float radius, Shadow shadow) {
        if (shadow.blur() <= 0) {
            target.drawRRect(rrect(box.translate(shadow.dx(), shadow.dy()), radius), fill.setColor(shadow.color()));
            return;
        }
        try (MaskFilter blur = MaskFilter.makeBlur(FilterBlurMode.NORMAL, shadow.blur())) {
            fill.setMaskFilter(blur);
            target.drawRRect(rrect(box.translate(shadow.dx(), shadow.dy()), radius), fill.setColor(shadow.color()));
        } finally {
            fill.setMaskFilter(null);
        }
    }

    @Override
    public void blurBehind(Rect box, float radius, float sigma) {
        if (sigma <= 0) {
            return;
        }
        target.save();
        target.clipRRect(rrect(box, radius), true);
        try (ImageFilter blur = ImageFilter.makeBlur(sigma, sigma, FilterTileMode.CLAMP)) {
            target.saveLayer(new SaveLayerRec(null, null, blur));
            target.restore();
        }
        target.restore();
    }

    @Override
    public void saveLayer(float opacity) {
        target.saveLayerAlpha(null, Math.round(opacity * 255));
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
        target.drawImageRect(picture, io.github.humbleui.types.Rect.makeWH(picture.getWidth(), picture.getHeight()),
                io.github.humbleui.types.Rect.makeXYWH(x, y, w, h), io.github.humbleui.skija.SamplingMode.LINEAR,
                fill.setColor(0xFFFFFFFF), true);
    }

    /** Decoded pictures by key, a few at a time. */
    private final java.util.LinkedHashMap<Long, io.github.humbleui.skija.Image> decoded =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, io.github.humbleui.skija.Image> e) {
                    if (size() > 16) {
                        e.getValue().close();
                        return true;
                    }
                    return false;
                }
            };

    @Override
    public void drawPicture(dev.cellshell.widgets.Picture picture, Rect box, dev.cellshell.widgets.Fit fit) {
        io.github.humbleui.skija.Image image = decoded.get(picture.key());
        if (image == null) {
            byte[] encoded = Pictures.get(picture.key());
            if (encoded == null) {
                return;
            }
            try {
                image = SvgPictures.isSvg(encoded) ? SvgPictures.rasterize(encoded, picture, box)
                        : io.github.humbleui.skija.Image.makeDeferredFromEncodedBytes(encoded);
            } catch (RuntimeException e) {
                image = null;
            }
            if (image == null) {
                return;
            }
            decoded.put(picture.key(), image);
        }
        float iw = image.getWidth();
        float ih = image.getHeight();
        float sx = box.w() / iw;
        float sy = box.h() / ih;
        float scale = fit == dev.cellshell.widgets.Fit.COVER ? Math.max(sx, sy) : Math.min(sx, sy);
        float w = fit == dev.cellshell.widgets.Fit.FILL ? box.w() : iw * scale;
        float h = fit == dev.cellshell.widgets.Fit.FILL ? box.h() : ih * scale;
        target.save();
        target.clipRect(io.github.humbleui.types.Rect.makeXYWH(box.x(), box.y(), box.w(), box.h()), true);
        target.drawImageRect(image, io.github.humbleui.types.Rect.makeWH(iw, ih),
                io.github.humbleui.types.Rect.makeXYWH(box.centerX() - w / 2, box.centerY() - h / 2, w, h),
                io.github.humbleui.skija.SamplingMode.LINEAR, fill.setColor(0xFFFFFFFF), true);
        target.restore();
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
    public void scale(float sx, float sy) {
        target.scale(sx, sy);
    }

    @Override
    public void clipRect(float x, float y, float w, float h) {
        target.clipRect(io.github.humbleui.types.Rect.makeXYWH(x, y, w, h), true);
    }

    @Override
    public void clipRoundRect(Rect box, float radius) {
        target.clipRRect(rrect(box, radius), true);
    }

    @Override
    public void hitRegion(String name, Rect box, float radius) {
    }

    private static RRect rrect(Rect box, float radius) {
        return RRect.makeXYWH(box.x(), box.y(), box.w(), box.h(), Math.max(0, radius));
    }

    /** The gradient's shader, or {@code null} for a solid colour. */
    private static Shader shader(Fill paint) {
        if (paint instanceof Fill.Linear l) {
            return Shader.makeLinearGradient(l.x0(), l.y0(), l.x1(), l.y1(), l.colors(), l.stops());
        }
        if (paint instanceof Fill.Radial r) {
            return Shader.makeRadialGradient(r.cx(), r.cy(), r.radius(), r.colors(), r.stops());
        }
        return null;
    }

    /** Sets the stroke paint up for {@code how}; returns the dash effect to close after drawing, or {@code null}. */
    private PathEffect styled(Stroke how) {
        stroke.setStrokeWidth(how.width());
        stroke.setStrokeCap(switch (how.cap()) {
            case BUTT -> PaintStrokeCap.BUTT;
            case ROUND -> PaintStrokeCap.ROUND;
            case SQUARE -> PaintStrokeCap.SQUARE;
        });
        stroke.setStrokeJoin(switch (how.join()) {
            case MITER -> PaintStrokeJoin.MITER;
            case ROUND -> PaintStrokeJoin.ROUND;
            case BEVEL -> PaintStrokeJoin.BEVEL;
        });
        float[] dash = how.dash();
        PathEffect effect = dash.length == 0 ? null : PathEffect.makeDash(dash, 0);
        stroke.setPathEffect(effect);
        return effect;
    }

    private void plainStroke() {
        stroke.setPathEffect(null);
        stroke.setStrokeCap(PaintStrokeCap.BUTT);
        stroke.setStrokeJoin(PaintStrokeJoin.MITER);
    }

    private static io.github.humbleui.skija.Path skia(Path path) {
        try (PathBuilder builder = new PathBuilder()) {
            builder.setFillMode(path.isEvenOdd() ? PathFillMode.EVEN_ODD : PathFillMode.WINDING);
            float[] n = path.numbers();
            int at = 0;
            for (int i = 0; i < path.verbCount(); i++) {
                switch (path.verb(i)) {
                    case MOVE -> builder.moveTo(n[at], n[at + 1]);
                    case LINE -> builder.lineTo(n[at], n[at + 1]);
                    case QUAD -> builder.quadTo(n[at], n[at + 1], n[at + 2], n[at + 3]);
                    case CUBIC -> builder.cubicTo(n[at], n[at + 1], n[at + 2], n[at + 3], n[at + 4], n[at + 5]);
                    case ARC -> {
                        float r = n[at + 2];
                        builder.arcTo(io.github.humbleui.types.Rect.makeLTRB(n[at] - r, n[at + 1] - r, n[at] + r,
                                n[at + 1] + r), n[at + 3], n[at + 4], false);
                    }
                    case CLOSE -> builder.closePath();
                }
                at += path.verb(i).floats();
            }
            return builder.build();
        }
    }
}
