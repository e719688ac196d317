package dev.cellshell.compositor.x11;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import dev.cellshell.ipc.SceneMessage.Edge;
import dev.cellshell.ipc.SceneMessage.Role;
import dev.cellshell.ipc.SceneMessage.Surface;
import java.util.List;

/**
 * EWMH on X11 through JNA (LWJGL binds no {@code XChangeProperty}): {@code _NET_WM_WINDOW_TYPE} DESKTOP, DOCK or
 * NOTIFICATION, {@code _NET_WM_STATE} sticky + skip taskbar and pager (+ below or above), {@code _NET_WM_DESKTOP}
 * all workspaces, a panel's {@code _NET_WM_STRUT} and 12-value {@code _NET_WM_STRUT_PARTIAL}, and an overlay's
 * bounding and input shape (X Shape extension). Format-32 property data is an array of C longs. Main thread only
 * (GLFW's display connection).
 */
public final class X11WindowRoles implements WindowRoles {

    private static final int PROP_MODE_REPLACE = 0;
    private static final int SHAPE_SET = 0;
    private static final int SHAPE_BOUNDING = 0;
    private static final int SHAPE_INPUT = 2;
    private static final int UNSORTED = 0;

    /** The one Shape call JNA's X11 binding lacks. */
    interface Shape extends Library {
        Shape LIB = Native.load("Xext", Shape.class);

        void XShapeCombineRectangles(X11.Display display, X11.Window window, int destKind, int xOff, int yOff,
                X11.XRectangle[] rectangles, int count, int op, int ordering);
    }

    /** The focus call JNA's X11 binding lacks. */
    interface Focus extends Library {
        Focus LIB = Native.load("X11", Focus.class);

        int XSetInputFocus(X11.Display display, X11.Window window, int revertTo, NativeLong time);
    }

    private static final int REVERT_TO_PARENT = 2;

    private final X11 x = X11.INSTANCE;
    private final X11.Display display;
    /** The X screen's size, for strut arithmetic (struts count from the screen's edges). */
    private final int screenWidth;
    private final int screenHeight;

    /** @param display GLFW's {@code Display*} ({@code glfwGetX11Display}) */
    public X11WindowRoles(long display, int screenWidth, int screenHeight) {
        this.display = new X11.Display();
        this.display.setPointer(new Pointer(display));
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
    }

    @Override
    public void takeFocus(long window) {
        Focus.LIB.XSetInputFocus(display, new X11.Window(window), REVERT_TO_PARENT, new NativeLong(0));
        x.XFlush(display);
    }

    @Override
    public void apply(long window, Surface surface) {
        X11.Window w = new X11.Window(window);
        String type = switch (surface.role()) {
            case DESKTOP -> "_NET_WM_WINDOW_TYPE_DESKTOP";
            case PANEL -> "_NET_WM_WINDOW_TYPE_DOCK";
            case OVERLAY -> "_NET_WM_WINDOW_TYPE_NOTIFICATION";
            case WINDOW -> "_NET_WM_WINDOW_TYPE_NORMAL";
        };
        atoms(w, "_NET_WM_WINDOW_TYPE", type);
        if (surface.role() != Role.WINDOW) {
            atoms(w, "_NET_WM_STATE", "_NET_WM_STATE_STICKY", "_NET_WM_STATE_SKIP_TASKBAR",
                    "_NET_WM_STATE_SKIP_PAGER", surface.role() == Role.DESKTOP ? "_NET_WM_STATE_BELOW"
                            : "_NET_WM_STATE_ABOVE");
            cardinals(w, "_NET_WM_DESKTOP", 0xFFFFFFFFL);
        }
        if (surface.role() == Role.PANEL) {
            long[] partial = strut(surface);
            cardinals(w, "_NET_WM_STRUT", partial[0], partial[1], partial[2], partial[3]);
            cardinals(w, "_NET_WM_STRUT_PARTIAL", partial);
        }
        x.XFlush(display);
    }

    /** left, right, top, bottom, then start and end of each along its edge, counted from the screen's edges. */
    long[] strut(Surface s) {
        long[] v = new long[12];
        if (s.edge() == Edge.TOP) {
            v[2] = s.y() + s.height();
            v[8] = s.x();
            v[9] = s.x() + s.width() - 1;
        } else if (s.edge() == Edge.BOTTOM) {
            v[3] = screenHeight - s.y();
            v[10] = s.x();
            v[11] = s.x() + s.width() - 1;
        } else if (s.edge() == Edge.LEFT) {
            v[0] = s.x() + s.width();
            v[4] = s.y();
            v[5] = s.y() + s.height() - 1;
        } else if (s.edge() == Edge.RIGHT) {
            v[1] = screenWidth - s.x();
            v[6] = s.y();
            v[7] = s.y() + s.height() - 1;
        }
        return v;
    }

    @Override
    public void shape(long window, List<float[]> rectangles) {
        X11.Window w = new X11.Window(window);
        X11.XRectangle[] rects = rectangles.isEmpty() ? new X11.XRectangle[] {new X11.XRectangle()}
                : (X11.XRectangle[]) new X11.XRectangle().toArray(rectangles.size());
        for (int i = 0; i < rectangles.size(); i++) {
            float[] r = rectangles.get(i);
            rects[i].x = (short) Math.floor(r[0]);
            rects[i].y = (short) Math.floor(r[1]);
            rects[i].width = (short) Math.ceil(r[2]);
            rects[i].height = (short) Math.ceil(r[3]);
            rects[i].write();
        }
        int count = rectangles.size();
        Shape.LIB.XShapeCombineRectangles(display, w, SHAPE_BOUNDING, 0, 0, rects, count, SHAPE_SET, UNSORTED);
        Shape.LIB.XShapeCombineRectangles(display, w, SHAPE_INPUT, 0, 0, rects, count, SHAPE_SET, UNSORTED);
        x.XFlush(display);
    }

    private void atoms(X11.Window w, String property, String... values) {
        Memory data = new Memory((long) NativeLong.SIZE * values.length);
        for (int i = 0; i < values.length; i++) {
            data.setNativeLong((long) i * NativeLong.SIZE, new NativeLong(atom(values[i]).longValue()));
        }
        x.XChangeProperty(display, w, atom(property), X11.XA_ATOM, 32, PROP_MODE_REPLACE, data, values.length);
    }

    private void cardinals(X11.Window w, String property, long... values) {
        Memory data = new Memory((long) NativeLong.SIZE * values.length);
        for (int i = 0; i < values.length; i++) {
            data.setNativeLong((long) i * NativeLong.SIZE, new NativeLong(values[i]));
        }
        x.XChangeProperty(display, w, atom(property), X11.XA_CARDINAL, 32, PROP_MODE_REPLACE, data, values.length);
    }

    private X11.Atom atom(String name) {
        return x.XInternAtom(display, name, false);
    }
}
