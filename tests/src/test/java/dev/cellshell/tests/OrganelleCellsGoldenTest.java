package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cells of the system (apps, taskbar, notifications, tray, media, battery, network) against the sample
 * organelles ({@code CELLSHELL_ORGANELLES=sample}: fixed applications, windows, notifications, players, power,
 * network and tray items), each spawned from the CLI at its declared size, golden in the dark and the light theme;
 * and what a click on them does to those organelles.
 */
@org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a hung bus or program fails, never stalls the build
class OrganelleCellsGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TYPES = List.of("AppGrid", "AppDock", "Taskbar", "NotificationPopups", "NotificationHistory",
            "TrayIcons", "NowPlaying", "Battery", "NetworkIndicator");

    @Test
    void everyCellOfTheSystemInBothThemes(@TempDir Path dir) throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("ws"), Map.of("TZ", "UTC", "CELLSHELL_ORGANELLES",
                "sample"), "--headless")) {
            for (String line : shell.cli("ls", "--json").out().split("\n")) {
                if (!line.isBlank()) {
                    assertThat(shell.cli("rm", JSON.readTree(line).get("id").asText()).exit()).isZero();
                }
            }
            for (String theme : List.of("dark", "light")) {
                assertThat(shell.cli("theme", theme).exit()).isZero();
                for (String type : TYPES) {
                    RunningShell.Result spawned = shell.cli("spawn", type, "--at", "top-left");
                    assertThat(spawned.exit()).as(spawned.err()).isZero();
                    String id = spawned.out().replaceFirst("(?s)^spawn ([a-z0-9-]+):.*", "$1");
                    GoldenImages.assertMatches(cell(shell, dir, id), "organelle-" + type + "-" + theme);
                    assertThat(shell.cli("rm", id).exit()).isZero();
                }
            }
        }
    }

    @Test
    void clicksReachTheOrganelles(@TempDir Path dir) throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("ws"), Map.of("TZ", "UTC", "CELLSHELL_ORGANELLES",
                "sample"), "--headless")) {
            // The sample player plays; its play/pause button (the middle one) pauses it.
            assertThat(shell.cli("spawn", "NowPlaying", "--id", "music", "--at", "top-left").exit()).isZero();
            JsonNode bounds = bounds(shell, "music");
            BufferedImage playing = cell(shell, dir, "music");
            int[] desk = FreshSpawnGoldenTest.origin(shell, "desktop");
            // pad 12, artwork as tall as the inner box (72), info from 12 + 72 + 12; the button 32 px in, 24 from the bottom
            int x = desk[0] + bounds.get(0).asInt() + 12 + 72 + 12 + 32 + 12;
            int y = desk[1] + bounds.get(1).asInt() + bounds.get(3).asInt() - 12 - 12;
            assertThat(shell.cli("click", Integer.toString(x), Integer.toString(y)).out()).contains("clicked music");
            BufferedImage paused = changed(shell, dir, "music", playing); // the organelle's change comes as a redraw
            GoldenImages.assertMatches(paused, "organelle-NowPlaying-paused");

            // A notification's close cross dismisses it: the sample has two popups, then one.
            assertThat(shell.cli("spawn", "NotificationPopups", "--id", "popups", "--at", "top-right").exit())
                    .isZero();
            JsonNode popups = bounds(shell, "popups");
            BufferedImage two = cell(shell, dir, "popups");
            int cx = desk[0] + popups.get(0).asInt() + popups.get(2).asInt() - 12 - 9;
            int cy = desk[1] + popups.get(1).asInt() + 12 + 7;
            assertThat(shell.cli("click", Integer.toString(cx), Integer.toString(cy)).out()).contains("clicked popups");
            BufferedImage one = changed(shell, dir, "popups", two);
            GoldenImages.assertMatches(one, "organelle-NotificationPopups-one-dismissed");
        }
    }

    /** The cell once it looks different from {@code before} (at most 10 s). */
    private static BufferedImage changed(RunningShell shell, Path dir, String id, BufferedImage before)
            throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            BufferedImage now = cell(shell, dir, id);
            if (differs(before, now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " did not change after the click; see " + dir.resolve(id + ".png"));
            }
            Thread.sleep(100);
        }
    }

    static boolean differs(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode bounds(RunningShell shell, String id) throws Exception {
        return JSON.readTree(shell.cli("show", id, "--json").out()).get("bounds");
    }

    /** The cell {@code id} as the screen shows it. */
    static BufferedImage cell(RunningShell shell, Path dir, String id) throws Exception {
        JsonNode bounds = bounds(shell, id);
        int[] desk = FreshSpawnGoldenTest.origin(shell, "desktop");
        Path png = dir.resolve(id + ".png");
        assertThat(shell.cli("shot", png.toString()).exit()).isZero();
        BufferedImage screen = GoldenImages.decode(Files.readAllBytes(png));
        return screen.getSubimage(desk[0] + bounds.get(0).asInt(), desk[1] + bounds.get(1).asInt(),
                bounds.get(2).asInt(), bounds.get(3).asInt());
    }
}
