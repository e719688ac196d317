package dev.cellshell.tests;

import static dev.cellshell.tests.DesktopSurfacesEndToEndTest.await;
import static dev.cellshell.tests.DesktopSurfacesEndToEndTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellshell.organelles.bus.PrivateBus;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organelles for real, through the shell a person runs: libnotify's {@code notify-send} on a private session bus
 * pops up on the desktop and hears the action clicked; a desktop entry in a temporary {@code XDG_DATA_DIRS} starts a
 * real X client that outlives the shell; and under Xvfb with openbox, real xterms in the taskbar are activated,
 * moved to another workspace and closed by real clicks, while plain language switches the workspace.
 */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a hung bus or program fails, never stalls the build
class OrganellesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> environment(Path dir, PrivateBus bus, String display) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TZ", "UTC");
        env.put("CELLSHELL_ORGANELLES", "system");
        env.put("XDG_DATA_DIRS", Files.createDirectories(dir.resolve("data")).toString());
        env.put("XDG_DATA_HOME", Files.createDirectories(dir.resolve("home-data")).toString());
        if (bus != null) {
            env.put("DBUS_SESSION_BUS_ADDRESS", bus.address());
            env.put("DBUS_SYSTEM_BUS_ADDRESS", bus.address()); // no UPower or NetworkManager on it: "not running"
        }
        if (display != null) {
            env.put("DISPLAY", display);
        }
        return env;
    }

    private static void clear(RunningShell shell) throws Exception {
        for (String line : shell.cli("ls", "--json").out().split("\n")) {
            if (!line.isBlank()) {
                assertThat(shell.cli("rm", JSON.readTree(line).get("id").asText()).exit()).isZero();
            }
        }
    }

    @Test
    void libnotifysNotificationPopsUpAndTheClickedActionGoesBack(@TempDir Path dir) throws Exception {
        try (PrivateBus bus = PrivateBus.start();
                RunningShell shell = RunningShell.start(dir.resolve("ws"), environment(dir, bus, null), "--headless")) {
            clear(shell);
            assertThat(shell.cli("spawn", "NotificationPopups", "--id", "popups", "--at", "top-right").exit()).isZero();
            assertThat(shell.cli("spawn", "NotificationHistory", "--id", "history", "--at", "top-left").exit())
                    .isZero();
            assertThat(shell.cli("spawn", "Battery", "--id", "battery", "--at", "bottom-left").exit()).isZero();
            BufferedImage empty = OrganelleCellsGoldenTest.cell(shell, dir, "popups");
            // cell show says which services a cell uses and why one does not work
            awaitTrue("cell show names the services", () -> shell.cli("show", "history").out()
                    .contains("services Notifications (ok)"));
            assertThat(shell.cli("show", "battery").out()).contains("services Power (unavailable: UPower is not "
                    + "running (nobody has org.freedesktop.UPower on the system bus))");
            awaitTrue("CellShell owns org.freedesktop.Notifications", () -> run(bus, "gdbus", "call", "--session",
                    "--dest", "org.freedesktop.Notifications", "--object-path", "/org/freedesktop/Notifications",
                    "--method", "org.freedesktop.Notifications.GetServerInformation").contains("CellShell"));

            ProcessBuilder builder = new ProcessBuilder("stdbuf", "-oL", "notify-send", "-p", "-t", "0", "-a", "Builds", "-A", "default=Open",
                    "Build finished", "1,024 tests passed in <b>2 min</b>").redirectErrorStream(true);
            builder.environment().put("DBUS_SESSION_BUS_ADDRESS", bus.address());
            Process send = builder.start();
            java.util.concurrent.BlockingQueue<String> printed = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(send.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        printed.add(line);
                    }
                } catch (java.io.IOException e) {
                    printed.add("(read failed: " + e + ")");
                }
            });
            reader.setDaemon(true);
            reader.start();
            try {
                assertThat(printed.poll(30, TimeUnit.SECONDS)).as("notify-send's id").matches("\\d+");

                BufferedImage popup = await("the popup on the desktop", () -> {
                    BufferedImage now = OrganelleCellsGoldenTest.cell(shell, dir, "popups");
                    if (!OrganelleCellsGoldenTest.differs(empty, now)) {
                        throw new AssertionError("not drawn yet");
                    }
                    return now;
                });
                GoldenImages.assertMatches(popup, "notify-send-popup");

            JsonNode bounds = JSON.readTree(shell.cli("show", "popups", "--json").out()).get("bounds");
            int[] desk = FreshSpawnGoldenTest.origin(shell, "desktop");
            String x = Integer.toString(desk[0] + bounds.get(0).asInt() + 60);
            String y = Integer.toString(desk[1] + bounds.get(1).asInt() + 40);
                assertThat(shell.cli("click", x, y).out()).contains("clicked popups");
                assertThat(printed.poll(30, TimeUnit.SECONDS)).as("libnotify heard the action").isEqualTo("default");
                assertThat(send.waitFor(10, TimeUnit.SECONDS)).isTrue();
                await("the popup gone", () -> {
                    if (OrganelleCellsGoldenTest.differs(empty, OrganelleCellsGoldenTest.cell(shell, dir, "popups"))) {
                        throw new AssertionError("still shown");
                    }
                    return true;
                });
                GoldenImages.assertMatches(OrganelleCellsGoldenTest.cell(shell, dir, "history"), "notify-send-history");
            } finally {
                send.destroyForcibly();
            }
        }
    }

    private static String run(PrivateBus bus, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", bus.address());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void anApplicationStartedFromPlainLanguageOutlivesTheShell(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("eyes.pid");
        Path script = dir.resolve("eyes");
        Files.writeString(script, "#!/bin/sh\necho $$ > " + pid + ".tmp\nmv " + pid + ".tmp " + pid
                + "\nexec xeyes -geometry 120x80+300+300\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (XServer x = XServer.xvfb(1280, 800)) {
            Map<String, String> env = environment(dir, null, x.display());
            Files.createDirectories(dir.resolve("data/applications"));
            Files.writeString(dir.resolve("data/applications/org.example.Eyes.desktop"), "[Desktop Entry]\n"
                    + "Type=Application\nName=Eyes\nName[de]=Augen\nComment=Eyes that follow the pointer\n"
                    + "Exec=" + script + " %U\nCategories=Amusement;\n");
            long shellPid;
            try (RunningShell shell = RunningShell.start(dir.resolve("ws"), env, "--no-workbench")) {
                shellPid = Long.parseLong(shell.cli("status").out().replaceFirst("(?s)^shell pid (\\d+).*", "$1"));
                RunningShell.Result dry = shell.cli("ask", "--dry-run", "open eyes");
                assertThat(dry.out()).as(dry.err()).contains("would do: Started Eyes");
                RunningShell.Result asked = shell.cli("ask", "open eyes");
                assertThat(asked.exit()).as(asked.err()).isZero();
                assertThat(asked.out()).contains("Started Eyes");
                awaitTrue("the program wrote its pid", () -> Files.exists(pid));
                awaitTrue("xeyes is on the screen", () -> x.output("xwininfo", "-root", "-tree").contains("xeyes"));
                RunningShell.Result missing = shell.cli("ask", "launch photoshop");
                assertThat(missing.exit()).isNotZero();
                assertThat(missing.err()).contains("no installed application is called \"photoshop\"");
            }
            long program = Long.parseLong(Files.readString(pid).trim());
            ProcessHandle eyes = ProcessHandle.of(program).orElseThrow(() -> new AssertionError("xeyes died with "
                    + "the shell"));
            try {
                assertThat(eyes.isAlive()).isTrue();
                assertThat(eyes.parent().map(ProcessHandle::pid).orElse(-1L)).isNotEqualTo(shellPid);
                assertThat(x.output("xwininfo", "-root", "-tree")).as("its window outlived the shell").contains("xeyes");
            } finally {
                eyes.destroy();
            }
        }
    }

    @Test
    void theTaskbarListsRealWindowsAndClicksActivateMoveAndCloseThem(@TempDir Path dir) throws Exception {
        try (XServer x = XServer.xvfb(1280, 800);
                RunningShell shell = RunningShell.start(dir.resolve("ws"), environment(dir, null, x.display()),
                        "--no-workbench")) {
            clear(shell);
            x.spawn("xterm", "-T", "alpha", "-geometry", "40x10+100+100", "-e", "sleep", "600");
            awaitTrue("openbox manages alpha", () -> x.output("wmctrl", "-l").contains("alpha"));
            x.spawn("xterm", "-T", "beta", "-geometry", "40x10+500+100", "-e", "sleep", "600");
            awaitTrue("openbox manages beta", () -> x.output("wmctrl", "-l").contains("beta"));
            String alpha = x.window("alpha");
            String beta = x.window("beta");
            assertThat(shell.cli("spawn", "Taskbar", "--id", "taskbar", "--at", "bottom").exit()).isZero();
            JsonNode bounds = JSON.readTree(shell.cli("show", "taskbar", "--json").out()).get("bounds");
            int[] desk = FreshSpawnGoldenTest.origin(shell, "desktop");
            // Two windows: buttons of min(220, …) from 4 px in, 4 apart; click the middle of the first and second.
            int y = desk[1] + bounds.get(1).asInt() + bounds.get(3).asInt() / 2;
            int first = desk[0] + bounds.get(0).asInt() + 4 + 110;
            int second = desk[0] + bounds.get(0).asInt() + 4 + 220 + 4 + 110;

            awaitTrue("a click on alpha's button makes it the active window", () -> {
                x.output("xdotool", "mousemove", Integer.toString(first), Integer.toString(y), "click", "1");
                return x.output("xprop", "-root", "_NET_ACTIVE_WINDOW").contains(Long.toHexString(
                        Long.decode(alpha)));
            });
            awaitTrue("a click on beta's button makes it active", () -> {
                x.output("xdotool", "mousemove", Integer.toString(second), Integer.toString(y), "click", "1");
                return x.output("xprop", "-root", "_NET_ACTIVE_WINDOW").contains(Long.toHexString(Long.decode(beta)));
            });

            // A right click moves it to the next workspace (openbox has four).
            x.output("xdotool", "mousemove", Integer.toString(second), Integer.toString(y), "click", "3");
            awaitTrue("beta is on workspace 2", () -> x.output("wmctrl", "-l").lines()
                    .anyMatch(l -> l.contains("beta") && l.split("\\s+")[1].equals("1")));

            RunningShell.Result asked = shell.cli("ask", "switch to workspace 2");
            assertThat(asked.exit()).as(asked.err()).isZero();
            awaitTrue("openbox shows workspace 2", () -> x.output("wmctrl", "-d").lines()
                    .anyMatch(l -> l.startsWith("1 ") && l.contains(" * ")));

            // A middle click closes it, politely (WM_DELETE_WINDOW): xterm exits.
            x.output("xdotool", "mousemove", Integer.toString(second), Integer.toString(y), "click", "2");
            awaitTrue("beta closed", () -> !x.output("wmctrl", "-l").contains("beta"));
            assertThat(x.output("wmctrl", "-l")).contains("alpha");
        }
    }
}
