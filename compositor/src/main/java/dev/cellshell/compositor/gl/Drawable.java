package dev.cellshell.compositor.gl;

/**
 * Pixels a painter draws into and presents, whichever API draws them: a GL framebuffer ({@link GlSurface}), a Vulkan
 * image ({@code vk.VulkanDrawable}) or system memory. Offscreen, or shown in a {@link #window()}. Main thread only.
 */
public interface Drawable extends AutoCloseable {

    /** Device pixels. */
    int width();

    int height();

    /** Device pixels per desktop unit (HiDPI windows: 2). */
    default float contentScale() {
        return 1;
    }

    /** Reallocates the back buffer at {@code width}×{@code height} device pixels (contents undefined). */
    void resize(int width, int height);

    /** Shows what was drawn (to the window, or waits for the GPU offscreen). */
    void present();

    /** True when the drawable is a window a person can see (and that produces input). */
    boolean windowed();

    /** The window it is shown in, or null offscreen. */
    default GlfwWindow window() {
        return null;
    }

    /** Makes this drawable's context current on the calling thread before drawing into it (GL); else nothing. */
    default void makeCurrent() {
    }

    /** What draws, e.g. {@code OpenGL llvmpipe (LLVM 15.0.6, 256 bits)}. */
    String renderer();

    /** Idempotent. */
    @Override
    void close();
}
