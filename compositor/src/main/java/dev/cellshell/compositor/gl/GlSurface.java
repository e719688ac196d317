package dev.cellshell.compositor.gl;

/**
 * An OpenGL context, current on the calling thread, with a framebuffer to draw into. Implementations: a GLFW window
 * ({@link GlfwWindowSurface}) and an EGL surfaceless context drawing into a framebuffer object
 * ({@link EglOffscreenSurface}).
 */
public interface GlSurface extends Drawable {

    /** The GL framebuffer object Skia draws into: a persistent back buffer whose pixels survive presenting. */
    int framebuffer();

    /** "OpenGL " and GL_RENDERER, e.g. {@code OpenGL llvmpipe (LLVM 15.0.6, 256 bits)}. */
    @Override
    String renderer();
}
