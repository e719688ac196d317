package dev.cellshell.compositor.gl;

/**
 * An OpenGL context, current on the calling thread, with a framebuffer to draw into. Implementations: a GLFW window
 * ({@link GlfwWindowSurface}) and an EGL surfaceless context drawing into a framebuffer object
 * ({@link EglOffscreenSurface}).
 */
public interface GlSurface extends AutoCloseable {

    int width();

    int height();

    /** The GL framebuffer object id Skia should draw into (0 for a window's default framebuffer). */
    int framebuffer();

    /** Shows what was drawn: swaps buffers in a window, waits for the GPU offscreen. */
    void present();

    /** True when the surface is a window a person can see (and that produces input). */
    boolean windowed();

    /** GL_RENDERER, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits)}. */
    String renderer();

    /** Idempotent. */
    @Override
    void close();
}
