package dev.cellshell.compositor.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.cellshell.ipc.SceneMessage.Workspaces;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The window manager's workspaces as EWMH publishes them on the root window ({@code _NET_NUMBER_OF_DESKTOPS},
 * {@code _NET_CURRENT_DESKTOP}, {@code _NET_DESKTOP_NAMES}), and switching with the client message the
 * specification defines. Main thread only (GLFW's display connection).
 */
public final class X11Workspaces {

    private static final int ANY_PROPERTY_TYPE = 0;
    private static final long SUBSTRUCTURE_NOTIFY = 1L << 19;
    private static final long SUBSTRUCTURE_REDIRECT = 1L << 20;
    private final X11 x = X11.INSTANCE;
    private final X11.Display display;
    private final X11.Window root;

    /** @param display GLFW's {@code Display*} */
    public X11Workspaces(long display) {
        this.display = new X11.Display();
        this.display.setPointer(new Pointer(display));
        this.root = x.XDefaultRootWindow(this.display);
    }

    /** What the window manager says now; {@link Workspaces#NONE} without one that has workspaces. */
    public Workspaces now() {
        long[] count = cardinals("_NET_NUMBER_OF_DESKTOPS");
        if (count.length == 0 || count[0] <= 0) {
            return Workspaces.NONE;
        }
        long[] current = cardinals("_NET_CURRENT_DESKTOP");
        byte[] names = bytes("_NET_DESKTOP_NAMES", x.XInternAtom(display, "UTF8_STRING", false));
        List<String> list = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < names.length && list.size() < count[0]; i++) {
            if (names[i] == 0) {
                list.add(new String(names, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return new Workspaces((int) Math.min(count[0], 64), current.length == 0 ? -1 : (int) current[0], list);
    }

    /** Asks the window manager to show workspace {@code index} (a {@code _NET_CURRENT_DESKTOP} client message). */
    public void switchTo(int index) {
        X11.XEvent event = new X11.XEvent();
        event.setType(X11.XClientMessageEvent.class);
        X11.XClientMessageEvent message = event.xclient;
        message.type = X11.ClientMessage;
        message.serial = new NativeLong(0);
        message.send_event = 1;
        message.display = display;
        message.window = root;
        message.message_type = x.XInternAtom(display, "_NET_CURRENT_DESKTOP", false);
        message.format = 32;
        message.data.setType(NativeLong[].class);
        message.data.l[0] = new NativeLong(index);
        message.data.l[1] = new NativeLong(0);
        event.write();
        x.XSendEvent(display, root, 0, new NativeLong(SUBSTRUCTURE_NOTIFY | SUBSTRUCTURE_REDIRECT), event);
        x.XFlush(display);
    }

    private long[] cardinals(String property) {
        byte[] raw = bytes(property, X11.XA_CARDINAL);
        long[] values = new long[raw.length / NativeLong.SIZE];
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.nativeOrder());
        for (int i = 0; i < values.length; i++) {
            values[i] = NativeLong.SIZE == 8 ? buffer.getLong() : buffer.getInt() & 0xFFFFFFFFL;
        }
        return values;
    }

    /** The property's data as bytes (format-32 items as C longs, as Xlib hands them out), empty when unset. */
    private byte[] bytes(String property, X11.Atom type) {
        X11.AtomByReference actualType = new X11.AtomByReference();
        IntByReference format = new IntByReference();
        NativeLongByReference items = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        int status = x.XGetWindowProperty(display, root, x.XInternAtom(display, property, false), new NativeLong(0),
                new NativeLong(4096), false, type == null ? new X11.Atom(ANY_PROPERTY_TYPE) : type, actualType,
                format, items, after, data);
        if (status != 0 || data.getValue() == null) {
            return new byte[0];
        }
        try {
            long n = items.getValue().longValue();
            int unit = format.getValue() == 32 ? NativeLong.SIZE : format.getValue() / 8;
            return unit == 0 ? new byte[0] : data.getValue().getByteArray(0, (int) (n * unit));
        } finally {
            x.XFree(data.getValue());
        }
    }
}
