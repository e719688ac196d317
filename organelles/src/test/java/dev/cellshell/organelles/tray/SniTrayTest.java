package dev.cellshell.organelles.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.organelles.apps.IconTheme;
import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.organelles.bus.FakeProperties;
import dev.cellshell.organelles.bus.PrivateBus;
import dev.cellshell.widgets.TrayItem;
import dev.cellshell.widgets.TrayMenuItem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A small StatusNotifierItem with a dbusmenu, written for the test, registering with CellShell's watcher. */
@org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a hung bus or program fails, never stalls the build
class SniTrayTest {

    private PrivateBus bus;
    private Buses buses;
    private SniTray tray;
    private DBusConnection app;

    /** An application's tray item and its menu, telling the test what the host called. */
    static final class FakeItem extends FakeProperties implements StatusNotifierItem {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

        FakeItem(String path) {
            super(path);
        }

        @Override
        public void Activate(int x, int y) {
            calls.add("Activate " + x + "," + y);
        }

        @Override
        public void SecondaryActivate(int x, int y) {
            calls.add("SecondaryActivate");
        }

        @Override
        public void ContextMenu(int x, int y) {
            calls.add("ContextMenu");
        }
    }

    static final class FakeMenu implements DbusMenu {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public Layout<UInt32, Node> GetLayout(int parentId, int recursionDepth, List<String> propertyNames) {
            Node open = new Node(1, Map.of("label", new Variant<>("_Open window")), List.of());
            Node line = new Node(2, Map.of("type", new Variant<>("separator")), List.of());
            Node mute = new Node(3, Map.of("label", new Variant<>("Mute"), "toggle-type", new Variant<>("checkmark"),
                    "toggle-state", new Variant<>(1)), List.of());
            Node off = new Node(4, Map.of("label", new Variant<>("Disabled"), "enabled", new Variant<>(false)),
                    List.of());
            Node hidden = new Node(5, Map.of("label", new Variant<>("Hidden"), "visible", new Variant<>(false)),
                    List.of());
            List<Variant<?>> children = List.of(new Variant<>(open, "(ia{sv}av)"), new Variant<>(line, "(ia{sv}av)"),
                    new Variant<>(mute, "(ia{sv}av)"), new Variant<>(off, "(ia{sv}av)"),
                    new Variant<>(hidden, "(ia{sv}av)"));
            return new Layout<>(new UInt32(1), new Node(0, Map.of(), children));
        }

        @Override
        public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            events.add(eventId + " " + id);
        }

        @Override
        public String getObjectPath() {
            return "/MenuBar";
        }
    }

    @BeforeEach
    void start() throws Exception {
        bus = PrivateBus.start();
        buses = new Buses(bus.address(), null);
        tray = new SniTray(new IconTheme("hicolor", List.of(), List.of()));
        tray.start(buses);
        assertThat(tray.unavailable()).isEmpty();
        app = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        tray.close();
        buses.close();
        bus.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApplicationsItemShowsWithItsIconTooltipAndMenuAndHearsClicks() throws Exception {
        byte[] red = new byte[16 * 16 * 4];
        for (int i = 0; i < red.length; i += 4) {
            red[i] = (byte) 0xFF; // alpha first: ARGB in network byte order
            red[i + 1] = (byte) 0xFF;
        }
        Object[] pixmap = {16, 16, red};
        FakeItem item = new FakeItem("/StatusNotifierItem");
        item.put(StatusNotifierItem.IFACE, "Id", new Variant<>("chat"))
                .put(StatusNotifierItem.IFACE, "Title", new Variant<>("Chat"))
                .put(StatusNotifierItem.IFACE, "Status", new Variant<>("NeedsAttention"))
                .put(StatusNotifierItem.IFACE, "IconName", new Variant<>("chat-icon"))
                .put(StatusNotifierItem.IFACE, "IconPixmap", new Variant<>(List.of(new Pixmaps(16, 16, red)),
                        "a(iiay)"))
                .put(StatusNotifierItem.IFACE, "ToolTip", new Variant<>(new ToolTip("", List.of(), "Chat",
                        "3 unread"), "(sa(iiay)ss)"))
                .put(StatusNotifierItem.IFACE, "Menu", new Variant<>(new org.freedesktop.dbus.DBusPath("/MenuBar")))
                .exportOn(app);
        FakeMenu menu = new FakeMenu();
        app.exportObject("/MenuBar", menu);
        app.requestBusName("org.example.chat");
        StatusNotifierWatcher watcher = app.getRemoteObject(StatusNotifierWatcher.NAME, StatusNotifierWatcher.PATH,
                StatusNotifierWatcher.class);
        watcher.RegisterStatusNotifierItem("org.example.chat");

        await(() -> !tray.items().isEmpty());
        TrayItem shown = tray.items().get(0);
        assertThat(shown).isEqualTo(new TrayItem("org.example.chat/StatusNotifierItem", "Chat", "Chat: 3 unread",
                "NeedsAttention", true));
        byte[] png = (byte[]) tray.icon(shown.id(), 16);
        java.awt.image.BufferedImage icon = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(icon.getWidth()).isEqualTo(16);
        assertThat(icon.getRGB(5, 5)).isEqualTo(0xFFFF0000);
        assertThat(tray.menu(shown.id())).containsExactly(new TrayMenuItem(1, "Open window", false, true, "", false),
                new TrayMenuItem(2, "", true, true, "", false), new TrayMenuItem(3, "Mute", false, true, "checkmark",
                        true), new TrayMenuItem(4, "Disabled", false, false, "", false));

        tray.activate(shown.id(), 10, 20, false);
        assertThat(item.calls.poll(10, TimeUnit.SECONDS)).isEqualTo("Activate 10,20");
        tray.clickMenu(shown.id(), 3);
        assertThat(menu.events.poll(10, TimeUnit.SECONDS)).isEqualTo("clicked 3");
        assertThatThrownBy(() -> tray.clickMenu(shown.id(), 4)).hasMessageContaining("cannot be clicked");
        assertThatThrownBy(() -> tray.clickMenu(shown.id(), 99)).hasMessageContaining("no entry 99");

        item.change(StatusNotifierItem.IFACE, "Title", new Variant<>("Chat (4)"));
        app.sendMessage(new StatusNotifierItem.NewTitle("/StatusNotifierItem"));
        await(() -> tray.items().get(0).title().equals("Chat (4)"));

        org.freedesktop.dbus.interfaces.Properties watcherProperties = app.getRemoteObject(StatusNotifierWatcher.NAME,
                StatusNotifierWatcher.PATH, org.freedesktop.dbus.interfaces.Properties.class);
        assertThat((List<Object>) watcherProperties.Get(StatusNotifierWatcher.NAME, "RegisteredStatusNotifierItems"))
                .containsExactly("org.example.chat/StatusNotifierItem");

        app.releaseBusName("org.example.chat");
        app.close(); // the application leaves the bus: its item goes
        await(() -> tray.items().isEmpty());
    }

    @Test
    void anItemRegisteredByItsPathAloneIsFoundAtItsSender() throws Exception {
        FakeItem item = new FakeItem("/org/ayatana/NotificationItem/app");
        item.put(StatusNotifierItem.IFACE, "Id", new Variant<>("indicator")).exportOn(app);
        app.getRemoteObject(StatusNotifierWatcher.NAME, StatusNotifierWatcher.PATH, StatusNotifierWatcher.class)
                .RegisterStatusNotifierItem("/org/ayatana/NotificationItem/app");
        await(() -> !tray.items().isEmpty());
        assertThat(tray.items().get(0).id()).isEqualTo(app.getUniqueName() + "/org/ayatana/NotificationItem/app");
        assertThat(tray.items().get(0).title()).isEqualTo("indicator");
        assertThat(tray.icon(tray.items().get(0).id(), 22)).isNull();
    }

    @Test
    void aSecondTraySaysWhoHasTheWatcherName() {
        Buses other = new Buses(bus.address(), null);
        SniTray second = new SniTray(new IconTheme("hicolor", List.of(), List.of()));
        second.start(other);
        assertThat(second.unavailable()).startsWith("another tray (:");
        second.close();
        other.close();
    }

    /** {@code (iiay)} */
    public static final class Pixmaps extends org.freedesktop.dbus.Struct {
        @org.freedesktop.dbus.annotations.Position(0)
        public final int width;
        @org.freedesktop.dbus.annotations.Position(1)
        public final int height;
        @org.freedesktop.dbus.annotations.Position(2)
        public final byte[] data;

        public Pixmaps(int width, int height, byte[] data) {
            this.width = width;
            this.height = height;
            this.data = data;
        }
    }

    /** {@code (sa(iiay)ss)} */
    public static final class ToolTip extends org.freedesktop.dbus.Struct {
        @org.freedesktop.dbus.annotations.Position(0)
        public final String iconName;
        @org.freedesktop.dbus.annotations.Position(1)
        public final List<Pixmaps> pixmaps;
        @org.freedesktop.dbus.annotations.Position(2)
        public final String title;
        @org.freedesktop.dbus.annotations.Position(3)
        public final String text;

        public ToolTip(String iconName, List<Pixmaps> pixmaps, String title, String text) {
            this.iconName = iconName;
            this.pixmaps = pixmaps;
            this.title = title;
            this.text = text;
        }
    }
}
