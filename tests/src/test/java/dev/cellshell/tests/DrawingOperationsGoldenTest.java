package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.compositor.paint.RasterPainter;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every drawing operation of display-list format 2, each on a small scene with a golden image: through both GPU
 * painters (OpenGL and Vulkan, one golden {@code op-NAME}) and through Skia's CPU raster (its own golden
 * {@code op-NAME-cpu}: anti-aliased edges differ by more than the goldens' tolerance between GPU and CPU), and the
 * GPU and CPU pictures agree with each other as the demo desktop's do.
 */
class DrawingOperationsGoldenTest {

    static final int W = 240;
    static final int H = 140;
    static final int INK = 0xFF2E3440;
    static final TextStyle BODY = TextStyle.of(15).withColor(INK);
    static final long SAMPLE_KEY = 0x5A3B1E;

    static {
        // the shell sends a picture's bytes to the compositor before the scene that draws it; here, the test does
        java.awt.image.BufferedImage sample = new java.awt.image.BufferedImage(96, 64,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                boolean inCircle = (x - 48) * (x - 48) + (y - 32) * (y - 32) < 400;
                sample.setRGB(x, y, inCircle ? 0xEBCB8B : (x * 255 / 96) << 16 | (y * 255 / 64) << 8 | 0x80);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(sample, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dev.cellshell.compositor.paint.Pictures.put(SAMPLE_KEY, png.toByteArray());
    }

    enum Operation {
        TEXT_STYLES(c -> {
            c.drawText("Regular", 8, 20, BODY, Align.LEFT);
            c.drawText("Bold", 8, 40, BODY.bold(), Align.LEFT);
            c.drawText("Italic", 8, 60, BODY.withItalic(true), Align.LEFT);
            c.drawText("Mono 0O1l", 8, 80, BODY.withMonospace(true), Align.LEFT);
            c.drawText("S p a c e d", 8, 100, BODY.withLetterSpacing(2).withColor(0xFF5E81AC), Align.LEFT);
            c.drawText("漢字かな한국어 😀", 8, 126, BODY.withSize(18), Align.LEFT);
            c.drawText("right", W - 8, 20, BODY, Align.RIGHT);
            c.drawText("centre", W / 2f + 40, 40, BODY, Align.CENTER);
        }),
        PARAGRAPH(c -> {
            c.drawParagraph(new Paragraph("A paragraph wraps between words to the width it is given, and is"
                    + " centred line by line.", BODY, 150, Align.CENTER, 0, 0, 0, List.of(), false), 8, 4);
            c.drawParagraph(new Paragraph("Cut to two lines with an ellipsis at the end of the second one here",
                    BODY.withSize(12), 220, Align.LEFT, 2, 0, 0, List.of(), false), 8, 100);
        }),
        LINEAR_GRADIENT(c -> c.fillRoundRect(Rect.of(10, 10, W - 20, H - 20), 18,
                Fill.linear(10, 10, W - 10, H - 10, 0xFF5E81AC, 0xFFB48EAD, 0xFFEBCB8B))),
        RADIAL_GRADIENT(c -> c.fillRoundRect(Rect.of(10, 10, W - 20, H - 20), 0,
                new Fill.Radial(W / 2f, H / 2f, 90, new int[] {0xFFFFFFFF, 0xFF88C0D0, 0x0088C0D0},
                        new float[] {0, 0.6f, 1}))),
        STROKES(c -> {
            c.strokeRoundRect(Rect.of(10, 10, 100, 60), 12, Stroke.of(3).withDash(8, 4), INK);
            Path zigzag = new Path().moveTo(130, 60).lineTo(160, 15).lineTo(190, 60).lineTo(220, 15);
            c.strokePath(zigzag, Stroke.of(8).withJoin(Stroke.Join.ROUND).withCap(Stroke.Cap.ROUND), 0xFFBF616A);
            c.strokePath(new Path().moveTo(20, 100).lineTo(100, 100), Stroke.of(10).withCap(Stroke.Cap.SQUARE),
                    0xFFA3BE8C);
            c.strokePath(new Path().moveTo(130, 100).lineTo(220, 100), Stroke.of(10).withCap(Stroke.Cap.BUTT)
                    .withJoin(Stroke.Join.BEVEL), 0xFFA3BE8C);
        }),
        PATHS(c -> {
            Path star = new Path();
            for (int i = 0; i < 5; i++) {
                double a = Math.toRadians(-90 + i * 144);
                float x = 70 + (float) Math.cos(a) * 55;
                float y = 70 + (float) Math.sin(a) * 55;
                if (i == 0) {
                    star.moveTo(x, y);
                } else {
                    star.lineTo(x, y);
                }
            }
            c.fillPath(star.close().evenOdd(), Fill.solid(0xFFEBCB8B));
            Path bubble = new Path().moveTo(140, 20).lineTo(220, 20).quadTo(230, 20, 230, 30).lineTo(230, 80)
                    .cubicTo(230, 90, 225, 95, 215, 95).lineTo(170, 95).lineTo(150, 120).lineTo(155, 95)
                    .arc(150, 85, 10, 90, 90).close();
            c.fillPath(bubble, Fill.linear(0, 20, 0, 120, 0xFF88C0D0, 0xFF5E81AC));
        }),
        SHADOW(c -> {
            Rect card = Rect.of(40, 25, 160, 80);
            c.drawShadow(card, 14, new Shadow(0, 8, 10, 0x66000000));
            c.fillRoundRect(card, 14, Fill.solid(0xFFFFFFFF));
            c.drawText("card", card.centerX(), card.centerY() + 5, BODY, Align.CENTER);
        }),
        BLUR_BEHIND(c -> {
            for (int x = 0; x < W; x += 20) {
                c.fillRect(x, 0, 10, H, 0xFF5E81AC);
            }
            c.blurBehind(Rect.of(40, 30, 160, 80), 16, 8);
            c.fillRoundRect(Rect.of(40, 30, 160, 80), 16, Fill.solid(0x55FFFFFF));
            c.drawText("frosted", W / 2f, 75, BODY, Align.CENTER);
        }),
        OPACITY_LAYER(c -> {
            c.saveLayer(0.5f);
            c.fillCircle(90, 70, 45, 0xFFBF616A);
            c.fillCircle(150, 70, 45, 0xFFBF616A);
            c.restore();
            c.fillCircle(120, 70, 10, INK);
        }),
        PICTURES(c -> {
            dev.cellshell.widgets.Picture picture = new dev.cellshell.widgets.Picture("sample", SAMPLE_KEY, 96, 64);
            c.drawPicture(picture, Rect.of(8, 8, 70, 124), dev.cellshell.widgets.Fit.CONTAIN);
            c.drawPicture(picture, Rect.of(86, 8, 70, 124), dev.cellshell.widgets.Fit.COVER);
            c.drawPicture(picture, Rect.of(164, 8, 70, 124), dev.cellshell.widgets.Fit.FILL);
        }),
        CLIP_AND_SCALE(c -> {
            c.save();
            c.clipRoundRect(Rect.of(10, 10, 100, 100), 30);
            c.fillRect(0, 0, W, H, 0xFFA3BE8C);
            c.restore();
            c.save();
            c.translate(130, 40);
            c.scale(2, 1.5f);
            c.drawText("×2", 0, 20, BODY, Align.LEFT);
            c.strokeRoundRect(Rect.of(0, 0, 40, 30), 4, Stroke.of(1), INK);
            c.restore();
        });

        final Consumer<Canvas> drawing;

        Operation(Consumer<Canvas> drawing) {
            this.drawing = drawing;
        }

        String golden() {
            return "op-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        PublishScene scene() {
            byte[] list = DisplayList.record(drawing).bytes();
            return new PublishScene(1, 0xFFECEFF4, List.of(new Layer("op", 1, 1, 0, 0, W, H, list)));
        }
    }

    static Stream<Arguments> operationsAndGpuPainters() {
        return Arrays.stream(Operation.values()).flatMap(op -> Arrays.stream(OffscreenRenderer.values())
                .map(renderer -> Arguments.of(op, renderer)));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("operationsAndGpuPainters")
    void eachOperationMatchesItsGoldenImageThroughTheGpuPainters(Operation op, OffscreenRenderer renderer)
            throws Exception {
        GoldenImages.assertMatches(renderer.draw(op.scene(), W, H), op.golden());
    }

    static Stream<Operation> operations() {
        return Arrays.stream(Operation.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void eachOperationMatchesItsGoldenImageThroughTheCpuPainterAndAgreesWithTheGpu(Operation op) throws Exception {
        BufferedImage cpu = cpu(op.scene());
        GoldenImages.assertMatches(cpu, op.golden() + "-cpu");
        BufferedImage gpu = OffscreenRenderer.GL.draw(op.scene(), W, H);
        int off = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                off += GoldenImages.channelDifference(gpu.getRGB(x, y), cpu.getRGB(x, y)) > 24 ? 1 : 0;
            }
        }
        assertThat(off).as("pixels where GPU and CPU differ by more than 24 levels, of " + W * H)
                .isLessThan(W * H / 50);
    }

    static BufferedImage cpu(PublishScene scene) {
        try (RasterPainter painter = new RasterPainter(W, H)) {
            painter.paint(scene);
            return GoldenImages.decode(painter.snapshotPng());
        }
    }
}
