package dev.cellshell.compositor.paint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.compositor.gl.EglOffscreenSurface;
import dev.cellshell.compositor.vk.DeviceLostException;
import dev.cellshell.compositor.vk.VulkanDevice;
import dev.cellshell.compositor.vk.VulkanDrawable;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.widgets.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vulkan painter on Mesa's lavapipe, offscreen: the same pixels as the GL painter, the same damage-driven frames,
 * and a lost device recovered by rebinding the drawable to a new one and drawing again from the scene.
 */
class VulkanPainterTest {

    private static final int W = 1280;
    private static final int H = 720;
    /** GpuPainterTest's and LayerCompositorTest's background. */
    private static final int BACKGROUND = Color.rgb(16, 24, 32);

    private VulkanDevice device;

    @BeforeEach
    void open() {
        device = VulkanDevice.open(false);
    }

    @AfterEach
    void close() {
        device.close();
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static BufferedImage gl(PublishScene scene, int width, int height) throws IOException {
        try (EglOffscreenSurface surface = EglOffscreenSurface.create(width, height);
                GpuPainter painter = new GpuPainter(surface)) {
            painter.paint(scene);
            return decode(painter.snapshotPng());
        }
    }

    @Test
    void vulkanFramesReadBackWhatWasDrawnAndMatchTheGlPainter() throws IOException {
        BufferedImage vulkan;
        try (VulkanDrawable drawable = VulkanDrawable.offscreen(device, 320, 200);
                VulkanPainter painter = new VulkanPainter(drawable)) {
            assertThat(drawable.renderer()).startsWith("Vulkan 1.");
            painter.paint(GpuPainterTest.scene());
            vulkan = decode(painter.snapshotPng());
        }
        BufferedImage gl = gl(GpuPainterTest.scene(), 320, 200);
        assertThat(vulkan.getWidth()).isEqualTo(320);
        assertThat(vulkan.getRGB(5, 5)).as("background, top-left (not flipped)").isEqualTo(BACKGROUND);
        assertThat(vulkan.getRGB(30, 90)).as("inside the card").isEqualTo(Color.rgb(220, 30, 30));
        assertThat(vulkan.getRGB(250, 30)).as("clipped layer inside its bounds").isEqualTo(Color.rgb(0, 200, 0));
        assertThat(vulkan.getRGB(250, 70)).as("clipped layer outside its bounds").isEqualTo(BACKGROUND);
        assertThat(GpuPainterTest.countDifferent(vulkan, gl, 8)).as("pixels off the GL frame by more than 8 levels")
                .isZero();
    }

    @Test
    void oneChangedCellAmongAThousandRedrawsOnlyThatCellAndMatchesAFullGlRedraw() throws IOException {
        List<Layer> layers = LayerCompositorTest.thousand();
        try (VulkanDrawable drawable = VulkanDrawable.offscreen(device, W, H);
                VulkanPainter painter = new VulkanPainter(drawable)) {
            Painter.Frame first = painter.paint(new PublishScene(1, BACKGROUND, layers));
            assertThat(first.full()).isTrue();
            assertThat(painter.warm(Integer.MAX_VALUE)).isZero();
            assertThat(painter.textures()).as("1,000 layers packed into a few atlas pages").isBetween(1, 8);

            Layer old = layers.get(500);
            layers.set(500, new Layer(old.cellId(), 1, 2, old.x(), old.y(), 120, 40, LayerCompositorTest.card(500, "changed")));
            PublishScene changed = new PublishScene(2, BACKGROUND, layers);
            Painter.Frame frame = painter.paint(changed);

            assertThat(frame.full()).isFalse();
            assertThat(frame.decoded()).as("display lists decoded").isEqualTo(1);
            assertThat(frame.rasterised()).as("layers drawn again").isEqualTo(1);
            assertThat(frame.damageRects()).isEqualTo(1);
            int w = (int) Math.ceil(old.x() % 1 + 120);
            int h = (int) Math.ceil(old.y() % 1 + 40);
            assertThat(frame.damagePixels()).as("only the changed cell's bounds").isEqualTo((long) w * h);
            assertThat(frame.composited()).as("the changed cell and the few it overlaps").isBetween(1, 40);

            BufferedImage damaged = decode(painter.snapshotPng());
            BufferedImage full = gl(changed, W, H);
            assertThat(GpuPainterTest.countDifferent(damaged, full, 8)).as("Vulkan damage frame vs GL full frame")
                    .isZero();
        }
    }

    @Test
    void aLostDeviceIsReplacedAndTheSameDrawableDrawsTheSceneAgain() throws IOException {
        PublishScene scene = GpuPainterTest.scene();
        try (VulkanDrawable drawable = VulkanDrawable.offscreen(device, 320, 200)) {
            BufferedImage before;
            VulkanPainter painter = new VulkanPainter(drawable);
            try {
                painter.paint(scene);
                before = decode(painter.snapshotPng());
                device.loseAtNextPresent();
                assertThatThrownBy(() -> painter.paint(new PublishScene(2, BACKGROUND, scene.layers())))
                        .isInstanceOf(DeviceLostException.class).hasMessageContaining("VK_ERROR_DEVICE_LOST");
                assertThat(device.lost()).isTrue();
            } finally {
                painter.close();
            }

            VulkanDevice next = VulkanDevice.open(false);
            drawable.rebind(next);
            device.close();
            device = next;
            try (VulkanPainter again = new VulkanPainter(drawable)) {
                Painter.Frame frame = again.paint(new PublishScene(3, BACKGROUND, scene.layers()));
                assertThat(frame.full()).as("a new painter draws everything").isTrue();
                assertThat(GpuPainterTest.countDifferent(decode(again.snapshotPng()), before, 0))
                        .as("pixels after recovery vs before the loss").isZero();
            }
        }
    }

    @Test
    void aResizedDrawableIsRedrawnWholeAtItsNewSize() throws IOException {
        try (VulkanDrawable drawable = VulkanDrawable.offscreen(device, 320, 200);
                VulkanPainter painter = new VulkanPainter(drawable)) {
            painter.paint(GpuPainterTest.scene());
            painter.resize(640, 400, 1);
            Painter.Frame frame = painter.paint(new PublishScene(2, BACKGROUND, GpuPainterTest.scene().layers()));
            assertThat(frame.full()).isTrue();
            BufferedImage image = decode(painter.snapshotPng());
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(GpuPainterTest.countDifferent(image, gl(GpuPainterTest.scene(), 640, 400), 8)).isZero();
        }
    }
}
