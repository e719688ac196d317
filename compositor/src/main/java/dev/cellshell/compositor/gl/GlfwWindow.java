package dev.cellshell.compositor.gl;

import static org.lwjgl.glfw.GLFW.*;

import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import java.util.function.Consumer;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.system.MemoryStack;

/**
 * A GLFW window and its input, for any renderer: with a GL 3.3 core context ({@link Api#OPENGL}, made current on
 * creation) or with none, for a Vulkan swapchain ({@link Api#VULKAN}) or pixels put by the CPU renderer
 * ({@link Api#NONE}). Input becomes {@link SceneMessage}s in
 * window coordinates, not yet hit-tested. Must be created, polled and closed on the process's main thread (GLFW's
 * rule).
 */
public final class GlfwWindow implements AutoCloseable {

    /** What the window's pixels come from: a GL context, a Vulkan swapchain, or none (the CPU renderer's XPutImage). */
    public enum Api { OPENGL, VULKAN, NONE }

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
    /** Set before GLFW's first initialisation when windows will present through Vulkan. */
    private static long vulkanLoader;
    /** GLFW is initialised (by a window, or by {@link #init} alone, e.g. to list monitors). */
    private static boolean initialised;

    private final long handle;
    private double cursorX;
    private double cursorY;
    private int modifiers;
    private boolean sizeChanged;
    private boolean exposed;
    private boolean closed;

    /**
     * Tells GLFW where Vulkan's {@code vkGetInstanceProcAddr} is, so that it can create Vulkan window surfaces; must
     * come before GLFW is first initialised. Returns false when GLFW is already running without it.
     */
    public static synchronized boolean useVulkanLoader(long getInstanceProcAddr) {
        if (vulkanLoader == getInstanceProcAddr) {
            return true;
        }
        if (open > 0 || initialised) {
            return false;
        }
        vulkanLoader = getInstanceProcAddr;
        org.lwjgl.glfw.GLFWVulkan.glfwInitVulkanLoader(getInstanceProcAddr);
        return true;
    }

    /** Initialises GLFW (once, on the main thread); {@link #close} of the last window terminates it. */
    public static synchronized void init() {
        if (open == 0 && !initialised) {
            GLFWErrorCallback.createPrint(System.err).set();
            if (vulkanLoader != 0) {
                org.lwjgl.glfw.GLFWVulkan.glfwInitVulkanLoader(vulkanLoader);
            }
            if (!glfwInit()) {
                throw new IllegalStateException("GLFW could not initialise (is DISPLAY set and an X server running?)");
            }
            initialised = true;
        }
    }

    private GlfwWindow(Options options, Api api, Consumer<SceneMessage> input) {
        init();
        glfwDefaultWindowHints();
        if (api == Api.OPENGL) {
            glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
            glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
            glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
            glfwWindowHint(GLFW_STENCIL_BITS, 8);
        } else {
            glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
        }
        glfwWindowHint(GLFW_RESIZABLE, options.decorated() ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_DECORATED, options.decorated() ? GLFW_TRUE : GLFW_FALSE);
        // Surfaces are sized in screen units by the shell; only an ordinary window grows with the monitor's scale.
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, options.decorated() ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        if (options.x() != Integer.MIN_VALUE) {
            glfwWindowHint(GLFW_POSITION_X, options.x());
            glfwWindowHint(GLFW_POSITION_Y, options.y());
        }
        handle = glfwCreateWindow(options.width(), options.height(), options.title(), 0, 0);
        if (handle == 0) {
            terminateIfUnused();
            throw new IllegalStateException("GLFW could not create a " + options.width() + "x" + options.height()
                    + (api == Api.OPENGL ? " GL 3.3 window" : api == Api.VULKAN ? " window for Vulkan" : " window"));
        }
        synchronized (GlfwWindow.class) {
            open++;
        }
        if (api == Api.OPENGL) {
            glfwMakeContextCurrent(handle);
            glfwSwapInterval(1);
        }
        glfwSetCursorPosCallback(handle, (w, x, y) -> {
            cursorX = x;
            cursorY = y;
            input.accept(pointer(PointerKind.MOVE, 0, 0, 0));
        });
        glfwSetMouseButtonCallback(handle, (w, button, action, mods) -> {
            modifiers = mods;
            if (action == GLFW_PRESS && glfwGetWindowAttrib(w, GLFW_FOCUSED) == GLFW_FALSE) {
                // A window manager does not give the desktop layer (or a panel) the keyboard on a click, as it does
                // an application's window: take it, so a click on a terminal or a text field lets you type.
                if (pressedUnfocused != null) {
                    pressedUnfocused.run();
                } else {
                    glfwFocusWindow(w);
                }
            }
            input.accept(pointer(action == GLFW_PRESS ? PointerKind.PRESS : PointerKind.RELEASE, button + 1, 0, 0));
        });
        glfwSetScrollCallback(handle, (w, dx, dy) -> input.accept(pointer(PointerKind.SCROLL, 0, (float) dx,
                (float) dy)));
        glfwSetCursorEnterCallback(handle, (w, entered) -> {
            if (!entered) {
                input.accept(pointer(PointerKind.LEAVE, 0, 0, 0));
            }
        });
        glfwSetKeyCallback(handle, (w, key, scancode, action, mods) -> {
            modifiers = key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT
                    ? (action == GLFW_RELEASE ? mods & ~GLFW_MOD_ALT : mods | GLFW_MOD_ALT) : mods;
            // a held key repeats as presses (Backspace and the arrows in a text field, a terminal)
            input.accept(new KeyInput(action != GLFW_RELEASE, key, "", modifiers));
        });
        glfwSetCharModsCallback(handle, (w, codepoint, mods) ->
                input.accept(new KeyInput(true, 0, new String(Character.toChars(codepoint)), mods)));
        glfwSetFramebufferSizeCallback(handle, (w, fw, fh) -> sizeChanged = true);
        glfwSetWindowContentScaleCallback(handle, (w, sx, sy) -> sizeChanged = true);
        glfwSetWindowRefreshCallback(handle, w -> exposed = true);
    }

    /**
     * Creates the window, hidden ({@link #show} shows it); for {@link Api#OPENGL} its context is current on the
     * calling (main) thread afterwards.
     */
    public static GlfwWindow create(Options options, Api api, Consumer<SceneMessage> input) {
        return new GlfwWindow(options, api, input);
    }

    /** What a press on the window does when it has not the keyboard (by default GLFW asks the window manager). */
    private Runnable pressedUnfocused;

    /** Sets what a press does when the window has not the keyboard (main thread). */
    public void whenPressedUnfocused(Runnable takeFocus) {
        pressedUnfocused = takeFocus;
    }

    /** Places the window where its options say, lets {@code beforeShow} type it, and maps it. */
    public void show(Options options) {
        if (options.x() != Integer.MIN_VALUE) {
            glfwSetWindowPos(handle, options.x(), options.y());
        }
        options.beforeShow().accept(x11Window());
        glfwShowWindow(handle);
    }

    private static synchronized void terminateIfUnused() {
        if (open == 0 && initialised) {
            glfwTerminate();
            initialised = false;
        }
    }

    /** GLFW's handle, for the client API's own calls (context, Vulkan surface). */
    public long handle() {
        return handle;
    }

    /** This window's X11 {@code Window} id (0 when GLFW does not run on X11). */
    public long x11Window() {
        return glfwGetPlatform() == GLFW_PLATFORM_X11 ? org.lwjgl.glfw.GLFWNativeX11.glfwGetX11Window(handle) : 0;
    }

    /** GLFW's X11 {@code Display*} (0 when GLFW does not run on X11). */
    public static long x11Display() {
        return glfwGetPlatform() == GLFW_PLATFORM_X11 ? org.lwjgl.glfw.GLFWNativeX11.glfwGetX11Display() : 0;
    }

    /** Moves and resizes the window to (x, y) and width×height screen units. */
    public void place(int x, int y, int width, int height) {
        glfwSetWindowPos(handle, x, y);
        glfwSetWindowSize(handle, width, height);
    }

    private PointerInput pointer(PointerKind kind, int button, float scrollX, float scrollY) {
        return new PointerInput(kind, (float) cursorX, (float) cursorY, button, modifiers, scrollX, scrollY, "", 0,
                0);
    }

    /** Processes the events of every window for up to {@code seconds}; returns early on an event or a wake-up. */
    public static void waitFor(double seconds) {
        glfwWaitEventsTimeout(seconds);
    }

    /** Wakes {@link #waitFor} from another thread. */
    public static void wake() {
        glfwPostEmptyEvent();
    }

    /** Unmaps the window (it keeps its context or swapchain). */
    public void hide() {
        glfwHideWindow(handle);
    }

    public boolean closeRequested() {
        return glfwWindowShouldClose(handle);
    }

    /** True once after GLFW reported a new drawable size or scale. */
    public boolean takeSizeChange() {
        boolean changed = sizeChanged;
        sizeChanged = false;
        return changed;
    }

    /** True once after the window system asked for its contents again (exposed, restored). */
    public boolean takeExposed() {
        boolean was = exposed;
        exposed = false;
        return was;
    }

    /** True while the window is minimised: nothing is shown, so frames need not be presented. */
    public boolean iconified() {
        return glfwGetWindowAttrib(handle, GLFW_ICONIFIED) == GLFW_TRUE;
    }

    /** The drawable's size in device pixels, never 0 (a minimised window reports 0×0). */
    public int[] framebufferSize() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var w = stack.mallocInt(1);
            var h = stack.mallocInt(1);
            glfwGetFramebufferSize(handle, w, h);
            return new int[] {Math.max(1, w.get(0)), Math.max(1, h.get(0))};
        }
    }

    /** The window's size in desktop units (screen coordinates, what cursor positions are in). */
    public int[] windowSize() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var w = stack.mallocInt(1);
            var h = stack.mallocInt(1);
            glfwGetWindowSize(handle, w, h);
            return new int[] {Math.max(1, w.get(0)), Math.max(1, h.get(0))};
        }
    }

    /** Device pixels per desktop unit. */
    public float contentScale() {
        int[] device = framebufferSize();
        int[] units = windowSize();
        return units[0] <= 1 ? 1 : (float) device[0] / units[0];
    }

    /** Destroys the window; the last one to close terminates GLFW. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        glfwDestroyWindow(handle);
        synchronized (GlfwWindow.class) {
            open--;
        }
        terminateIfUnused();
    }
}
