package dev.cellshell.compositor.gl;

/**
 * An OpenGL context, current on the calling thread, with a framebuffer to draw into. Implementations: a GLFW window
 * ({@link GlfwWindowSurface}) and an EGL surfaceless context drawing into a framebuffer object
 * ({@link EglOffscreenSurface}).
 */
public interface GlSurface extends AutoCloseable {

    int width();

    int height();

    /** The GL framebuffer object Skia draws into: a persistent back buffer whose pixels survive presenting. */
    int framebuffer();

    /** Device pixels per desktop unit (HiDPI windows: 2). */
    default float contentScale() {
        return 1;
    }

    /** Reallocates the back buffer at {@code width}×{@code height} device pixels (contents undefined). */
    void resize(int width, int height);

    /** Shows what was drawn: copies the back buffer to the window and swaps, or waits for the GPU offscreen. */
    void present();

    /** True when the surface is a window a person can see (and that produces input). */
    boolean windowed();

    /** GL_RENDERER, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits)}. */
    String renderer();

    /** Idempotent. */
    @Override
    void close();
}
