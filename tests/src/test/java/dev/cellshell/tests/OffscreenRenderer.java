package dev.cellshell.tests;

import dev.cellshell.compositor.gl.EglOffscreenSurface;
import dev.cellshell.compositor.paint.Decorations;
import dev.cellshell.compositor.paint.GpuPainter;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.compositor.paint.VulkanPainter;
import dev.cellshell.compositor.vk.VulkanDevice;
import dev.cellshell.compositor.vk.VulkanDrawable;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import java.awt.image.BufferedImage;

/**
 * The compositor's GPU painters, offscreen, for golden images: OpenGL (EGL surfaceless) and Vulkan (one device for
 * the test JVM; lavapipe here). Both must match the same golden image within {@link GoldenImages#TOLERANCE}.
 */
enum OffscreenRenderer {

    GL {
        @Override
        BufferedImage draw(PublishScene scene, int width, int height, Decorations decorations) {
            try (EglOffscreenSurface surface = EglOffscreenSurface.create(width, height);
                    GpuPainter painter = new GpuPainter(surface)) {
                return paint(painter, scene, decorations);
            }
        }
    },

    VULKAN {
        @Override
        BufferedImage draw(PublishScene scene, int width, int height, Decorations decorations) {
            try (VulkanDrawable drawable = VulkanDrawable.offscreen(Device.VULKAN, width, height);
                    VulkanPainter painter = new VulkanPainter(drawable)) {
                return paint(painter, scene, decorations);
            }
        }
    };

    /** Draws {@code scene} at width×height device pixels and reads it back. */
    abstract BufferedImage draw(PublishScene scene, int width, int height, Decorations decorations);

    BufferedImage draw(PublishScene scene, int width, int height) {
        return draw(scene, width, height, Decorations.NONE);
    }

    private static BufferedImage paint(Painter painter, PublishScene scene, Decorations decorations) {
        painter.decorate(decorations);
        painter.paint(scene);
        return GoldenImages.decode(painter.snapshotPng());
    }

    /** Opened on first use; a missing Vulkan driver fails the test that needs it, with the reason. */
    private static final class Device {
        static final VulkanDevice VULKAN = VulkanDevice.open(false);
    }
}
