package dev.cellshell.compositor.x11;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import dev.cellshell.compositor.gl.Drawable;
import dev.cellshell.compositor.gl.GlfwWindow;
import dev.cellshell.ipc.SceneMessage;
import io.github.humbleui.skija.Pixmap;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.types.IRect;
import java.util.List;
import java.util.function.Consumer;

/**
 * A window shown with Skia's CPU raster: a GLFW window without a client API whose pixels are put on the X server
 * with {@code XPutImage}, the damaged rectangles only (the whole window when it was exposed). No OpenGL or Vulkan
 * driver is loaded, so on a machine whose only devices are CPU emulations (llvmpipe, lavapipe) the compositor
 * neither maps Mesa's LLVM nor pays for its shader compiles. The painter owns the pixels
 * ({@code paint.RasterPainter}); this drawable is told which to show ({@link #show}). X11 only; main thread only
 * (GLFW's display connection).
 */
public final class RasterWindow implements Drawable {

    /** {@code ZPixmap}. */
    private static final int Z_PIXMAP = 2;
    /** Offset of {@code char *data} in Xlib's {@code XImage} on LP64. */
    private static final long XIMAGE_DATA = 16;

    private final X11 x = X11.INSTANCE;
    private final GlfwWindow window;
    private final X11.Display display;
    private final X11.Window id;
    private final X11.GC gc;
    private final X11.Visual visual;
    private final int depth;
    private int width;
    private int height;
    /** The pixels last shown and the XImage describing them (rebuilt when the painter's surface changes). */
    private Surface shown;
    private X11.XImage image;
    private long imageAddress;
    private int imageWidth;
    private int imageHeight;
    private boolean closed;

    private RasterWindow(GlfwWindow window) {
        this.window = window;
        long displayAddress = GlfwWindow.x11Display();
        if (displayAddress == 0 || window.x11Window() == 0) {
            throw new IllegalStateException("the CPU renderer shows windows on X11 only");
        }
        display = new X11.Display();
        display.setPointer(new Pointer(displayAddress));
        id = new X11.Window(window.x11Window());
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        x.XGetWindowAttributes(display, id, attributes);
        depth = attributes.depth;
        visual = attributes.visual;
        if (depth != 24 && depth != 32) {
            throw new IllegalStateException("the CPU renderer needs a 24- or 32-bit TrueColor window, not depth "
                    + depth);
        }
        gc = x.XCreateGC(display, id, new com.sun.jna.NativeLong(0), null);
        int[] size = window.framebufferSize();
        width = size[0];
        height = size[1];
    }

    /** A window (shown with {@code options}) for pixels drawn on the CPU. */
    public static RasterWindow create(GlfwWindow.Options options, Consumer<SceneMessage> input) {
        GlfwWindow window = GlfwWindow.create(options, GlfwWindow.Api.NONE, input);
        try {
            RasterWindow raster = new RasterWindow(window);
            window.show(options);
            return raster;
        } catch (RuntimeException e) {
            window.close();
            throw e;
        }
    }

    /**
     * Puts the {@code damage} rectangles of {@code pixels} (N32 premultiplied: BGRA in memory, what a 24- or 32-bit
     * TrueColor visual reads on little-endian) into the window.
     */
    public void show(Surface pixels, List<IRect> damage) {
        shown = pixels;
        if (window.iconified()) {
            return;
        }
        describe(pixels);
        if (image == null) {
            return;
        }
        for (IRect r : damage) {
            int left = Math.max(0, r.getLeft());
            int top = Math.max(0, r.getTop());
            int right = Math.min(imageWidth, r.getRight());
            int bottom = Math.min(imageHeight, r.getBottom());
            if (right > left && bottom > top) {
                x.XPutImage(display, id, gc, image, left, top, left, top, right - left, bottom - top);
            }
        }
        x.XFlush(display);
    }

    /** An XImage over the surface's own pixels (no copy), made again when they moved or changed size. */
    private void describe(Surface pixels) {
        try (Pixmap pixmap = new Pixmap()) {
            if (!pixels.peekPixels(pixmap)) {
                throw new IllegalStateException("the raster surface has no pixels in memory");
            }
            long address = pixmap.getAddr();
            int w = pixmap.getImageInfo().getWidth();
            int h = pixmap.getImageInfo().getHeight();
            if (image != null && address == imageAddress && w == imageWidth && h == imageHeight) {
                return;
            }
            releaseImage();
            image = x.XCreateImage(display, visual, depth, Z_PIXMAP, 0, new Pointer(address), w, h, 32,
                    pixmap.getRowBytes());
            imageAddress = address;
            imageWidth = w;
            imageHeight = h;
        }
    }

    private void releaseImage() {
        if (image != null) {
            image.getPointer().setPointer(XIMAGE_DATA, null);   // the pixels are Skia's: Xlib must not free them
            x.XDestroyImage(image);
            image = null;
        }
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
    public float contentScale() {
        return window.contentScale();
    }

    @Override
    public void resize(int newWidth, int newHeight) {
        width = newWidth;
        height = newHeight;
    }

    /** Shows the last frame again, all of it (the window was exposed). */
    @Override
    public void present() {
        if (shown != null && !shown.isClosed()) {
            show(shown, List.of(IRect.makeWH(imageWidth == 0 ? width : imageWidth, imageHeight == 0 ? height
                    : imageHeight)));
        }
    }

    @Override
    public boolean windowed() {
        return true;
    }

    @Override
    public GlfwWindow window() {
        return window;
    }

    @Override
    public String renderer() {
        return "Skia CPU raster (XPutImage)";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseImage();
        x.XFreeGC(display, gc);
        window.close();
    }
}
