package dev.cellshell.shell.organelles;

import dev.cellshell.organelles.Changes;
import dev.cellshell.organelles.apps.AppCatalog;
import dev.cellshell.organelles.apps.DetachedLauncher;
import dev.cellshell.organelles.apps.IconTheme;
import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.organelles.media.MediaSource;
import dev.cellshell.organelles.media.MprisReader;
import dev.cellshell.organelles.network.NetworkManagerReader;
import dev.cellshell.organelles.network.NetworkSource;
import dev.cellshell.organelles.notifications.NotificationCenter;
import dev.cellshell.organelles.notifications.NotificationServer;
import dev.cellshell.organelles.power.PowerSource;
import dev.cellshell.organelles.power.UPowerReader;
import dev.cellshell.organelles.tray.SniTray;
import dev.cellshell.organelles.tray.TrayDesk;
import dev.cellshell.organelles.windows.EwmhWindows;
import dev.cellshell.organelles.windows.WindowDesk;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's organelles, one of each: the notification centre (and its server on the session bus), the installed
 * applications, the windows, power, network, media players and the tray. They connect on a thread of their own after
 * the shell has started (a slow or absent bus never delays the desktop); until then, and for good when what they need
 * is missing, each says it is unavailable. {@link #onChange} hears which service's cells should be drawn again.
 */
public final class Organelles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Organelles.class);

    final NotificationCenter notifications;
    final AppCatalog apps;
    final WindowSource windows;
    final PowerSource power;
    final NetworkSource network;
    final MediaSource media;
    final TrayDesk tray;
    private final NotificationServer server;
    private final ScheduledExecutorService timer;
    private final Runnable connect;
    private final Buses buses;
    private final java.util.concurrent.ExecutorService requests;
    /** The fixed sample organelles: there is no bus, and none is missed. */
    private boolean sample;

    /** The windows organelle may connect later (it needs the display): the current one. */
    static final class WindowSource {
        volatile WindowDesk desk;

        WindowSource(WindowDesk desk) {
            this.desk = desk;
        }
    }

    private Organelles(NotificationCenter notifications, NotificationServer server, AppCatalog apps,
            WindowDesk windows, PowerSource power, NetworkSource network, MediaSource media, TrayDesk tray,
            ScheduledExecutorService timer, Buses buses, Runnable connect) {
        this.notifications = notifications;
        this.server = server;
        this.apps = apps;
        this.windows = new WindowSource(windows);
        this.power = power;
        this.network = network;
        this.media = media;
        this.tray = tray;
        this.timer = timer;
        this.buses = buses;
        this.connect = connect;
        this.requests = Executors.newSingleThreadExecutor(r -> daemon(r, "organelles-requests"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * The organelles of the environment {@code env}: its session and system buses, its XDG folders, its display.
     * With {@code CELLSHELL_ORGANELLES=sample} the fixed sample ones instead (golden images, screenshots), with
     * {@code none} none at all (tests that must not touch the machine's buses).
     */
    public static Organelles ofEnvironment(Map<String, String> env, Path workspaceRoot) {
        String which = env.getOrDefault("CELLSHELL_ORGANELLES", "system");
        if (which.equals("sample")) {
            return sample(env, workspaceRoot);
        }
        if (which.equals("none")) {
            return none();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "notifications"));
        NotificationCenter center = new NotificationCenter(timer, System::currentTimeMillis);
        NotificationServer server = new NotificationServer(center);
        AppCatalog apps = AppCatalog.ofEnvironment(env, new DetachedLauncher(),
                workspaceRoot.resolve("data/.apps-started.properties"));
        UPowerReader power = new UPowerReader();
        NetworkManagerReader network = new NetworkManagerReader();
        MprisReader media = new MprisReader();
        SniTray tray = new SniTray(IconTheme.ofEnvironment(env, env.get("CELLSHELL_ICON_THEME")));
        Buses buses = new Buses(env.get("DBUS_SESSION_BUS_ADDRESS"), env.get("DBUS_SYSTEM_BUS_ADDRESS"));
        Organelles[] made = new Organelles[1];
        Runnable connect = () -> {
            apps.start();
            made[0].windows.desk = EwmhWindows.connect(env.get("DISPLAY"));
            made[0].windows.desk.changes().listen(made[0].windowsChanged::fire);
            server.start(buses);
            tray.start(buses);
            media.start(buses);
            power.start(buses);
            network.start(buses);
        };
        made[0] = new Organelles(center, server, apps, new SampleOrganelles.NoWindows("not connected yet"), power,
                network, media, tray, timer, buses, connect);
        return made[0];
    }

    /** Fixed organelles with sample data: nothing of the machine is read (golden images, screenshots, tests). */
    public static Organelles sample(Map<String, String> env, Path workspaceRoot) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "notifications"));
        NotificationCenter center = new NotificationCenter(timer, () -> SampleOrganelles.NOW);
        AppCatalog apps = SampleOrganelles.apps(workspaceRoot);
        Organelles made = new Organelles(center, new NotificationServer(center), apps, new SampleOrganelles.Windows(),
                new SampleOrganelles.Power(), new SampleOrganelles.Network(), new SampleOrganelles.Media(),
                new SampleOrganelles.Tray(), timer, new Buses(null, null), () -> {
                    apps.scan();
                    SampleOrganelles.notify(center);
                });
        made.sample = true;
        return made;
    }

    /** Nothing at all: every service unavailable (unit tests of the tissue). */
    public static Organelles none() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "notifications"));
        NotificationCenter center = new NotificationCenter(timer, System::currentTimeMillis);
        return new Organelles(center, new NotificationServer(center), new AppCatalog(java.util.List.of(),
                java.util.Locale.ROOT, new IconTheme("hicolor", java.util.List.of(), java.util.List.of()),
                (argv, dir) -> {
                    throw new java.io.IOException("no launcher");
                }, null), new SampleOrganelles.NoWindows("no windows here"), new SampleOrganelles.NoPower(),
                new SampleOrganelles.NoNetwork(), new SampleOrganelles.NoMedia(), new SampleOrganelles.NoTray(),
                timer, new Buses(null, null), () -> { });
    }

    private final Changes windowsChanged = new Changes("windows");

    /** Tells {@code redraw} the simple name of the service whose cells should be drawn again. */
    public void onChange(java.util.function.Consumer<String> redraw) {
        notifications.changes().listen(() -> redraw.accept("Notifications"));
        apps.changes().listen(() -> redraw.accept("Apps"));
        windowsChanged.listen(() -> redraw.accept("Windows"));
        windows.desk.changes().listen(windowsChanged::fire); // the sample ones; a connected desk is heard the same
        power.changes().listen(() -> redraw.accept("Power"));
        network.changes().listen(() -> redraw.accept("Network"));
        media.changes().listen(() -> redraw.accept("Media"));
        tray.changes().listen(() -> redraw.accept("Tray"));
    }

    /** Connects everything on a thread of its own; {@code then} runs after. */
    public void start(Runnable then) {
        Thread thread = daemon(() -> {
            long started = System.nanoTime();
            try {
                connect.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("the organelles did not all start: {}", e.toString());
            }
            LOG.info("organelles up in {} ms: notifications {}, apps {} ({} ms to read), windows {}, power {}, "
                            + "network {}, media {}, tray {}", (System.nanoTime() - started) / 1_000_000,
                    said(server.unavailable()), apps.all().size(), apps.loadNanos() / 1_000_000,
                    said(windows.desk.unavailable()), said(power.status().unavailable()),
                    said(network.status().unavailable()), said(media.unavailable()), said(tray.unavailable()));
            then.run();
        }, "organelles-start");
        thread.start();
    }

    private static String said(String unavailable) {
        return unavailable.isEmpty() ? "ok" : "unavailable (" + unavailable + ")";
    }

    /** Why each service is unavailable, by simple name; empty when it works. */
    public Map<String, String> status() {
        Map<String, String> status = new java.util.TreeMap<>();
        status.put("Notifications", sample ? "" : server.unavailable());
        status.put("Apps", apps.unavailable());
        status.put("Windows", windows.desk.unavailable());
        status.put("Power", power.status().unavailable());
        status.put("Network", network.status().unavailable());
        status.put("Media", media.unavailable());
        status.put("Tray", tray.unavailable());
        return status;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    public AppCatalog apps() {
        return apps;
    }

    public WindowDesk windows() {
        return windows.desk;
    }

    public MediaSource media() {
        return media;
    }

    /** Runs {@code request} on the organelles' own thread (what a cell asked for, never waited for). */
    public void later(Runnable request) {
        requests.execute(() -> {
            try {
                request.run();
            } catch (RuntimeException e) {
                LOG.warn("a request to an organelle failed: {}", e.toString());
            }
        });
    }

    /** The services a cell declared, made for it; {@code pictures} turns icon bytes into pictures. */
    public dev.cellshell.widgets.Service service(String cellId, Class<?> type, Pictures pictures) {
        return OrganelleServices.forCell(this, cellId, type, pictures);
    }

    /** Turns an image (PNG, JPEG, SVG) into a picture the compositor is sent. */
    public interface Pictures {
        /** @throws IllegalArgumentException when the bytes are not an image */
        dev.cellshell.widgets.Picture of(String name, byte[] bytes);

        /** The image in {@code file}, read again only when it changed. @throws IllegalArgumentException as above */
        dev.cellshell.widgets.Picture ofFile(String name, java.nio.file.Path file);
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {apps, windows.desk, power, network, media, tray, buses}) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", part, e.toString());
            }
        }
        timer.shutdownNow();
        requests.shutdownNow();
    }

    /** Tells the person {@code text} from a cell: a notification like an application's. */
    public void notice(String cellId, String text) {
        notifications.notify("cell " + cellId, 0, text, "", java.util.List.of(), 1, -1, false);
    }
}
