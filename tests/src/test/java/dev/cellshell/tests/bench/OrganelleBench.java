package dev.cellshell.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.organelles.apps.AppCatalog;
import dev.cellshell.organelles.apps.IconTheme;
import dev.cellshell.organelles.bus.PrivateBus;
import dev.cellshell.organelles.notifications.FdoNotifications;
import dev.cellshell.tests.XServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;

/**
 * {@code ./cell organellebench [SAMPLES]}: what the organelles cost, as JSON. A notification sent over a private
 * session bus (dbus-java, as an application would) until its popup's pixels change on a private Xvfb + openbox
 * (XGetImage); the application list of 500 desktop entries read (first and median); and the memory of every process
 * of the desktop with the organelles against the same desktop without them.
 */
public final class OrganelleBench {

    private static final Path ROOT = Path.of(System.getProperty("cellshell.root", ".")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("organellebench");
        Path apps = writeEntries(dir.resolve("data"), 500);
        String appList = appList(apps);
        try (PrivateBus bus = PrivateBus.start(); XServer x = XServer.xvfb(1600, 900);
                TerminalBench.Probe probe = new TerminalBench.Probe(x.display())) {
            long[] without = desktopPss(dir.resolve("none"), x, bus, "none");
            long[] with = desktopPss(dir.resolve("system"), x, bus, "system");
            String popups = notifyToPixel(dir.resolve("popups"), x, bus, probe, samples);
            System.out.println(String.format(Locale.ROOT, "{\"apps_500_entries\": %s, \"notify_to_popup\": %s, "
                    + "\"desktop_pss_mb_without_organelles\": %.1f, \"desktop_pss_mb_with_organelles\": %.1f, "
                    + "\"shell_pss_mb_without\": %.1f, \"shell_pss_mb_with\": %.1f}", appList, popups,
                    without[0] / 1024.0, with[0] / 1024.0, without[1] / 1024.0, with[1] / 1024.0));
        }
    }

    /** {@code n} desktop entries like a distribution's, each with a localised name, keywords and categories. */
    static Path writeEntries(Path data, int n) throws IOException {
        Path folder = Files.createDirectories(data.resolve("applications"));
        for (int i = 0; i < n; i++) {
            Files.writeString(folder.resolve("org.example.App" + i + ".desktop"), "[Desktop Entry]\nType=Application\n"
                    + "Name=Application " + i + "\nName[de]=Anwendung " + i + "\nName[fr]=Application " + i
                    + "\nGenericName=Tool number " + i + "\nComment=Does thing " + i + " for you\n"
                    + "Keywords=tool;thing;number" + i + ";\nIcon=app" + i + "\nExec=app" + i + " %U\n"
                    + "Categories=Utility;Development;\nTerminal=false\n" + "[Desktop Action New]\nName=New\nExec=app"
                    + i + " --new\n");
        }
        return data;
    }

    private static String appList(Path data) {
        List<Double> times = new ArrayList<>();
        double first = 0;
        for (int run = 0; run < 21; run++) {
            AppCatalog catalog = new AppCatalog(List.of(data.resolve("applications")), Locale.GERMAN,
                    new IconTheme("hicolor", List.of(), List.of()), (argv, wd) -> { }, null);
            catalog.scan();
            if (catalog.all().size() != 500) {
                throw new IllegalStateException("read " + catalog.all().size() + " of 500 entries");
            }
            double ms = catalog.loadNanos() / 1e6;
            if (run == 0) {
                first = ms;
            } else {
                times.add(ms);
            }
        }
        return String.format(Locale.ROOT, "{\"first_ms\": %.1f, \"warm_ms\": %s}", first, TerminalBench.stats(times));
    }

    private static Process shell(Path workspace, XServer x, PrivateBus bus, String organelles) throws IOException {
        Files.createDirectories(workspace);
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("cell").toString(), "run", "--no-workbench",
                "--workspace", workspace.toString()).redirectErrorStream(true)
                .redirectOutput(workspace.resolveSibling(workspace.getFileName() + ".log").toFile());
        builder.environment().put("DISPLAY", x.display());
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", bus.address());
        builder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", bus.address());
        builder.environment().put("CELLSHELL_ORGANELLES", organelles);
        return builder.start();
    }

    private static void awaitUp(Path workspace, Process shell) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                if (((ControlMessage.StatusReply) TerminalBench.call(workspace, new ControlMessage.StatusRequest()))
                        .presentedScene() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // no control socket yet
            }
            if (System.nanoTime() > deadline || !shell.isAlive()) {
                throw new IllegalStateException("the desktop did not start");
            }
            Thread.sleep(50);
        }
    }

    /** {all the desktop's processes, the shell alone} PSS in KB, 10 s after start. */
    private static long[] desktopPss(Path workspace, XServer x, PrivateBus bus, String organelles) throws Exception {
        Process shell = shell(workspace, x, bus, organelles);
        try {
            awaitUp(workspace, shell);
            Thread.sleep(10_000);
            return new long[] {TerminalBench.pss(TerminalBench.family(shell.toHandle())),
                TerminalBench.pss(new long[] {javaShell(shell)})};
        } finally {
            stop(shell);
        }
    }

    /** The shell's JVM: the launcher script execs it, so it is the process itself or its one java child. */
    private static long javaShell(Process shell) {
        return shell.toHandle().info().command().orElse("").endsWith("java") ? shell.pid()
                : shell.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(shell.pid());
    }

    private static void stop(Process shell) throws InterruptedException {
        shell.destroy();
        if (!shell.waitFor(30, TimeUnit.SECONDS)) {
            shell.destroyForcibly();
        }
    }

    private static String notifyToPixel(Path workspace, XServer x, PrivateBus bus, TerminalBench.Probe probe,
            int samples) throws Exception {
        Process shell = shell(workspace, x, bus, "system");
        try (DBusConnection client = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build()) {
            awaitUp(workspace, shell);
            FdoNotifications server = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server == null) {
                try {
                    FdoNotifications remote = client.getRemoteObject(FdoNotifications.NAME, FdoNotifications.PATH,
                            FdoNotifications.class);
                    remote.GetServerInformation();
                    server = remote;
                } catch (RuntimeException | org.freedesktop.dbus.exceptions.DBusException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no notification server on the bus");
                    }
                    Thread.sleep(100);
                }
            }
            int[] rect = popupsOnScreen(workspace);
            int[] top = {rect[0] + 4, rect[1] + 4, rect[2] - 8, 60}; // where the newest card's first lines are
            byte[] empty = probe.pixels(top[0], top[1], top[2], top[3]);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < samples + 3; i++) {
                long sent = System.nanoTime();
                int id = server.Notify("bench", new UInt32(0), "", "Sample " + i, "a body", List.of(), Map.of(), 0)
                        .intValue();
                double ms = Double.NaN;
                while (System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(3)) {
                    if (!Arrays.equals(empty, probe.pixels(top[0], top[1], top[2], top[3]))) {
                        ms = (System.nanoTime() - sent) / 1e6;
                        break;
                    }
                }
                if (i >= 3) { // the first ones pay for warming up
                    times.add(ms);
                }
                server.CloseNotification(new UInt32(id));
                long closed = System.nanoTime();
                while (!Arrays.equals(empty, probe.pixels(top[0], top[1], top[2], top[3]))
                        && System.nanoTime() - closed < TimeUnit.SECONDS.toNanos(3)) {
                    Thread.sleep(5);
                }
                Thread.sleep(100);
            }
            return TerminalBench.stats(times);
        } finally {
            stop(shell);
        }
    }

    /** The popups cell on the screen: its overlay covers the primary monitor from its corner. */
    private static int[] popupsOnScreen(Path workspace) throws Exception {
        int ox = 0;
        int oy = 0;
        for (String line : TerminalBench.cli(workspace, "surfaces", "--json").split("\n")) {
            JsonNode s = line.isBlank() ? null : JSON.readTree(line);
            if (s != null && s.path("surface").asText().equals("popups")) {
                String[] parts = s.get("bounds").asText().split("[x+]");
                ox = Integer.parseInt(parts[2]);
                oy = Integer.parseInt(parts[3]);
            }
        }
        JsonNode bounds = JSON.readTree(TerminalBench.cli(workspace, "show", "popups", "--json")).get("bounds");
        return new int[] {ox + bounds.get(0).asInt(), oy + bounds.get(1).asInt(), bounds.get(2).asInt(),
            bounds.get(3).asInt()};
    }
}
