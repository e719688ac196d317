package dev.cellshell.organelles.windows;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.AppWindow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The windows as an EWMH window manager publishes them ({@code _NET_CLIENT_LIST}, {@code _NET_ACTIVE_WINDOW}, each
 * window's {@code _NET_WM_NAME}, {@code WM_CLASS}, {@code _NET_WM_DESKTOP}, {@code _NET_WM_STATE},
 * {@code _NET_WM_ICON}) and the standard client messages to activate, close and move them. Two display connections
 * of its own: one read by the {@code windows-x11} thread, which waits for property changes on the root and the
 * client windows and reads the list again, and one for requests. X errors of these connections (a window gone
 * between two requests) are swallowed by an error handler that passes other connections' errors on (the workbench's
 * toolkit has its own).
 */
public final class EwmhWindows implements WindowDesk {

    private static final Logger LOG = LoggerFactory.getLogger(EwmhWindows.class);
    private static final long PROPERTY_CHANGE = 1L << 22;
    private static final long SUBSTRUCTURE_NOTIFY = 1L << 19;
    private static final long SUBSTRUCTURE_REDIRECT = 1L << 20;
    private static final X11 X = X11.INSTANCE;

    private final Changes changes = new Changes("windows");
    private final String unavailable;
    private final X11.Display events;
    private final X11.Display requests;
    private volatile List<AppWindow> windows = List.of();
    private volatile boolean closed;
    private final Set<Long> watched = new HashSet<>();
    private Thread thread;

    private static final Set<Pointer> OURS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static X11.XErrorHandler previous;
    private static final X11.XErrorHandler HANDLER = (display, error) -> {
        if (display != null && OURS.contains(display.getPointer())) {
            return 0; // a window that went away while we asked about it
        }
        X11.XErrorHandler chained = previous;
        return chained != null ? chained.apply(display, error) : 0;
    };

    private EwmhWindows(String unavailable, X11.Display events, X11.Display requests) {
        this.unavailable = unavailable;
        this.events = events;
        this.requests = requests;
    }

    /** Connects to {@code display} (e.g. ":0"; null or empty: none) and starts watching. */
    public static EwmhWindows connect(String display) {
        if (display == null || display.isBlank()) {
            return new EwmhWindows("there is no display (DISPLAY is not set)", null, null);
        }
        X11.Display a;
        X11.Display b;
        try {
            a = X.XOpenDisplay(display);
            b = a == null ? null : X.XOpenDisplay(display);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return new EwmhWindows("Xlib cannot be loaded: " + e.getMessage(), null, null);
        }
        if (a == null || b == null) {
            return new EwmhWindows("the display " + display + " cannot be opened", null, null);
        }
        OURS.add(a.getPointer());
        OURS.add(b.getPointer());
        installHandler();
        EwmhWindows windows = new EwmhWindows("", a, b);
        if (windows.cardinals(a, X.XDefaultRootWindow(a), "_NET_SUPPORTING_WM_CHECK").length == 0
                && windows.windowList(a).length == 0) {
            windows.closeDisplays();
            return new EwmhWindows("the window manager on " + display + " does not publish its windows (EWMH)",
                    null, null);
        }
        windows.start();
        return windows;
    }

    /** Ours first; whoever set one before (or after, the next time) is called for the other connections. */
    private static synchronized void installHandler() {
        X11.XErrorHandler was = X.XSetErrorHandler(HANDLER);
        if (was != null && !was.equals(HANDLER)) {
            previous = was;
        }
    }

    private void start() {
        X.XSelectInput(events, X.XDefaultRootWindow(events), new NativeLong(PROPERTY_CHANGE));
        refresh();
        thread = new Thread(this::run, "windows-x11");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        X11.XEvent event = new X11.XEvent();
        while (!closed) {
            X.XNextEvent(events, event);
            if (closed) {
                break;
            }
            while (X.XPending(events) > 0) { // read once for a burst
                X.XNextEvent(events, event);
            }
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("the window list was not read: {}", e.toString());
            }
        }
        X.XCloseDisplay(events);
    }

    private void refresh() {
        installHandler();
        long[] ids = windowList(events);
        long[] activeValue = cardinalsOfType(events, X.XDefaultRootWindow(events), "_NET_ACTIVE_WINDOW",
                X11.XA_WINDOW);
        long active = activeValue.length == 0 ? 0 : activeValue[0];
        List<AppWindow> list = new ArrayList<>();
        for (long id : ids) {
            X11.Window window = new X11.Window(id);
            if (watched.add(id)) {
                X.XSelectInput(events, window, new NativeLong(PROPERTY_CHANGE));
            }
            Set<String> state = atomNames(events, window, "_NET_WM_STATE");
            Set<String> types = atomNames(events, window, "_NET_WM_WINDOW_TYPE");
            if (state.contains("_NET_WM_STATE_SKIP_TASKBAR") || types.contains("_NET_WM_WINDOW_TYPE_DESKTOP")
                    || types.contains("_NET_WM_WINDOW_TYPE_DOCK")) {
                continue;
            }
            String title = text(events, window, "_NET_WM_NAME", X.XInternAtom(events, "UTF8_STRING", false));
            if (title.isEmpty()) {
                title = text(events, window, "WM_NAME", X11.XA_STRING);
            }
            String[] wmClass = text(events, window, "WM_CLASS", X11.XA_STRING).split("\0");
            long[] desktop = cardinals(events, window, "_NET_WM_DESKTOP");
            int workspace = desktop.length == 0 || desktop[0] == 0xFFFFFFFFL ? -1 : (int) desktop[0];
            list.add(new AppWindow(hex(id), title, wmClass.length > 1 ? wmClass[1] : wmClass[0], workspace,
                    id == active, state.contains("_NET_WM_STATE_HIDDEN")));
        }
        watched.retainAll(java.util.Arrays.stream(ids).boxed().toList());
        if (!list.equals(windows)) {
            windows = List.copyOf(list);
            changes.fire();
        }
    }

    private static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

    private static long parse(String windowId) {
        if (windowId == null || !windowId.matches("0x[0-9a-fA-F]{1,8}")) {
            throw new IllegalArgumentException("'" + windowId + "' is not a window id (0x…)");
        }
        return Long.parseLong(windowId.substring(2), 16);
    }

    private long known(String windowId) {
        long id = parse(windowId);
        if (windows.stream().noneMatch(w -> w.id().equals(windowId))) {
            throw new IllegalArgumentException("there is no window " + windowId);
        }
        return id;
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    @Override
    public List<AppWindow> list() {
        return windows;
    }

    @Override
    public void activate(String windowId) {
        send(known(windowId), "_NET_ACTIVE_WINDOW", 2, 0, 0);
    }

    @Override
    public void close(String windowId) {
        send(known(windowId), "_NET_CLOSE_WINDOW", 0, 2, 0);
    }

    @Override
    public void moveToWorkspace(String windowId, int index) {
        if (index < 0 || index > 63) {
            throw new IllegalArgumentException("there is no workspace " + (index + 1));
        }
        send(known(windowId), "_NET_WM_DESKTOP", index, 2, 0);
    }

    /** A client message about {@code window} to the root, as a pager sends it (source indication 2). */
    private synchronized void send(long window, String type, long l0, long l1, long l2) {
        if (requests == null) {
            throw new IllegalStateException(unavailable);
        }
        installHandler();
        X11.Window root = X.XDefaultRootWindow(requests);
        X11.XEvent event = new X11.XEvent();
        event.setType(X11.XClientMessageEvent.class);
        X11.XClientMessageEvent message = event.xclient;
        message.type = X11.ClientMessage;
        message.serial = new NativeLong(0);
        message.send_event = 1;
        message.display = requests;
        message.window = new X11.Window(window);
        message.message_type = X.XInternAtom(requests, type, false);
        message.format = 32;
        message.data.setType(NativeLong[].class);
        message.data.l[0] = new NativeLong(l0);
        message.data.l[1] = new NativeLong(l1);
        message.data.l[2] = new NativeLong(l2);
        event.write();
        X.XSendEvent(requests, root, 0, new NativeLong(SUBSTRUCTURE_NOTIFY | SUBSTRUCTURE_REDIRECT), event);
        X.XFlush(requests);
    }

    @Override
    public synchronized byte[] iconPng(String windowId, int size) {
        if (requests == null) {
            return null;
        }
        long[] data = cardinals(requests, new X11.Window(known(windowId)), "_NET_WM_ICON", 1 << 20);
        int bestAt = -1;
        int bestSide = 0;
        for (int i = 0; i + 1 < data.length;) {
            int w = (int) data[i];
            int h = (int) data[i + 1];
            if (w <= 0 || h <= 0 || w > 1024 || h > 1024 || i + 2L + (long) w * h > data.length) {
                break;
            }
            boolean better = bestAt < 0 || (bestSide < size ? w > bestSide : w >= size && w < bestSide);
            if (better) {
                bestAt = i;
                bestSide = w;
            }
            i += 2 + w * h;
        }
        if (bestAt < 0) {
            return null;
        }
        int w = (int) data[bestAt];
        int h = (int) data[bestAt + 1];
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (int) data[bestAt + 2 + y * w + x]);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (IOException e) {
            return null;
        }
        return png.toByteArray();
    }

    @Override
    public Changes changes() {
        return changes;
    }

    private long[] windowList(X11.Display display) {
        return cardinalsOfType(display, X.XDefaultRootWindow(display), "_NET_CLIENT_LIST", X11.XA_WINDOW);
    }

    private long[] cardinals(X11.Display display, X11.Window window, String property) {
        return cardinals(display, window, property, 4096);
    }

    private long[] cardinals(X11.Display display, X11.Window window, String property, int maxItems) {
        return longs(bytes(display, window, property, null, maxItems));
    }

    private long[] cardinalsOfType(X11.Display display, X11.Window window, String property, X11.Atom type) {
        return longs(bytes(display, window, property, type, 4096));
    }

    private static long[] longs(byte[] raw) {
        long[] values = new long[raw.length / NativeLong.SIZE];
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        for (int i = 0; i < values.length; i++) {
            values[i] = NativeLong.SIZE == 8 ? buffer.getLong() : buffer.getInt() & 0xFFFFFFFFL;
        }
        return values;
    }

    private Set<String> atomNames(X11.Display display, X11.Window window, String property) {
        Set<String> names = new HashSet<>();
        for (long atom : longs(bytes(display, window, property, X11.XA_ATOM, 64))) {
            String name = X.XGetAtomName(display, new X11.Atom(atom));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private String text(X11.Display display, X11.Window window, String property, X11.Atom type) {
        byte[] raw = bytes(display, window, property, type, 4096);
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        return new String(raw, 0, end, type == X11.XA_STRING ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** The property's data (format-32 items as C longs, as Xlib hands them out); empty when unset or gone. */
    private byte[] bytes(X11.Display display, X11.Window window, String property, X11.Atom type, int maxItems) {
        X11.AtomByReference actualType = new X11.AtomByReference();
        IntByReference format = new IntByReference();
        NativeLongByReference items = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        int status = X.XGetWindowProperty(display, window, X.XInternAtom(display, property, false), new NativeLong(0),
                new NativeLong(maxItems), false, type == null ? new X11.Atom(0) : type, actualType, format, items,
                after, data);
        if (status != 0 || data.getValue() == null) {
            return new byte[0];
        }
        try {
            long n = items.getValue().longValue();
            int unit = format.getValue() == 32 ? NativeLong.SIZE : format.getValue() / 8;
            return unit == 0 ? new byte[0] : data.getValue().getByteArray(0, (int) (n * unit));
        } finally {
            X.XFree(data.getValue());
        }
    }

    @Override
    public void close() {
        if (closed || requests == null) {
            closed = true;
            return;
        }
        closed = true;
        synchronized (this) { // wake the reader: a property change on the root it listens to
            Memory one = new Memory(1);
            one.setByte(0, (byte) 1);
            X.XChangeProperty(requests, X.XDefaultRootWindow(requests), X.XInternAtom(requests, "_CELLSHELL_WAKE",
                    false), X11.XA_CARDINAL, 8, 0 /* replace */, one, 1);
            X.XFlush(requests);
        }
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            X.XCloseDisplay(requests);
            OURS.remove(requests.getPointer());
            OURS.remove(events.getPointer());
        }
    }

    private void closeDisplays() {
        X.XCloseDisplay(events);
        X.XCloseDisplay(requests);
        OURS.remove(events.getPointer());
        OURS.remove(requests.getPointer());
    }
}
