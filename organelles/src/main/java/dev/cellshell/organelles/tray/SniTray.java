package dev.cellshell.organelles.tray;

import dev.cellshell.organelles.apps.IconTheme;
import dev.cellshell.organelles.bus.BusReader;
import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.widgets.TrayItem;
import dev.cellshell.widgets.TrayMenuItem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Container;
import org.freedesktop.dbus.connections.base.AbstractConnectionBase;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray: CellShell as the {@code org.kde.StatusNotifierWatcher} applications register their items with, and as
 * the host that shows them. Each registered item's properties (title, status, tooltip, icon name or pixmaps, menu)
 * and its menu's top level ({@code com.canonical.dbusmenu} GetLayout) are read on the tray's own thread when it
 * registers and when it signals a change; an item whose application leaves the bus goes. Clicks are sent without
 * waiting.
 */
public final class SniTray extends BusReader implements TrayDesk, StatusNotifierWatcher, Properties {

    private static final Logger LOG = LoggerFactory.getLogger(SniTray.class);
    static final int MAX_ITEMS = 64;

    private record Pixmap(int width, int height, byte[] argb) {
    }

    private record Item(String busName, String path, TrayItem item, String iconName, String iconThemePath,
            List<Pixmap> pixmaps, String menuPath, List<TrayMenuItem> menu) {
    }

    private final IconTheme icons;
    private final Map<String, String[]> registered = new LinkedHashMap<>(); // id → {bus name, path}
    private volatile Map<String, Item> items = Map.of();
    private volatile String unavailable = "not started";

    public SniTray(IconTheme icons) {
        super("tray");
        this.icons = icons;
    }

    public void start(Buses buses) {
        Buses.Link session = buses.session();
        if (session.connection() == null) {
            unavailable = session.unavailable();
            return;
        }
        DBusConnection bus = session.connection();
        start(session, "/StatusNotifierItem", name -> false); // the reader first: registrations read through it
        try {
            bus.exportObject(PATH, this);
            String owner = Buses.requestName(bus, NAME);
            if (!owner.isEmpty()) {
                bus.unExportObject(PATH);
                unavailable = "another tray (" + owner + ") has " + NAME + ": applications' tray icons go to it";
                LOG.warn("{}", unavailable);
                return;
            }
            Buses.requestName(bus, "org.kde.StatusNotifierHost-" + ProcessHandle.current().pid());
            for (Class<? extends org.freedesktop.dbus.messages.DBusSignal> signal : List.of(
                    StatusNotifierItem.NewTitle.class, StatusNotifierItem.NewIcon.class,
                    StatusNotifierItem.NewStatus.class, StatusNotifierItem.NewToolTip.class,
                    DbusMenu.LayoutUpdated.class)) {
                bus.addSigHandler(signal, s -> readSoon());
            }
            bus.addSigHandler(DBus.NameOwnerChanged.class, s -> {
                if (s.newOwner.isEmpty()) {
                    forget(s.name);
                }
            });
            unavailable = "";
            bus.sendMessage(new StatusNotifierHostRegistered(PATH));
            LOG.info("the tray is {} on the session bus", NAME);
        } catch (DBusException | RuntimeException e) {
            unavailable = "the tray could not start: " + e.getMessage();
            LOG.warn("{}", unavailable);
        }
    }

    // --- the watcher, as applications see it ---

    @Override
    public void RegisterStatusNotifierItem(String service) {
        var call = AbstractConnectionBase.getCallInfo();
        String sender = call == null ? service : call.getSource();
        String busName = service.startsWith("/") ? sender : service;
        String path = service.startsWith("/") ? service : "/StatusNotifierItem";
        String id = busName + path;
        synchronized (registered) {
            if (registered.size() >= MAX_ITEMS && !registered.containsKey(id)) {
                throw new IllegalStateException("the tray holds at most " + MAX_ITEMS + " items");
            }
            registered.put(id, new String[] {busName, path});
        }
        try {
            connection.sendMessage(new StatusNotifierItemRegistered(PATH, id));
        } catch (DBusException e) {
            LOG.debug("not signalled: {}", e.toString());
        }
        readSoon();
    }

    @Override
    public void RegisterStatusNotifierHost(String service) {
        // we are the host; others may show the same items
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String iface, String name) {
        Variant<?> value = GetAll(iface).get(name);
        if (value == null) {
            throw new IllegalArgumentException("no property " + name);
        }
        Object plain = value.getValue();
        return (A) (plain instanceof List<?> list ? list.toArray(new String[0]) : plain); // a list does not wrap itself
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
        throw new IllegalArgumentException("the watcher's properties are read-only");
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        synchronized (registered) {
            return StatusNotifierWatcher.properties(new ArrayList<>(registered.keySet()));
        }
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    private void forget(String busName) {
        List<String> gone = new ArrayList<>();
        synchronized (registered) {
            registered.entrySet().removeIf(e -> {
                if (e.getValue()[0].equals(busName)) {
                    gone.add(e.getKey());
                    return true;
                }
                return false;
            });
        }
        for (String id : gone) {
            try {
                connection.sendMessage(new StatusNotifierItemUnregistered(PATH, id));
            } catch (DBusException e) {
                LOG.debug("not signalled: {}", e.toString());
            }
        }
        if (!gone.isEmpty()) {
            readSoon();
        }
    }

    // --- the host ---

    @Override
    protected boolean read() {
        Map<String, String[]> now;
        synchronized (registered) {
            now = new LinkedHashMap<>(registered);
        }
        Map<String, Item> read = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : now.entrySet()) {
            try {
                read.put(e.getKey(), readItem(e.getKey(), e.getValue()[0], e.getValue()[1]));
            } catch (RuntimeException ex) {
                LOG.debug("tray item {} not read: {}", e.getKey(), ex.toString());
            }
        }
        boolean changed = !summary(read).equals(summary(items));
        items = Map.copyOf(read);
        return changed;
    }

    private static List<Object> summary(Map<String, Item> items) {
        List<Object> all = new ArrayList<>();
        items.forEach((id, item) -> {
            all.add(item.item());
            all.add(item.iconName());
            all.add(item.menu());
            item.pixmaps().forEach(p -> all.add(java.util.Arrays.hashCode(p.argb())));
        });
        return all;
    }

    private Item readItem(String id, String busName, String path) {
        Map<String, Object> p = properties(busName, path, StatusNotifierItem.IFACE);
        String title = text(p.get("Title"));
        String tooltip = "";
        Object[] tip = parameters(p.get("ToolTip"));
        if (tip != null && tip.length >= 4) {
            tooltip = (text(tip[2]) + (text(tip[3]).isEmpty() ? "" : ": " + text(tip[3]))).strip();
        }
        List<Pixmap> pixmaps = new ArrayList<>();
        if (p.get("IconPixmap") instanceof List<?> list) {
            for (Object each : list) {
                Object[] px = parameters(each);
                byte[] argb = px == null || px.length < 3 ? null : bytes(px[2]);
                if (argb != null) {
                    int w = (int) number(px[0]);
                    int h = (int) number(px[1]);
                    if (w > 0 && h > 0 && w <= 512 && h <= 512 && argb.length >= w * h * 4) {
                        pixmaps.add(new Pixmap(w, h, argb));
                    }
                }
            }
        }
        String menuPath = text(p.get("Menu"));
        List<TrayMenuItem> menu = menuPath.startsWith("/") && !menuPath.equals("/") ? readMenu(busName, menuPath)
                : List.of();
        String status = text(p.get("Status"));
        return new Item(busName, path, new TrayItem(id, title.isEmpty() ? text(p.get("Id")) : title, tooltip,
                status.isEmpty() ? "Active" : status, !menu.isEmpty()), text(p.get("IconName")),
                text(p.get("IconThemePath")), pixmaps, menuPath, menu);
    }

    private List<TrayMenuItem> readMenu(String busName, String menuPath) {
        try {
            DbusMenu menu = connection.getRemoteObject(busName, menuPath, DbusMenu.class);
            DbusMenu.Layout<UInt32, DbusMenu.Node> layout = menu.GetLayout(0, 1, List.of());
            List<TrayMenuItem> entries = new ArrayList<>();
            Object[] root = parameters(layout.root);
            if (root == null || !(root[2] instanceof List<?> children)) {
                return List.of();
            }
            for (Object child : children) {
                Object[] node = parameters(child instanceof Variant<?> v ? v.getValue() : child);
                if (node == null || entries.size() >= 100) {
                    continue;
                }
                Map<?, ?> props = node[1] instanceof Map<?, ?> m ? m : Map.of();
                if (Boolean.FALSE.equals(value(props, "visible"))) {
                    continue;
                }
                boolean separator = "separator".equals(value(props, "type"));
                String label = text(value(props, "label")).replaceAll("_(?=.)", "");
                String toggle = text(value(props, "toggle-type"));
                entries.add(new TrayMenuItem((int) number(node[0]), separator ? "" : label, separator,
                        !Boolean.FALSE.equals(value(props, "enabled")), toggle,
                        number(value(props, "toggle-state")) == 1));
            }
            return entries;
        } catch (DBusException | RuntimeException e) {
            LOG.debug("menu {} of {} not read: {}", menuPath, busName, e.toString());
            return List.of();
        }
    }

    /** An {@code ay} inside a variant: dbus-java hands it out as bytes or as a list of them. */
    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof List<?> list && list.size() <= 512 * 512 * 4) {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    return null;
                }
                b[i] = n.byteValue();
            }
            return b;
        }
        return null;
    }

    private static Object value(Map<?, ?> props, String key) {
        Object v = props.get(key);
        return v instanceof Variant<?> variant ? variant.getValue() : v;
    }

    /** A struct's fields, whether dbus-java made it a Struct or left it an array. */
    private static Object[] parameters(Object struct) {
        if (struct instanceof Container c) {
            return c.getParameters();
        }
        return struct instanceof Object[] array ? array : null;
    }

    @Override
    protected boolean whenFailed(String why) {
        return false;
    }

    @Override
    protected void unavailable(String why) {
        unavailable = why;
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    @Override
    public List<TrayItem> items() {
        return items.values().stream().map(Item::item).toList();
    }

    private Item item(String itemId) {
        Item item = items.get(itemId);
        if (item == null) {
            throw new IllegalArgumentException("there is no tray item '" + itemId + "'");
        }
        return item;
    }

    @Override
    public Object icon(String itemId, int size) {
        Item item = item(itemId);
        if (!item.pixmaps().isEmpty()) {
            Pixmap best = item.pixmaps().get(0);
            for (Pixmap p : item.pixmaps()) {
                boolean better = best.width() < size ? p.width() > best.width()
                        : p.width() >= size && p.width() < best.width();
                best = better ? p : best;
            }
            return png(best);
        }
        if (!item.iconThemePath().isEmpty()) {
            Path own = Path.of(item.iconThemePath(), item.iconName() + ".png");
            if (java.nio.file.Files.isRegularFile(own)) {
                return own;
            }
        }
        return icons.find(item.iconName(), size).orElse(null);
    }

    private static byte[] png(Pixmap pixmap) {
        BufferedImage image = new BufferedImage(pixmap.width(), pixmap.height(), BufferedImage.TYPE_INT_ARGB);
        java.nio.ByteBuffer argb = java.nio.ByteBuffer.wrap(pixmap.argb()); // network byte order, as the spec says
        for (int y = 0; y < pixmap.height(); y++) {
            for (int x = 0; x < pixmap.width(); x++) {
                image.setRGB(x, y, argb.getInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            return null;
        }
        return out.toByteArray();
    }

    @Override
    public void activate(String itemId, int x, int y, boolean secondary) {
        Item item = item(itemId);
        later(() -> {
            try {
                StatusNotifierItem remote = connection.getRemoteObject(item.busName(), item.path(),
                        StatusNotifierItem.class);
                if (secondary) {
                    remote.SecondaryActivate(x, y);
                } else {
                    remote.Activate(x, y);
                }
            } catch (DBusException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public List<TrayMenuItem> menu(String itemId) {
        return item(itemId).menu();
    }

    @Override
    public void clickMenu(String itemId, int entryId) {
        Item item = item(itemId);
        TrayMenuItem entry = item.menu().stream().filter(e -> e.id() == entryId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(item.item().title() + "'s menu has no entry "
                        + entryId));
        if (entry.separator() || !entry.enabled()) {
            throw new IllegalArgumentException("'" + entry.label() + "' cannot be clicked");
        }
        later(() -> {
            try {
                connection.getRemoteObject(item.busName(), item.menuPath(), DbusMenu.class).Event(entryId, "clicked",
                        new Variant<>(0), new UInt32(System.currentTimeMillis() / 1000));
            } catch (DBusException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
