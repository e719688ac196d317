package dev.cellshell.compositor.paint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A cell whose next render differs in a few operations has only that part of its layer drawn again — and the frame
 * equals drawing the new list afresh, pixel for pixel (Skia's CPU raster: exact).
 */
class PartialLayerTest {

    static final int W = 480;
    static final int H = 400;
    static final TextStyle MONO = TextStyle.of(14).withMonospace(true).withColor(0xFFD8DEE9);

    static byte[] grid(String[] rows, float shift) {
        return DisplayList.record(c -> {
            c.fillRoundRect(Rect.of(0, 0, 360, 340), 12, Fill.solid(0xFF2E3440));
            c.save();
            c.translate(8, 8 + shift);
            for (int r = 0; r < rows.length; r++) {
                c.drawText(rows[r], 0, 13 + r * 17, MONO, Align.LEFT);
            }
            c.restore();
            c.hitRegion("grid", Rect.of(0, 0, 360, 340), 0);
        }).bytes();
    }

    static String[] rows(int seed) {
        String[] rows = new String[18];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = ("row " + r + " of the grid, seed " + seed + " ").repeat(2).substring(0, 40);
        }
        return rows;
    }

    static PublishScene scene(long version, byte[] list) {
        return new PublishScene(version, 0xFF101820, List.of(new Layer("grid", 1, version, 30.5f, 20, 360, 340,
                list)));
    }

    static BufferedImage image(RasterPainter painter) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(painter.snapshotPng()));
    }

    static BufferedImage fresh(byte[] list) throws Exception {
        try (RasterPainter painter = new RasterPainter(W, H)) {
            painter.paint(scene(1, list));
            return image(painter);
        }
    }

    static int differing(BufferedImage a, BufferedImage b) {
        int off = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                off += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return off;
    }

    /** Paints {@code first}, then {@code second}: the second frame's damage, and whether it equals a fresh picture. */
    static Painter.Frame after(byte[] first, byte[] second, BufferedImage[] result) throws Exception {
        try (RasterPainter painter = new RasterPainter(W, H)) {
            // a second cell keeps the grid from being the whole scene (a lone changed cell is drawn straight)
            painter.paint(new PublishScene(1, 0xFF101820, List.of(
                    new Layer("grid", 1, 1, 30.5f, 20, 360, 340, first),
                    new Layer("other", 1, 1, 400, 20, 60, 60, DisplayList.record(c -> c.fillRect(0, 0, 60, 60,
                            0xFFA3BE8C)).bytes()))));
            // as the compositor's loop does while its inbox is empty: the first frame drew straight, layers follow
            painter.warm(64);
            Painter.Frame frame = painter.paint(new PublishScene(2, 0xFF101820, List.of(
                    new Layer("grid", 1, 2, 30.5f, 20, 360, 340, second),
                    new Layer("other", 1, 1, 400, 20, 60, 60, DisplayList.record(c -> c.fillRect(0, 0, 60, 60,
                            0xFFA3BE8C)).bytes()))));
            result[0] = image(painter);
            return frame;
        }
    }

    static BufferedImage freshWithOther(byte[] list) throws Exception {
        try (RasterPainter painter = new RasterPainter(W, H)) {
            painter.paint(new PublishScene(1, 0xFF101820, List.of(
                    new Layer("grid", 1, 1, 30.5f, 20, 360, 340, list),
                    new Layer("other", 1, 1, 400, 20, 60, 60, DisplayList.record(c -> c.fillRect(0, 0, 60, 60,
                            0xFFA3BE8C)).bytes()))));
            return image(painter);
        }
    }

    @Test
    void oneChangedRowIsTheOnlyDamageAndTheFrameEqualsDrawingAfresh() throws Exception {
        String[] before = rows(1);
        String[] after = before.clone();
        after[9] = "this row changed, and only this one......";
        BufferedImage[] shown = new BufferedImage[1];
        Painter.Frame frame = after(grid(before, 0), grid(after, 0), shown);
        assertThat(differing(shown[0], freshWithOther(grid(after, 0)))).isZero();
        // one row band (text is taken as wide as the cell): far less than the 360x340 cell
        assertThat(frame.damagePixels()).isGreaterThan(0).isLessThan(360 * 340 / 8);
        assertThat(frame.rasterised()).isEqualTo(1);
    }

    @Test
    void aChangedTransformOrAnotherNumberOfOperationsRedrawsTheWholeCell() throws Exception {
        BufferedImage[] shown = new BufferedImage[1];
        Painter.Frame moved = after(grid(rows(1), 0), grid(rows(1), 3), shown);
        assertThat(moved.damagePixels()).isGreaterThanOrEqualTo(360L * 340);
        assertThat(differing(shown[0], freshWithOther(grid(rows(1), 3)))).isZero();
        String[] fewer = java.util.Arrays.copyOf(rows(1), 17);
        Painter.Frame shorter = after(grid(rows(1), 0), grid(fewer, 0), shown);
        assertThat(shorter.damagePixels()).isGreaterThanOrEqualTo(360L * 340);
        assertThat(differing(shown[0], freshWithOther(grid(fewer, 0)))).isZero();
    }

    @Test
    void changedShapesPathsAndStrokesAreBoundedTooAndAChangedHitRegionDrawsNothing() throws Exception {
        Consumer<Float> none = f -> { };
        byte[] a = shapes(0xFFBF616A, 10, "a");
        byte[] b = shapes(0xFFEBCB8B, 14, "a");
        BufferedImage[] shown = new BufferedImage[1];
        Painter.Frame frame = after(a, b, shown);
        assertThat(differing(shown[0], freshWithOther(b))).isZero();
        assertThat(frame.damagePixels()).isLessThan(360 * 340 / 2);
        Painter.Frame region = after(a, shapes(0xFFBF616A, 10, "b"), shown);
        assertThat(region.damagePixels()).as("only a hit region changed").isZero();
        assertThat(none).isNotNull();
    }

    static byte[] shapes(int color, float width, String region) {
        return DisplayList.record(c -> {
            c.fillRoundRect(Rect.of(0, 0, 360, 340), 12, Fill.solid(0xFF2E3440));
            c.strokePath(new Path().moveTo(20, 20).lineTo(80, 60).lineTo(40, 90), Stroke.of(width)
                    .withJoin(Stroke.Join.MITER), color);
            c.fillPath(new Path().arc(300, 280, 30, 0, 270).close(), Fill.solid(0xFF88C0D0));
            c.hitRegion(region, Rect.of(0, 0, 10, 10), 0);
        }).bytes();
    }
}
