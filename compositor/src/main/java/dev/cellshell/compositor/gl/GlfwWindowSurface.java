package dev.cellshell.compositor.gl;

import static org.lwjgl.glfw.GLFW.glfwMakeContextCurrent;
import static org.lwjgl.glfw.GLFW.glfwSwapBuffers;

import dev.cellshell.ipc.SceneMessage;
import java.util.function.Consumer;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL33C;

/**
 * A {@link GlfwWindow} with a GL 3.3 core context. Frames are drawn into a persistent {@link Framebuffer} and copied
 * to the window on {@link #present} (a window's own back buffer is undefined after a swap, and damage-only frames
 * need the previous pixels). Main thread only (GLFW's rule).
 */
public final class GlfwWindowSurface implements GlSurface {

    private final GlfwWindow window;
    private final org.lwjgl.opengl.GLCapabilities capabilities;
    private final String renderer;
    private final Framebuffer framebuffer;
    private boolean closed;

    private GlfwWindowSurface(GlfwWindow.Options options, Consumer<SceneMessage> input) {
        window = GlfwWindow.create(options, GlfwWindow.Api.OPENGL, input);
        capabilities = GL.createCapabilities();
        renderer = "OpenGL " + GL33C.glGetString(GL33C.GL_RENDERER);
        int[] size = window.framebufferSize();
        framebuffer = new Framebuffer(size[0], size[1]);
        window.show(options);
    }

    /** Opens an ordinary window and makes its context current on the calling (main) thread. */
    public static GlfwWindowSurface open(String title, int width, int height, Consumer<SceneMessage> input) {
        return new GlfwWindowSurface(GlfwWindow.Options.ordinary(title, width, height), input);
    }

    /** Opens a window as {@code options} say and makes its context current on the calling (main) thread. */
    public static GlfwWindowSurface open(GlfwWindow.Options options, Consumer<SceneMessage> input) {
        return new GlfwWindowSurface(options, input);
    }

    @Override
    public GlfwWindow window() {
        return window;
    }

    /** Makes this window's GL context current on the calling (main) thread, before drawing into it. */
    @Override
    public void makeCurrent() {
        glfwMakeContextCurrent(window.handle());
        GL.setCapabilities(capabilities);
    }

    @Override
    public float contentScale() {
        return window.contentScale();
    }

    @Override
    public int width() {
        return framebuffer.width();
    }

    @Override
    public int height() {
        return framebuffer.height();
    }

    @Override
    public int framebuffer() {
        return framebuffer.id();
    }

    @Override
    public void resize(int width, int height) {
        framebuffer.resize(width, height);
    }

    @Override
    public void present() {
        if (!window.iconified()) {
            framebuffer.blitToDefault();
            glfwSwapBuffers(window.handle());
        }
    }

    @Override
    public boolean windowed() {
        return true;
    }

    @Override
    public String renderer() {
        return renderer;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        makeCurrent();
        framebuffer.close();
        GL.setCapabilities(null);
        window.close();
    }
}
