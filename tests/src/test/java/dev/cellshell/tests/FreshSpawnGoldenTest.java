package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does first: on a fresh workspace, spawn every type the catalog lists through the CLI, without a
 * size, and look at it. Each must spawn at the size its type declares and match its golden image (frozen clock and
 * system figures, UTC). A type name in the wrong case still spawns; a misspelt one names the closest type.
 */
class FreshSpawnGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCatalogTypeSpawnsFromTheCliWithoutASizeAndLooksRight(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("fresh");
        // The Terminal runs the login shell $SHELL names: a real sh told a fixed prompt (a person's prompt names them);
        // the cells of the system (apps, windows, notifications, media, power, network, tray) see the sample organelles.
        Map<String, String> environment = new java.util.HashMap<>(TerminalEndToEndTest.plainShell(dir));
        environment.put("CELLSHELL_ORGANELLES", "sample");
        try (RunningShell shell = RunningShell.start(workspace, environment, "--headless", "--template", "desktop")) {
            int[] origin = origin(shell, "desktop");
            for (String line : shell.cli("ls", "--json").out().split("\n")) {
                if (!line.isBlank()) {
                    assertThat(shell.cli("rm", JSON.readTree(line).get("id").asText()).exit()).isZero();
                }
            }
            List<JsonNode> catalog = new ArrayList<>();
            for (String line : shell.cli("catalog", "--json").out().split("\n")) {
                if (!line.isBlank()) {
                    catalog.add(JSON.readTree(line));
                }
            }
            assertThat(catalog).hasSizeGreaterThanOrEqualTo(11);
            List<String> failures = new ArrayList<>();
            for (JsonNode entry : catalog) {
                String type = entry.get("type").asText();
                RunningShell.Result spawned = shell.cli("spawn", type);
                if (spawned.exit() != 0) {
                    failures.add(type + ": " + spawned.err().trim());
                    continue;
                }
                String id = spawned.out().replaceFirst("(?s)^spawn ([a-z0-9-]+):.*", "$1");
                JsonNode bounds = JSON.readTree(shell.cli("show", id, "--json").out()).get("bounds");
                int x = bounds.get(0).asInt();
                int y = bounds.get(1).asInt();
                int w = bounds.get(2).asInt();
                int h = bounds.get(3).asInt();
                assertThat(w + "x" + h).as(type + " spawns at the size its type declares")
                        .isEqualTo(entry.get("size").asText());
                Path png = dir.resolve(type + ".png");
                if (type.equals("Terminal")) {
                    // its program starts after the cell: the shot waits for the prompt to be drawn
                    awaitPrompt(shell, id);
                }
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                while (true) {
                    assertThat(shell.cli("shot", png.toString()).exit()).isZero();
                    BufferedImage desktop = GoldenImages.decode(Files.readAllBytes(png));
                    try {
                        GoldenImages.assertMatches(desktop.getSubimage(origin[0] + x, origin[1] + y, w, h),
                                "spawn-" + type);
                        break;
                    } catch (AssertionError notYet) {
                        // a program's output reaches the screen a frame after 'cell show' sees it
                        if (!type.equals("Terminal") || System.nanoTime() > deadline) {
                            throw notYet;
                        }
                        Thread.sleep(100);
                    }
                }
                assertThat(shell.cli("rm", id).exit()).isZero();
            }
            assertThat(failures).as("types that did not spawn").isEmpty();
        }
    }

    @Test
    void aNewWorkspaceIsTheDesignedDesktopInTheDarkAndTheLightTheme(@TempDir Path dir) throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("first"), Map.of("TZ", "UTC"), "--headless",
                "--template", "desktop")) {
            assertThat(shell.cli("surfaces").out()).contains("desktop      desktop").contains("bar          panel")
                    .contains("reserves 36 at the top");
            assertThat(shell.cli("ls").out()).contains("launcher").contains("meters").contains("clock")
                    .contains("calendar").contains("notes").contains("monitor");
            GoldenImages.assertMatches(shot(shell, dir, "dark"), "first-screen-dark");
            assertThat(shell.cli("theme", "light").exit()).isZero();
            GoldenImages.assertMatches(shot(shell, dir, "light"), "first-screen-light");

            // The panel's notifications indicator: a cell tells you something, the bell counts it; a click reads it.
            int[] desk = origin(shell, "desktop");
            int[] bar = origin(shell, "bar");
            assertThat(shell.cli("spawn", "Button", "--at", "center", "--prop", "action=notify Backup finished")
                    .exit()).isZero();
            JsonNode button = JSON.readTree(shell.cli("show", "button", "--json").out()).get("bounds");
            String x = Integer.toString(desk[0] + button.get(0).asInt() + 20);
            String y = Integer.toString(desk[1] + button.get(1).asInt() + 20);
            BufferedImage before = shot(shell, dir, "before");
            assertThat(shell.cli("click", x, y).out()).contains("clicked button");
            JsonNode bell = JSON.readTree(shell.cli("show", "notices", "--json").out()).get("bounds");
            int badgeX = bar[0] + bell.get(0).asInt() + bell.get(3).asInt() / 2 + 2;
            int badgeY = bar[1] + bell.get(1).asInt() + bell.get(3).asInt() / 2 - 6;
            BufferedImage told = awaitShot(shell, dir, s -> s.getRGB(badgeX, badgeY) != before.getRGB(badgeX, badgeY));
            assertThat(told.getRGB(badgeX, badgeY) & 0xFFFFFF).as("the badge is lit").isEqualTo(0x5E81AC);
            assertThat(shell.cli("click", Integer.toString(badgeX), Integer.toString(badgeY)).out())
                    .contains("clicked notices");
            awaitShot(shell, dir, s -> s.getRGB(badgeX, badgeY) == before.getRGB(badgeX, badgeY));
        }
    }

    private static void awaitPrompt(RunningShell shell, String id) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!JSON.readTree(shell.cli("show", id, "--json").out()).path("terminal").path("screen").asText()
                .startsWith("$")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal never showed its prompt");
            }
            Thread.sleep(100);
        }
    }

    /** Screenshots until {@code done} holds (at most 30 s). */
    private static BufferedImage awaitShot(RunningShell shell, Path dir,
            java.util.function.Predicate<BufferedImage> done) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        BufferedImage last = shot(shell, dir, "await");
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the desktop never showed it; see " + dir.resolve("await.png"));
            }
            Thread.sleep(100);
            last = shot(shell, dir, "await");
        }
        return last;
    }

    private static BufferedImage shot(RunningShell shell, Path dir, String name) throws Exception {
        Path png = dir.resolve(name + ".png");
        assertThat(shell.cli("shot", png.toString()).exit()).isZero();
        return GoldenImages.decode(Files.readAllBytes(png));
    }

    /** Where surface {@code name} is on the screen, from {@code cell surfaces --json} ("WxH+X+Y"). */
    static int[] origin(RunningShell shell, String name) throws Exception {
        for (String line : shell.cli("surfaces", "--json").out().split("\n")) {
            JsonNode surface = line.isBlank() ? null : JSON.readTree(line);
            if (surface != null && name.equals(surface.path("surface").asText())) {
                String[] parts = surface.get("bounds").asText().split("[x+]");
                return new int[] {Integer.parseInt(parts[2]), Integer.parseInt(parts[3])};
            }
        }
        throw new AssertionError("no surface " + name + " in " + shell.cli("surfaces").out());
    }

    @Test
    void typeNamesAreMatchedWithoutRegardToCaseAndAMisspeltOneSaysWhatItMeant(@TempDir Path dir) throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("ws"), Map.of(), "--headless")) {
            RunningShell.Result lower = shell.cli("spawn", "systemmonitor", "--id", "stats");
            assertThat(lower.exit()).as(lower.err()).isZero();
            assertThat(shell.cli("show", "stats", "--json").out()).contains("\"type\":\"SystemMonitor\"");

            RunningShell.Result misspelt = shell.cli("spawn", "Calender");
            assertThat(misspelt.exit()).isNotZero();
            assertThat(misspelt.err()).contains("no cell type 'Calender'").contains("did you mean Calendar?")
                    .contains("Button, Calendar, Clock");

            RunningShell.Result tooSmall = shell.cli("spawn", "Calendar", "--size", "80x60");
            assertThat(tooSmall.exit()).isNotZero();
            assertThat(tooSmall.err()).contains("Calendar needs at least");
            assertThat(shell.cli("ls").out()).doesNotContain("calendar");
        }
    }
}
