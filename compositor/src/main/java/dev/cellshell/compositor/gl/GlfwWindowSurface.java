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
 * A resizable GLFW window with a GL 3.3 core context. Frames are drawn into a persistent {@link Framebuffer} and
 * copied to the window on {@link #present} (a window's own back buffer is undefined after a swap, and damage-only
 * frames need the previous pixels). Must be created, polled and closed on the process's main thread (GLFW's rule).
 * Input becomes {@link SceneMessage}s in desktop coordinates, not yet hit-tested.
 */
public final class GlfwWindowSurface implements GlSurface {

    private final long window;
    private final org.lwjgl.opengl.GLCapabilities capabilities;
    private final String renderer;
    private final Framebuffer framebuffer;
    private double cursorX;
    private double cursorY;
    private int modifiers;
    private boolean sizeChanged;
    private boolean exposed;
    private boolean closed;

    /**
     * How to open a window.
     *
     * @param x where its top-left corner goes on the screen, or {@link Integer#MIN_VALUE} to let the window
     *     manager choose
     * @param decorated with a title bar and borders (ordinary windows); surfaces of the desktop have none
     * @param beforeShow called with the window's X11 handle after it exists and before it is first shown: the
     *     place to set its type and struts
     */
    public record Options(String title, int x, int y, int width, int height, boolean decorated,
            java.util.function.LongConsumer beforeShow) {

        /** An ordinary, decorated window placed by the window manager. */
        public static Options ordinary(String title, int width, int height) {
            return new Options(title, Integer.MIN_VALUE, 0, width, height, true, w -> { });
        }
    }

    /** Windows open: GLFW is initialised with the first and terminated with the last. */
    private static int open;

    /** Initialises GLFW (once, on the main thread); {@link #close} of the last window terminates it. */
    public static synchronized void init() {
        if (open == 0) {
            GLFWErrorCallback.createPrint(System.err).set();
            if (!glfwInit()) {
                throw new IllegalStateException("GLFW could not initialise (is DISPLAY set and an X server running?)");
            }
        }
    }

    private GlfwWindowSurface(Options options, Consumer<SceneMessage> input) {
        init();
        String title = options.title();
        int width = options.width();
        int height = options.height();
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_STENCIL_BITS, 8);
        glfwWindowHint(GLFW_RESIZABLE, options.decorated() ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_DECORATED, options.decorated() ? GLFW_TRUE : GLFW_FALSE);
        // Surfaces are sized in screen units by the shell; only an ordinary window grows with the monitor's scale.
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, options.decorated() ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        if (options.x() != Integer.MIN_VALUE) {
            glfwWindowHint(GLFW_POSITION_X, options.x());
            glfwWindowHint(GLFW_POSITION_Y, options.y());
        }
        window = glfwCreateWindow(width, height, title, 0, 0);
        if (window == 0) {
            if (open == 0) {
                glfwTerminate();
            }
            throw new IllegalStateException("GLFW could not create a " + width + "x" + height + " GL 3.3 window");
        }
        open++;
        glfwMakeContextCurrent(window);
        glfwSwapInterval(1);
        capabilities = GL.createCapabilities();
        renderer = GL33C.glGetString(GL33C.GL_RENDERER);
        int[] size = framebufferSize();
        framebuffer = new Framebuffer(size[0], size[1]);
        glfwSetCursorPosCallback(window, (w, x, y) -> {
            cursorX = x;
            cursorY = y;
            input.accept(pointer(PointerKind.MOVE, 0, 0, 0));
        });
        glfwSetMouseButtonCallback(window, (w, button, action, mods) -> {
            modifiers = mods;
            input.accept(pointer(action == GLFW_PRESS ? PointerKind.PRESS : PointerKind.RELEASE, button + 1, 0, 0));
        });
        glfwSetScrollCallback(window, (w, dx, dy) -> input.accept(pointer(PointerKind.SCROLL, 0, (float) dx,
                (float) dy)));
        glfwSetCursorEnterCallback(window, (w, entered) -> {
            if (!entered) {
                input.accept(pointer(PointerKind.LEAVE, 0, 0, 0));
            }
        });
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            modifiers = key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT
                    ? (action == GLFW_RELEASE ? mods & ~GLFW_MOD_ALT : mods | GLFW_MOD_ALT) : mods;
            if (action != GLFW_REPEAT) {
                input.accept(new KeyInput(action == GLFW_PRESS, key, "", modifiers));
            }
        });
        glfwSetCharModsCallback(window, (w, codepoint, mods) ->
                input.accept(new KeyInput(true, 0, new String(Character.toChars(codepoint)), mods)));
        glfwSetFramebufferSizeCallback(window, (w, fw, fh) -> sizeChanged = true);
        glfwSetWindowContentScaleCallback(window, (w, sx, sy) -> sizeChanged = true);
        glfwSetWindowRefreshCallback(window, w -> exposed = true);
        if (options.x() != Integer.MIN_VALUE) {
            glfwSetWindowPos(window, options.x(), options.y());
        }
        options.beforeShow().accept(x11Window());
        glfwShowWindow(window);
    }

    /** This window's X11 {@code Window} id (0 when GLFW does not run on X11). */
    public long x11Window() {
        return glfwGetPlatform() == GLFW_PLATFORM_X11 ? org.lwjgl.glfw.GLFWNativeX11.glfwGetX11Window(window) : 0;
    }

    /** GLFW's X11 {@code Display*} (0 when GLFW does not run on X11). */
    public static long x11Display() {
        return glfwGetPlatform() == GLFW_PLATFORM_X11 ? org.lwjgl.glfw.GLFWNativeX11.glfwGetX11Display() : 0;
    }

    /** Makes this window's GL context current on the calling (main) thread, before drawing into it. */
    public void makeCurrent() {
        glfwMakeContextCurrent(window);
        GL.setCapabilities(capabilities);
    }

    /** Moves and resizes the window to (x, y) and width×height screen units. */
    public void place(int x, int y, int width, int height) {
        glfwSetWindowPos(window, x, y);
        glfwSetWindowSize(window, width, height);
    }

    private PointerInput pointer(PointerKind kind, int button, float scrollX, float scrollY) {
        return new PointerInput(kind, (float) cursorX, (float) cursorY, button, modifiers, scrollX, scrollY, "", 0,
                0);
    }

    /** Opens an ordinary window and makes its context current on the calling (main) thread. */
    public static GlfwWindowSurface open(String title, int width, int height, Consumer<SceneMessage> input) {
        return new GlfwWindowSurface(Options.ordinary(title, width, height), input);
    }

    /** Opens a window as {@code options} say and makes its context current on the calling (main) thread. */
    public static GlfwWindowSurface open(Options options, Consumer<SceneMessage> input) {
        return new GlfwWindowSurface(options, input);
    }

    /** Processes window events for up to {@code seconds}; returns early when an event or a wake-up arrives. */
    public void waitEvents(double seconds) {
        glfwWaitEventsTimeout(seconds);
    }

    /** Processes the events of every window for up to {@code seconds}; returns early on an event or a wake-up. */
    public static void waitFor(double seconds) {
        glfwWaitEventsTimeout(seconds);
    }

    /** Unmaps the window (it keeps its GL context). */
    public void hide() {
        glfwHideWindow(window);
    }

    /** Wakes {@link #waitEvents} from another thread. */
    public static void wake() {
        glfwPostEmptyEvent();
    }

    public boolean closeRequested() {
        return glfwWindowShouldClose(window);
    }

    /** True once after the window's drawable changed size or scale (the caller then resizes its painter). */
    public boolean takeSizeChange() {
        boolean changed = sizeChanged;
        sizeChanged = false;
        int[] size = framebufferSize();
        return changed || size[0] != framebuffer.width() || size[1] != framebuffer.height();
    }

    /** True once after the window system asked for its contents again (exposed, restored). */
    public boolean takeExposed() {
        boolean was = exposed;
        exposed = false;
        return was;
    }

    /** True while the window is minimised: nothing is shown, so frames need not be presented. */
    public boolean iconified() {
        return glfwGetWindowAttrib(window, GLFW_ICONIFIED) == GLFW_TRUE;
    }

    /** The drawable's size in device pixels, never 0 (a minimised window reports 0×0). */
    public int[] framebufferSize() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var w = stack.mallocInt(1);
            var h = stack.mallocInt(1);
            glfwGetFramebufferSize(window, w, h);
            return new int[] {Math.max(1, w.get(0)), Math.max(1, h.get(0))};
        }
    }

    /** The window's size in desktop units (screen coordinates, what cursor positions are in). */
    public int[] windowSize() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var w = stack.mallocInt(1);
            var h = stack.mallocInt(1);
            glfwGetWindowSize(window, w, h);
            return new int[] {Math.max(1, w.get(0)), Math.max(1, h.get(0))};
        }
    }

    @Override
    public float contentScale() {
        int[] device = framebufferSize();
        int[] units = windowSize();
        return units[0] <= 1 ? 1 : (float) device[0] / units[0];
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
        if (!iconified()) {
            framebuffer.blitToDefault();
            glfwSwapBuffers(window);
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
        glfwDestroyWindow(window);
        synchronized (GlfwWindowSurface.class) {
            if (--open == 0) {
                glfwTerminate();
            }
        }
    }
}
