package dev.cellshell.tests;

import static dev.cellshell.tests.DesktopSurfacesEndToEndTest.await;
import static dev.cellshell.tests.DesktopSurfacesEndToEndTest.awaitTrue;
import static dev.cellshell.tests.DesktopSurfacesEndToEndTest.geometry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two monitors for real: Xorg's dummy driver with two RandR outputs (GLFW sees one monitor under Xvfb), openbox on
 * it. A surface per monitor, each cell on the monitor its surface names, a panel on both; switching the second
 * monitor off moves its cells to the primary one, switching it on again brings them back.
 */
class TwoMonitorsEndToEndTest {

    private static final String TISSUE = """
            {
              "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430", "theme" : "dark" },
              "surfaces" : [
                { "name" : "desktop", "role" : "desktop" },
                { "name" : "side", "role" : "desktop", "monitor" : "DUMMY1" },
                { "name" : "bar", "role" : "panel", "edge" : "top", "size" : 36, "monitor" : "all" }
              ],
              "cells" : [
                { "id" : "clock", "type" : "Clock", "surface" : "bar", "at" : "right", "margin" : 8,
                  "size" : [ 200, 28 ] },
                { "id" : "label", "type" : "Label", "at" : "top-left", "margin" : 40, "size" : [ 440, 96 ] },
                { "id" : "notes", "type" : "Notes", "surface" : "side", "at" : "center", "size" : [ 300, 220 ] }
              ]
            }
            """;

    @Test
    void eachMonitorGetsItsSurfacesAndAMonitorThatGoesAwayTakesItsCellsToThePrimaryAndBack(@TempDir Path dir)
            throws Exception {
        Path workspace = dir.resolve("workspace");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("tissue.json"), TISSUE);
        try (XServer x = XServer.dummyXorg()) {
            x.run("xrandr", "--output", "DUMMY0", "--mode", "1920x1080", "--pos", "0x0", "--primary");
            x.run("xrandr", "--newmode", "1280x720_test", "74.25", "1280", "1390", "1430", "1650", "720", "725", "730",
                    "750");
            x.run("xrandr", "--addmode", "DUMMY1", "1280x720_test");
            x.run("xrandr", "--output", "DUMMY1", "--mode", "1280x720_test", "--pos", "1920x0");
            assertThat(x.run("xrandr", "--listmonitors")).contains("Monitors: 2");
            try (RunningShell shell = RunningShell.start(workspace, Map.of("DISPLAY", x.display(), "TZ", "UTC"),
                    "--no-workbench")) {
                awaitTrue("a surface on each monitor", () -> shell.cli("surfaces").out().contains("side         "
                        + "desktop  on DUMMY1     1280x684+1920+36"));
                String surfaces = shell.cli("surfaces").out();
                assertThat(surfaces).contains("desktop      desktop  on DUMMY0     1920x1044+0+36")
                        .contains("bar          panel    on DUMMY0     1920x36+0+0")
                        .contains("bar          panel    on DUMMY1     1280x36+1920+0")
                        .contains("monitor DUMMY0     1920x1080+0+0").contains("monitor DUMMY1     1280x720+1920+0");
                String side = await("the side desktop's window", () -> x.window("CellShell side"));
                assertThat(geometry(x, side)).containsExactly(1920, 36, 1280, 684);
                assertThat(shell.cli("show", "notes").out()).contains("bounds   490,232 300x220");

                Path both = dir.resolve("both.png");
                assertThat(shell.cli("shot", both.toString()).exit()).isZero();
                java.awt.image.BufferedImage screen = GoldenImages.decode(Files.readAllBytes(both));
                assertThat(screen.getWidth() + "x" + screen.getHeight()).isEqualTo("3200x1080");
                Files.createDirectories(Path.of("target/screens"));
                Files.copy(both, Path.of("target/screens/two-monitors.png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                // The notes card on the second monitor: its surface colour at its centre, in screen coordinates.
                assertThat(screen.getRGB(1920 + 490 + 150, 36 + 232 + 150) & 0xFFFFFF).isEqualTo(0x2E3440);

                x.run("xrandr", "--output", "DUMMY1", "--off");
                awaitTrue("the second monitor's surface is gone", () -> !shell.cli("surfaces").out()
                        .contains("DUMMY1"));
                awaitTrue("its window closed", () -> !x.output("xwininfo", "-root", "-tree").contains(
                        "CellShell side"));
                assertThat(shell.cli("show", "notes").out()).as("re-pinned at the centre of the primary desktop")
                        .contains("bounds   810,412 300x220");
                Path one = dir.resolve("one.png");
                assertThat(shell.cli("shot", one.toString()).exit()).isZero();
                java.awt.image.BufferedImage primary = GoldenImages.decode(Files.readAllBytes(one));
                assertThat(primary.getWidth()).isEqualTo(1920);
                assertThat(primary.getRGB(810 + 150, 36 + 412 + 150) & 0xFFFFFF).as("notes now on the primary")
                        .isEqualTo(0x2E3440);

                x.run("xrandr", "--output", "DUMMY1", "--mode", "1280x720_test", "--pos", "1920x0");
                awaitTrue("the second monitor's surface is back", () -> shell.cli("surfaces").out()
                        .contains("side         desktop  on DUMMY1"));
                assertThat(shell.cli("show", "notes").out()).contains("bounds   490,232 300x220");
                assertThat(Files.readString(workspace.resolve("tissue.json"))).as("monitors change nothing saved")
                        .contains("\"monitor\" : \"DUMMY1\"");
            }
        }
    }
}
