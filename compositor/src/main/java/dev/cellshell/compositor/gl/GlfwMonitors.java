package dev.cellshell.compositor.gl;

import static org.lwjgl.glfw.GLFW.*;

import dev.cellshell.ipc.SceneMessage.Monitor;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFWVidMode;
import org.lwjgl.system.MemoryStack;

/**
 * The monitors GLFW reports (RandR on X11), primary first, and whether they changed since last asked. Main thread
 * only, after {@link GlfwWindow#init}.
 */
public final class GlfwMonitors {

    private volatile boolean changed;
    private volatile List<Monitor> last = List.of();

    public GlfwMonitors() {
        GlfwWindow.init();
        glfwSetMonitorCallback((monitor, event) -> changed = true);
    }

    /** True once after a monitor was connected or disconnected. */
    public boolean takeChange() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /** The monitors as {@link #now} last found them. */
    public List<Monitor> last() {
        return last;
    }

    /** Every connected monitor in screen coordinates, the primary one marked. */
    public List<Monitor> now() {
        List<Monitor> monitors = new ArrayList<>();
        long primary = glfwGetPrimaryMonitor();
        PointerBuffer all = glfwGetMonitors();
        if (all == null) {
            return monitors;
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            for (int i = 0; i < all.limit(); i++) {
                long m = all.get(i);
                var x = stack.mallocInt(1);
                var y = stack.mallocInt(1);
                glfwGetMonitorPos(m, x, y);
                GLFWVidMode mode = glfwGetVideoMode(m);
                var sx = stack.mallocFloat(1);
                var sy = stack.mallocFloat(1);
                glfwGetMonitorContentScale(m, sx, sy);
                String name = glfwGetMonitorName(m);
                monitors.add(new Monitor(name == null || name.isBlank() ? "monitor-" + i : name, x.get(0), y.get(0),
                        mode == null ? 0 : mode.width(), mode == null ? 0 : mode.height(), sx.get(0), m == primary));
            }
        }
        monitors.sort(java.util.Comparator.comparing(m -> !m.primary()));
        last = List.copyOf(monitors);
        return monitors;
    }
}
