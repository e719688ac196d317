package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CellShell as the desktop under a real X server and a real EWMH window manager (openbox): the desktop surface is a
 * DESKTOP window that stays below a real X client after clicks, the panel is a DOCK whose strut makes openbox shrink
 * the work area so a maximised xterm stops at it, and killing the compositor brings every surface back.
 */
class DesktopSurfacesEndToEndTest {

    static final String TISSUE = """
            {
              "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430", "theme" : "dark" },
              "surfaces" : [
                { "name" : "desktop", "role" : "desktop" },
                { "name" : "bar", "role" : "panel", "edge" : "top", "size" : 40 },
                { "name" : "toasts", "role" : "overlay" }
              ],
              "cells" : [
                { "id" : "clock", "type" : "Clock", "surface" : "bar", "at" : "right", "margin" : 8,
                  "size" : [ 220, 32 ] },
                { "id" : "desks", "type" : "WorkspaceSwitcher", "surface" : "bar", "at" : "left", "margin" : 200,
                  "size" : [ 200, 32 ] },
                { "id" : "label", "type" : "Label", "at" : "top-left", "margin" : 40, "size" : [ 440, 96 ],
                  "props" : { "text" : "Hello, desktop" } },
                { "id" : "button", "type" : "Button", "at" : "bottom-left", "margin" : 40, "size" : [ 200, 64 ] },
                { "id" : "toast", "type" : "Label", "surface" : "toasts", "at" : "bottom-right", "margin" : 24,
                  "size" : [ 360, 64 ], "props" : { "text" : "Above every window" } }
              ]
            }
            """;

    @Test
    void theDesktopStaysBelowWindowsAndThePanelReservesItsEdge(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("workspace");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("tissue.json"), TISSUE);
        try (XServer x = XServer.xvfb(1600, 900);
                RunningShell shell = RunningShell.start(workspace, Map.of("DISPLAY", x.display(), "TZ", "UTC"),
                        "--no-workbench")) {
            String desktop = await("the desktop window", () -> x.window("CellShell desktop"));
            String bar = await("the panel window", () -> x.window("CellShell bar"));
            assertThat(x.run("xprop", "-id", desktop, "_NET_WM_WINDOW_TYPE", "_NET_WM_STATE"))
                    .contains("_NET_WM_WINDOW_TYPE_DESKTOP").contains("_NET_WM_STATE_BELOW")
                    .contains("_NET_WM_STATE_SKIP_TASKBAR");
            assertThat(x.run("xprop", "-id", bar, "_NET_WM_WINDOW_TYPE", "_NET_WM_STRUT_PARTIAL"))
                    .contains("_NET_WM_WINDOW_TYPE_DOCK")
                    .contains("_NET_WM_STRUT_PARTIAL(CARDINAL) = 0, 0, 40, 0, 0, 0, 0, 0, 0, 1599, 0, 0");
            awaitTrue("openbox's work area leaves the panel out", () -> x.output("xprop", "-root", "_NET_WORKAREA")
                    .contains("= 0, 40, 1600, 860"));
            assertThat(geometry(x, desktop)).as("the desktop fills what the panel leaves").containsExactly(0, 40,
                    1600, 860);
            assertThat(geometry(x, bar)).containsExactly(0, 0, 1600, 40);

            // A real X client, maximised, stops at the panel.
            x.spawn("xterm", "-title", "probe-term", "-geometry", "80x24+300+300");
            String term = await("xterm maps", () -> x.window("probe-term"));
            // wmctrl finds windows in the window manager's client list, which openbox fills a moment after the map.
            awaitTrue("openbox manages the xterm", () -> x.output("wmctrl", "-l").contains("probe-term"));
            x.run("wmctrl", "-r", "probe-term", "-b", "add,maximized_vert,maximized_horz");
            awaitTrue("the maximised xterm stops at the panel", () -> {
                int[] g = geometry(x, term);
                return g[3] > 700 && g[1] >= 40 && g[1] + g[3] <= 900;
            });

            // The overlay is above the maximised xterm where its toast is, and not there anywhere else: a click beside
            // the toast reaches the xterm.
            String overlay = x.window("CellShell toasts");
            assertThat(x.run("xprop", "-id", overlay, "_NET_WM_WINDOW_TYPE", "_NET_WM_STATE"))
                    .contains("_NET_WM_WINDOW_TYPE_NOTIFICATION").contains("_NET_WM_STATE_ABOVE");
            Path root = dir.resolve("root.png");
            x.run("import", "-window", "root", root.toString());
            java.awt.image.BufferedImage onScreen = GoldenImages.decode(Files.readAllBytes(root));
            assertThat(onScreen.getRGB(1600 - 24 - 180, 900 - 24 - 8) & 0xFFFFFF).as("the toast's card over the xterm")
                    .isEqualTo(0x2E3440);
            x.run("wmctrl", "-i", "-a", desktop);
            awaitTrue("the desktop has the focus first", () -> x.output("xprop", "-root", "_NET_ACTIVE_WINDOW")
                    .contains(desktop));
            x.run("xdotool", "mousemove", "800", "450", "click", "1");
            awaitTrue("a click beside the toast reaches the xterm", () -> x.output("xprop", "-root",
                    "_NET_ACTIVE_WINDOW").contains(term.replaceFirst("^0x0*", "0x")));

            // The window manager's workspaces on the panel: a click on the third switches openbox to it, and a switch
            // made elsewhere lights the fourth. (The pills: 200 + 4 + i × 49 wide, on the 40-unit bar.)
            x.run("xdotool", "mousemove", Integer.toString(200 + 4 + 2 * 49 + 24), "20", "click", "1");
            awaitTrue("openbox shows workspace 3", () -> x.output("wmctrl", "-d").lines()
                    .anyMatch(l -> l.startsWith("2  *")));
            x.run("wmctrl", "-s", "3");
            awaitTrue("the switcher lights workspace 4", () -> {
                Path lit = dir.resolve("lit.png");
                x.run("import", "-window", "root", "-crop", "400x40+0+0", lit.toString());
                java.awt.image.BufferedImage strip = GoldenImages.decode(Files.readAllBytes(lit));
                return (strip.getRGB(200 + 4 + 3 * 49 + 6, 20) & 0xFFFFFF) == 0x5E81AC
                        && (strip.getRGB(200 + 4 + 2 * 49 + 6, 20) & 0xFFFFFF) != 0x5E81AC;
            });
            x.run("wmctrl", "-s", "0");

            // Clicking the desktop does not raise it above the xterm.
            x.run("xdotool", "mousemove", "1500", "600", "click", "1");
            x.run("xdotool", "mousemove", "700", "500", "click", "1");
            String stacking = x.run("xprop", "-root", "_NET_CLIENT_LIST_STACKING");
            assertThat(ids(stacking)[0]).as("bottom of the stacking order").isEqualTo(Long.decode(desktop));

            // The CLI knows the surfaces; the cells are where their surfaces put them.
            assertThat(shell.cli("surfaces").out()).contains("desktop      desktop  on")
                    .contains("bar          panel    on").contains("1600x40+0+0").contains("reserves 40 at the top");
            assertThat(shell.cli("spawn", "Label", "--on-surface", "dock").err())
                    .contains("no surface 'dock' (surfaces: desktop, bar, toasts)");
            RunningShell.Result spawned = shell.cli("spawn", "Label", "--on-surface", "bar", "--size", "160x32",
                    "--at", "left", "--margin", "8", "--prop", "text=On the bar");
            assertThat(spawned.exit()).as(spawned.err()).isZero();

            // The whole screen as the surfaces show it, kept for a person to look at and compared with its golden.
            Path shot = dir.resolve("desktop.png");
            assertThat(shell.cli("shot", shot.toString()).exit()).isZero();
            Files.createDirectories(Path.of("target/screens"));
            Files.copy(shot, Path.of("target/screens/desktop-surfaces.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.awt.image.BufferedImage screen = GoldenImages.decode(Files.readAllBytes(shot));
            assertThat(screen.getWidth() + "x" + screen.getHeight()).isEqualTo("1600x900");
            // What `auto` draws with decides the golden: the GPU path's (Vulkan and OpenGL draw the same pixels), or
            // Skia's CPU raster where there is no GPU (it anti-aliases curved edges a little differently).
            GoldenImages.assertMatches(screen, shell.status().renderer().startsWith("Skia CPU raster")
                    ? "desktop-surfaces-cpu" : "desktop-surfaces");

            // The compositor dies: every surface comes back, typed again.
            long before = shell.compositor().orElseThrow().pid();
            shell.compositor().orElseThrow().destroyForcibly();
            awaitTrue("a new compositor", () -> shell.compositor().map(p -> p.pid() != before).orElse(false));
            awaitTrue("the panel is back as a dock", () -> x.output("xprop", "-name", "CellShell bar",
                    "_NET_WM_WINDOW_TYPE").contains("_NET_WM_WINDOW_TYPE_DOCK"));
            awaitTrue("the desktop is back", () -> x.output("xprop", "-name", "CellShell desktop",
                    "_NET_WM_WINDOW_TYPE").contains("_NET_WM_WINDOW_TYPE_DESKTOP"));
            awaitTrue("the restored desktop draws what it drew", () -> {
                Path again = dir.resolve("again.png");
                return shell.cli("shot", again.toString()).exit() == 0 && GoldenImages.differingPixels(
                        GoldenImages.decode(Files.readAllBytes(again)), screen) == 0;
            });

            // Surfaces are edited live like everything else: a taller panel in tissue.json moves the work area.
            Path tissue = workspace.resolve("tissue.json");
            Files.writeString(tissue, Files.readString(tissue).replace("\"size\" : 40", "\"size\" : 56"));
            awaitTrue("the panel is 56 tall and reserves it", () -> x.output("xprop", "-root", "_NET_WORKAREA")
                    .contains("= 0, 56, 1600, 844"));
            assertThat(geometry(x, x.window("CellShell bar"))).containsExactly(0, 0, 1600, 56);
            assertThat(shell.cli("log", "-n", "1").out()).contains("surfaces");
            // (A text the tissue itself wrote in the last 5 s is taken for its own write, so the next edit is new.)
            Files.writeString(tissue, Files.readString(tissue).replace("\"size\" : 56", "\"size\" : 48"));
            awaitTrue("and again", () -> x.output("xprop", "-root", "_NET_WORKAREA").contains("= 0, 48, 1600, 852"));

        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gl", "vulkan"})
    void onAHiDpiMonitorEverySurfaceIsDrawnAtItsScale(String renderer, @TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("workspace");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("tissue.json"), TISSUE);
        try (XServer x = XServer.xvfb(1600, 900)) {
            // GLFW takes an X11 monitor's content scale from Xft.dpi: 192 dpi is a scale of 2.
            x.feed("Xft.dpi: 192\n", "xrdb", "-merge");
            try (RunningShell shell = RunningShell.start(workspace, Map.of("DISPLAY", x.display(), "TZ", "UTC"),
                    "--no-workbench", "--renderer", renderer)) {
                assertThat(shell.status().renderer()).startsWith(renderer.equals("gl") ? "OpenGL " : "Vulkan ");
                awaitTrue("the monitor reports scale 2", () -> shell.cli("surfaces").out().contains("scale 2.0"));
                awaitTrue("the panel is 40 units = 80 pixels tall and reserves them", () -> x.output("xprop",
                        "-root", "_NET_WORKAREA").contains("= 0, 80, 1600, 820"));
                assertThat(shell.cli("show", "label").out()).as("laid out in units").contains("bounds   40,40 440x96");
                Path shot = dir.resolve("hidpi.png");
                awaitTrue("a frame", () -> shell.cli("shot", shot.toString()).exit() == 0);
                java.awt.image.BufferedImage screen = GoldenImages.decode(Files.readAllBytes(shot));
                int card = 0x2E3440;
                int background = 0x1E2430;
                // The label's card spans 80..960 × 80+80..80+272 pixels: twice its units.
                assertThat(screen.getRGB(80 + 30, 80 + 80 + 30) & 0xFFFFFF).isEqualTo(card);
                assertThat(screen.getRGB(80 + 870, 80 + 80 + 96) & 0xFFFFFF).isEqualTo(card);
                assertThat(screen.getRGB(80 + 890, 80 + 80 + 30) & 0xFFFFFF).isEqualTo(background);
                assertThat(screen.getRGB(80 + 30, 80 + 80 + 200) & 0xFFFFFF).isEqualTo(background);
                Files.createDirectories(Path.of("target/screens"));
                Files.copy(shot, Path.of("target/screens/hidpi-" + renderer + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** x, y, width, height of a client window on the screen (xwininfo; wmctrl -G misreports y). */
    static int[] geometry(XServer x, String window) throws Exception {
        String info = x.run("xwininfo", "-id", window);
        return new int[] {number(info, "Absolute upper-left X"), number(info, "Absolute upper-left Y"),
            number(info, "Width"), number(info, "Height")};
    }

    private static int number(String info, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ":\\s+(-?\\d+)").matcher(info);
        if (!m.find()) {
            throw new AssertionError("no " + label + " in " + info);
        }
        return Integer.parseInt(m.group(1));
    }

    private static long[] ids(String property) {
        return Pattern.compile("0x[0-9a-f]+").matcher(property).results().mapToLong(r -> Long.decode(r.group()))
                .toArray();
    }

    static <T> T await(String what, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                return probe.call();
            } catch (AssertionError | Exception e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never: " + what, last);
    }

    static void awaitTrue(String what, Callable<Boolean> probe) throws Exception {
        await(what, () -> {
            if (!probe.call()) {
                throw new AssertionError(what);
            }
            return true;
        });
    }
}
