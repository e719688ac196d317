package dev.cellshell.compositor;

import dev.cellshell.compositor.gl.Drawable;
import dev.cellshell.compositor.gl.EglOffscreenSurface;
import dev.cellshell.compositor.gl.GlSurface;
import dev.cellshell.compositor.gl.GlfwWindow;
import dev.cellshell.compositor.gl.GlfwWindowSurface;
import dev.cellshell.compositor.paint.GpuPainter;
import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.compositor.paint.RasterPainter;
import dev.cellshell.compositor.paint.VulkanPainter;
import dev.cellshell.compositor.vk.DeviceLostException;
import dev.cellshell.compositor.vk.VulkanDevice;
import dev.cellshell.compositor.vk.VulkanDrawable;
import dev.cellshell.ipc.SceneMessage;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graphics API the compositor draws with, chosen once at start ({@code --renderer vulkan|gl|cpu|auto}): it makes
 * the drawables (offscreen, or windows) and the painters for them, and recovers from a lost device. Main thread only.
 */
abstract class Backend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    /** What {@code --renderer} asks for. */
    enum Choice {
        /**
         * Windows: Skia's CPU raster when there is no GPU (no GPU device node; or the best Vulkan device is a CPU
         * emulation such as lavapipe), which costs less CPU, memory and start-up than drawing through Mesa's LLVM
         * (docs/PERFORMANCE.md); else Vulkan on the best device; else OpenGL. Offscreen: Vulkan on the best device there is (lavapipe too); else OpenGL; else
         * Skia's CPU raster.
         */
        AUTO,
        VULKAN,
        GL,
        /** Skia on the CPU: system memory offscreen, {@code XPutImage} into X11 windows (no GPU driver at all). */
        CPU;

        static Choice parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--renderer wants vulkan, gl, cpu or auto, not '" + value + "'");
            }
        }
    }

    /** Short name: vulkan, gl or cpu. */
    abstract String api();

    abstract Drawable offscreen(int width, int height);

    abstract Drawable window(GlfwWindow.Options options, Consumer<SceneMessage> input);

    abstract Painter painter(Drawable drawable, LayerSource source, Painter.Mode mode);

    /**
     * After a frame failed with {@code failure}: when it was the device's, opens a new one and rebinds
     * {@code drawables} to it (their windows stay), returning true; the caller then makes new painters.
     */
    boolean recover(RuntimeException failure, Collection<Drawable> drawables) {
        return false;
    }

    @Override
    public void close() {
    }

    /**
     * Opens what {@code choice} asks for, or says why it cannot: {@link Choice#AUTO} falls back and logs why.
     *
     * @param windows whether the drawables will be windows (Vulkan then needs presentation)
     */
    static Backend open(Choice choice, boolean windows) {
        switch (choice) {
            case VULKAN:
                return new Vulkan(VulkanDevice.open(windows));
            case GL:
                return new Gl();
            case CPU:
                return new Cpu();
            default:
                break;
        }
        if (windows && !dev.cellshell.ipc.GpuNodes.present()) {
            // Checked before any driver is loaded: asking Vulkan maps Mesa's LLVM (~45 MB resident) for good.
            LOG.info("renderer auto: no GPU here (no /dev/dri/renderD*, no /dev/nvidia*): Skia's CPU raster, put"
                    + " into the windows");
            return new Cpu();
        }
        try {
            VulkanDevice device = VulkanDevice.open(windows);
            if (windows && device.emulated()) {
                device.close();
                LOG.info("renderer auto: the best Vulkan device is a CPU emulation ({}): Skia's CPU raster, put into"
                        + " the windows", device.name());
                return new Cpu();
            }
            return new Vulkan(device);
        } catch (IllegalStateException e) {
            LOG.info("renderer auto: no Vulkan ({}); OpenGL", e.getMessage());
        }
        if (windows) {
            return new Gl();
        }
        try {
            return new Gl(EglOffscreenSurface.create(1, 1));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("renderer auto: no offscreen OpenGL either ({}); Skia's CPU raster", e.toString());
        }
        return new Cpu();
    }

    /** OpenGL 3.3: GLFW windows with their own contexts, EGL surfaceless offscreen. */
    static final class Gl extends Backend {

        /** The context {@code auto} opened to see that OpenGL works, handed out (resized) as the first drawable. */
        private EglOffscreenSurface tried;

        Gl() {
        }

        Gl(EglOffscreenSurface tried) {
            this.tried = tried;
        }

        @Override
        String api() {
            return "gl";
        }

        @Override
        Drawable offscreen(int width, int height) {
            EglOffscreenSurface surface = tried;
            tried = null;
            if (surface == null) {
                return EglOffscreenSurface.create(width, height);
            }
            surface.resize(width, height);
            return surface;
        }

        @Override
        Drawable window(GlfwWindow.Options options, Consumer<SceneMessage> input) {
            return GlfwWindowSurface.open(options, input);
        }

        @Override
        Painter painter(Drawable drawable, LayerSource source, Painter.Mode mode) {
            drawable.makeCurrent();
            return new GpuPainter((GlSurface) drawable, source, mode);
        }

        @Override
        public void close() {
            if (tried != null) {
                tried.close();
            }
        }
    }

    /** Vulkan: one device for every drawable, each window with its own swapchain. */
    static final class Vulkan extends Backend {

        private VulkanDevice device;

        Vulkan(VulkanDevice device) {
            this.device = device;
        }

        @Override
        String api() {
            return "vulkan";
        }

        @Override
        Drawable offscreen(int width, int height) {
            return VulkanDrawable.offscreen(device, width, height);
        }

        @Override
        Drawable window(GlfwWindow.Options options, Consumer<SceneMessage> input) {
            return VulkanDrawable.window(device, options, input);
        }

        @Override
        Painter painter(Drawable drawable, LayerSource source, Painter.Mode mode) {
            return new VulkanPainter((VulkanDrawable) drawable, source, mode);
        }

        @Override
        boolean recover(RuntimeException failure, Collection<Drawable> drawables) {
            if (!(failure instanceof DeviceLostException) && !device.lost()) {
                return false;
            }
            VulkanDevice lost = device;
            device = VulkanDevice.open(lost.presentation());
            for (Drawable d : drawables) {
                ((VulkanDrawable) d).rebind(device);
            }
            lost.close();
            LOG.warn("{} was lost ({}); drawing on a new device, every layer rebuilt from the scene", lost.name(),
                    failure.getMessage());
            return true;
        }

        @Override
        public void close() {
            device.close();
        }
    }

    /** Skia on the CPU, into system memory: offscreen, or put into X11 windows ({@code x11.RasterWindow}). */
    static final class Cpu extends Backend {

        @Override
        String api() {
            return "cpu";
        }

        @Override
        Drawable offscreen(int width, int height) {
            return new Memory(width, height);
        }

        @Override
        Drawable window(GlfwWindow.Options options, Consumer<SceneMessage> input) {
            return dev.cellshell.compositor.x11.RasterWindow.create(options, input);
        }

        @Override
        Painter painter(Drawable drawable, LayerSource source, Painter.Mode mode) {
            return new RasterPainter(drawable.width(), drawable.height(), source, mode,
                    drawable instanceof dev.cellshell.compositor.x11.RasterWindow window ? window::show : null);
        }

        /** The size of the raster painter's pixels, which the painter itself holds. */
        private static final class Memory implements Drawable {

            private int width;
            private int height;

            Memory(int width, int height) {
                this.width = width;
                this.height = height;
            }

            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public void resize(int newWidth, int newHeight) {
                width = newWidth;
                height = newHeight;
            }

            @Override
            public void present() {
                // Raster pixels are final as soon as they are drawn.
            }

            @Override
            public boolean windowed() {
                return false;
            }

            @Override
            public String renderer() {
                return "Skia CPU raster";
            }

            @Override
            public void close() {
                // Nothing native.
            }
        }
    }
}
