package dev.cellshell.compositor.gl;

import static org.lwjgl.glfw.GLFW.*;

import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import java.util.function.Consumer;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL33C;
import org.lwjgl.system.MemoryStack;

/**
 * A GLFW window with a GL 3.3 core context, drawing into its default framebuffer. Must be created, polled and
 * closed on the process's main thread (GLFW's rule). Input becomes {@link SceneMessage}s for the shell.
 */
public final class GlfwWindowSurface implements GlSurface {

    private final long window;
    private final String renderer;
    private final Consumer<SceneMessage> input;
    private double cursorX;
    private double cursorY;
    private boolean closed;

    private GlfwWindowSurface(String title, int width, int height, Consumer<SceneMessage> input) {
        this.input = input;
        GLFWErrorCallback.createPrint(System.err).set();
        if (!glfwInit()) {
            throw new IllegalStateException("GLFW could not initialise (is DISPLAY set and an X server running?)");
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_STENCIL_BITS, 8);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        window = glfwCreateWindow(width, height, title, 0, 0);
        if (window == 0) {
            glfwTerminate();
            throw new IllegalStateException("GLFW could not create a " + width + "x" + height + " GL 3.3 window");
        }
        glfwMakeContextCurrent(window);
        glfwSwapInterval(1);
        GL.createCapabilities();
        renderer = GL33C.glGetString(GL33C.GL_RENDERER);
        glfwSetCursorPosCallback(window, (w, x, y) -> {
            cursorX = x;
            cursorY = y;
            input.accept(new PointerInput(PointerKind.MOVE, (float) x, (float) y, 0));
        });
        glfwSetMouseButtonCallback(window, (w, button, action, mods) -> input.accept(new PointerInput(
                action == GLFW_PRESS ? PointerKind.PRESS : PointerKind.RELEASE, (float) cursorX, (float) cursorY,
                button + 1)));
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            if (action != GLFW_REPEAT) {
                input.accept(new KeyInput(action == GLFW_PRESS, key, "", mods));
            }
        });
        glfwSetCharCallback(window, (w, codepoint) ->
                input.accept(new KeyInput(true, 0, new String(Character.toChars(codepoint)), 0)));
        glfwShowWindow(window);
    }

    /** Opens the window and makes its context current on the calling (main) thread. */
    public static GlfwWindowSurface open(String title, int width, int height, Consumer<SceneMessage> input) {
        return new GlfwWindowSurface(title, width, height, input);
    }

    /** Processes window events for up to {@code seconds}; returns early when an event or a wake-up arrives. */
    public void waitEvents(double seconds) {
        glfwWaitEventsTimeout(seconds);
    }

    /** Wakes {@link #waitEvents} from another thread. */
    public static void wake() {
        glfwPostEmptyEvent();
    }

    public boolean closeRequested() {
        return glfwWindowShouldClose(window);
    }

    @Override
    public int width() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var w = stack.mallocInt(1);
            glfwGetFramebufferSize(window, w, stack.mallocInt(1));
            return w.get(0);
        }
    }

    @Override
    public int height() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var h = stack.mallocInt(1);
            glfwGetFramebufferSize(window, stack.mallocInt(1), h);
            return h.get(0);
        }
    }

    @Override
    public int framebuffer() {
        return 0;
    }

    @Override
    public void present() {
        glfwSwapBuffers(window);
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
        GL.setCapabilities(null);
        glfwDestroyWindow(window);
        glfwTerminate();
    }
}
