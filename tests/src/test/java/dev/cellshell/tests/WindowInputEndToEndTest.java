package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compositor in a real GLFW window under Xvfb: a synthetic click (xdotool) at the Button goes from X through
 * GLFW to the compositor, over the scene socket to the shell, hit-tests to the Button cell, and its new frame comes
 * back on screen; the X server's own screenshot shows what {@code cell shot} reads back.
 */
class WindowInputEndToEndTest {

    private static final int BUTTON_X = 40;
    private static final int BUTTON_Y = 170;
    private static final int BUTTON_W = 240;
    private static final int BUTTON_H = 64;

    @TempDir
    Path dir;

    private static boolean insideButton(int x, int y) {
        return x >= BUTTON_X && x < BUTTON_X + BUTTON_W && y >= BUTTON_Y && y < BUTTON_Y + BUTTON_H;
    }

    private BufferedImage shot(RunningShell shell, String name) throws Exception {
        Path file = dir.resolve(name + ".png");
        RunningShell.Result result = shell.cli("shot", file.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        return GoldenImages.decode(Files.readAllBytes(file));
    }

    @Test
    void aClickInTheWindowReachesTheButtonCellAndOnlyItRedraws() throws Exception {
        try (Xvfb x = Xvfb.start();
                RunningShell shell = RunningShell.start(dir.resolve("workspace"), Map.of("DISPLAY", x.display()),
                        "--no-workbench", "--window")) {
            assertThat(shell.status().renderer()).endsWith("(window)");
            BufferedImage before = shot(shell, "before");
            long scene = shell.status().presentedScene();

            assertThat(x.run("xdotool", "mousemove", "100", "200", "click", "1")).isZero();
            shell.awaitPresented(scene + 2, java.time.Duration.ofSeconds(30));

            BufferedImage after = shot(shell, "after");
            int inside = 0;
            int outside = 0;
            for (int py = 0; py < after.getHeight(); py++) {
                for (int px = 0; px < after.getWidth(); px++) {
                    if (before.getRGB(px, py) != after.getRGB(px, py)) {
                        if (insideButton(px, py)) {
                            inside++;
                        } else {
                            outside++;
                        }
                    }
                }
            }
            assertThat(inside).as("the button redrew with its click count").isGreaterThan(50);
            assertThat(outside).as("pixels outside the button changed").isZero();

            Path root = dir.resolve("x-root.png");
            assertThat(x.run("import", "-window", "root", root.toString())).isZero();
            BufferedImage screen = GoldenImages.decode(Files.readAllBytes(root));
            int worst = 0;
            for (int py = 0; py < after.getHeight(); py++) {
                for (int px = 0; px < after.getWidth(); px++) {
                    worst = Math.max(worst, GoldenImages.channelDifference(screen.getRGB(px, py) | 0xFF000000,
                            after.getRGB(px, py)));
                }
            }
            assertThat(worst).as("X server screenshot vs cell shot, largest channel difference").isLessThanOrEqualTo(2);
        }
    }

    private static String out(RunningShell shell, String... args) throws Exception {
        RunningShell.Result result = shell.cli(args);
        assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result.out().trim();
    }

    private static int changedOutside(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        int changed = 0;
        for (int py = 0; py < Math.min(a.getHeight(), b.getHeight()); py++) {
            for (int px = 0; px < Math.min(a.getWidth(), b.getWidth()); px++) {
                boolean inside = px >= x0 && px < x1 && py >= y0 && py < y1;
                if (!inside && a.getRGB(px, py) != b.getRGB(px, py)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** On OpenGL (the click test above runs on what auto picks: Vulkan where a driver is installed). */
    @Test
    void altClickPicksTheCellOnScreenWithoutClickingItAndTheWindowResizes() throws Exception {
        try (Xvfb x = Xvfb.start();
                RunningShell shell = RunningShell.start(dir.resolve("workspace"), Map.of("DISPLAY", x.display()),
                        "--no-workbench", "--window", "--renderer", "gl")) {
            assertThat(shell.status().renderer()).startsWith("OpenGL ").endsWith("(window)");
            long scene = shell.status().presentedScene();
            assertThat(x.run("xdotool", "mousemove", "100", "200")).isZero();
            shell.awaitPresented(scene + 1, java.time.Duration.ofSeconds(30));
            BufferedImage before = shot(shell, "hovered");
            String stateBefore = shell.status().cells().stream().filter(c -> c.cellId().equals("button"))
                    .findFirst().orElseThrow().state();

            assertThat(x.run("xdotool", "keydown", "alt", "click", "1", "keyup", "alt")).isZero();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!out(shell, "select").equals("button") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(out(shell, "select")).as("the cell picked with Alt+click").isEqualTo("button");
            Thread.sleep(300);
            BufferedImage outlined = shot(shell, "outlined");
            assertThat(shell.status().cells().stream().filter(c -> c.cellId().equals("button")).findFirst()
                    .orElseThrow().state()).as("the Alt+click did not reach the button").isEqualTo(stateBefore);
            assertThat(changedOutside(before, outlined, BUTTON_X - 4, BUTTON_Y - 20, BUTTON_X + BUTTON_W + 200,
                    BUTTON_Y + BUTTON_H + 4)).as("pixels changed away from the outline and its tag").isZero();
            assertThat(changedOutside(before, outlined, 0, 0, 0, 0)).as("the outline is drawn").isGreaterThan(200);

            assertThat(out(shell, "select", "none")).isEqualTo("no cell selected");
            Thread.sleep(300);
            assertThat(changedOutside(before, shot(shell, "cleared"), 0, 0, 0, 0)).as("outline gone").isZero();

            assertThat(x.run("xdotool", "search", "--name", "CellShell", "windowsize", "900", "500")).isZero();
            deadline = System.nanoTime() + 20_000_000_000L;
            BufferedImage resized = shot(shell, "resized");
            while (resized.getWidth() != 900 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                resized = shot(shell, "resized");
            }
            assertThat(resized.getWidth()).as("the back buffer follows the window").isEqualTo(900);
            assertThat(resized.getHeight()).isEqualTo(500);
            // The window is the monitor now: what is pinned to the left stays, the clock pinned top-right follows the
            // right edge (900 - 24 - 256 = 620).
            assertThat(changedOutside(before, resized, 560, 0, 900, 500))
                    .as("the left of the desktop unchanged in the smaller window").isZero();
            BufferedImage settled = resized;
            deadline = System.nanoTime() + 20_000_000_000L;
            while ((settled.getRGB(620 + 128, 24 + 80) & 0xFFFFFF) == (before.getRGB(620 + 128, 24 + 80) & 0xFFFFFF)
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
                settled = shot(shell, "resized");
            }
            assertThat(settled.getRGB(620 + 128, 24 + 80)).as("the clock moved to the new right edge")
                    .isNotEqualTo(before.getRGB(620 + 128, 24 + 80));
        }
    }
}
