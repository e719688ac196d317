package dev.cellshell.compositor.paint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.compositor.gl.EglOffscreenSurface;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Color;
import dev.cellshell.runtime.DisplayList;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The GPU painter on Mesa's surfaceless EGL, read back and compared with the CPU raster reference. */
class GpuPainterTest {

    private static final int RED = Color.rgb(220, 30, 30);
    private static final int BACKGROUND = Color.rgb(16, 24, 32);

    static PublishScene scene() {
        DisplayList card = DisplayList.record(c -> {
            c.fillRoundRect(0, 0, 200, 80, 12, RED);
            c.drawText("Hello", 100, 50, 24, Color.WHITE, Align.CENTER);
        });
        DisplayList overflowing = DisplayList.record(c -> c.fillRect(-50, -50, 500, 500, Color.rgb(0, 200, 0)));
        return new PublishScene(1, BACKGROUND, List.of(
                new Layer("card", 1, 1, 20, 20, 200, 80, card.bytes()),
                new Layer("clipped", 1, 1, 240, 20, 40, 40, overflowing.bytes()),
                new Layer("corrupt", 1, 1, 0, 0, 320, 200, new byte[] {DisplayList.FORMAT, 2, 0})));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void gpuFramesReadBackWhatWasDrawnAndMatchTheCpuReference() throws IOException {
        BufferedImage gpu;
        try (EglOffscreenSurface surface = EglOffscreenSurface.create(320, 200);
                GpuPainter painter = new GpuPainter(surface)) {
            assertThat(surface.renderer()).isNotBlank();
            painter.paint(scene());
            gpu = decode(painter.snapshotPng());
        }
        BufferedImage cpu;
        try (RasterPainter painter = new RasterPainter(320, 200)) {
            painter.paint(scene());
            cpu = decode(painter.snapshotPng());
        }

        assertThat(gpu.getWidth()).isEqualTo(320);
        assertThat(gpu.getRGB(5, 5)).as("background, top-left (not flipped)").isEqualTo(BACKGROUND);
        assertThat(gpu.getRGB(30, 90)).as("inside the card").isEqualTo(RED);
        assertThat(gpu.getRGB(250, 30)).as("clipped layer inside its bounds").isEqualTo(Color.rgb(0, 200, 0));
        assertThat(gpu.getRGB(250, 70)).as("clipped layer outside its bounds").isEqualTo(BACKGROUND);
        assertThat(maxChannelDifference(gpu, cpu)).as("GPU vs CPU reference").isLessThanOrEqualTo(64);
        assertThat(countDifferent(gpu, cpu, 2)).as("pixels off by more than 2 levels").isLessThan(400);
    }

    static int maxChannelDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                max = Math.max(max, channelDifference(a.getRGB(x, y), b.getRGB(x, y)));
            }
        }
        return max;
    }

    static int countDifferent(BufferedImage a, BufferedImage b, int tolerance) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (channelDifference(a.getRGB(x, y), b.getRGB(x, y)) > tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int channelDifference(int p, int q) {
        int max = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            max = Math.max(max, Math.abs((p >>> shift & 0xFF) - (q >>> shift & 0xFF)));
        }
        return max;
    }
}
