package dev.cellshell.compositor.paint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.text.SkiaText;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.TextStyle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a cell measures in its host ({@link SkiaText}, a fresh one, as a host has its own) is what the compositor's
 * painter draws: the ink of a right-aligned line ends where the measured width says, and a paragraph's ink fills the
 * lines and the height the layout reported.
 */
class MeasuredIsDrawnTest {

    static final int W = 600;
    static final int H = 300;

    static BufferedImage paint(byte[] list) throws Exception {
        try (RasterPainter painter = new RasterPainter(W, H)) {
            painter.paint(new PublishScene(1, 0xFFFFFFFF, List.of(new Layer("t", 1, 1, 0, 0, W, H, list))));
            return ImageIO.read(new ByteArrayInputStream(painter.snapshotPng()));
        }
    }

    /** {left, top, right, bottom} of the pixels darker than the white background. */
    static int[] ink(BufferedImage image) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 160) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello, measured world", "MMMM iiii", "漢字 and emoji 😀 mixed"})
    void aLineDrawnFromItsMeasuredWidthStartsWhereTheMeasureSaid(String line) throws Exception {
        TextStyle style = TextStyle.of(24).withColor(0xFF000000);
        float width;
        try (SkiaText host = new SkiaText()) {
            width = host.measure(line, style);
        }
        // right-aligned at 500: its left edge (the first ink) must be at 500 - width, give or take a side bearing
        int[] ink = ink(paint(DisplayList.record(c -> c.drawText(line, 500, 100, style, Align.RIGHT)).bytes()));
        assertThat((float) ink[0]).isCloseTo(500 - width, org.assertj.core.data.Offset.offset(4f));
        assertThat(ink[2]).isLessThanOrEqualTo(501);
    }

    @ParameterizedTest
    @ValueSource(floats = {120, 250, 400})
    void aParagraphDrawsTheLinesItsLayoutReported(float maxWidth) throws Exception {
        TextStyle style = TextStyle.of(16).withColor(0xFF000000);
        String text = "Words wrap between them to the width the cell gives, the same in the host and the compositor.";
        Paragraph measured;
        try (SkiaText host = new SkiaText()) {
            measured = host.layout(text, style, maxWidth);
        }
        int[] ink = ink(paint(DisplayList.record(c -> c.drawParagraph(measured, 10, 10)).bytes()));
        assertThat(ink[2] - 10f).as("ink within the widest line").isLessThanOrEqualTo(measured.width() + 2);
        assertThat(ink[2] - 10f).as("the widest line is inked").isGreaterThan(measured.width() - 4);
        Paragraph.Line last = measured.lines().get(measured.lineCount() - 1);
        assertThat((float) ink[3] - 10).as("the last line's ink ends at its descent")
                .isBetween(last.baseline() - 2, last.bottom() + 2);
    }
}
