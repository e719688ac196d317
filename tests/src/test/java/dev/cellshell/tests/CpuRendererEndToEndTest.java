package dev.cellshell.tests;

import static dev.cellshell.tests.ScreenComparison.await;
import static dev.cellshell.tests.ScreenComparison.clickTheButtonAndCompare;
import static dev.cellshell.tests.ScreenComparison.resizeAndCompare;
import static dev.cellshell.tests.ScreenComparison.clientOrigin;
import static dev.cellshell.tests.ScreenComparison.screen;
import static dev.cellshell.tests.ScreenComparison.shot;
import static dev.cellshell.tests.ScreenComparison.worst;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cell run --renderer cpu} under a real X server and window manager: Skia draws on the CPU and the damaged
 * rectangles are put into each window with {@code XPutImage}, no OpenGL or Vulkan driver loaded. The X server's own
 * screenshot shows what {@code cell shot} reads back, after a click, after a resize, after the window was unmapped
 * and mapped again (exposed: its contents must be put again), and for every surface window of the desktop.
 */
class CpuRendererEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aCpuWindowShowsWhatCellShotReadsBackAfterClicksResizesAndExposure() throws Exception {
        try (XServer x = XServer.xvfb(1280, 720);
                RunningShell shell = RunningShell.start(dir.resolve("workspace"), Map.of("DISPLAY", x.display()),
                        "--no-workbench", "--window", "--renderer", "cpu")) {
            assertThat(shell.status().renderer()).isEqualTo("Skia CPU raster (XPutImage) (window)");
            long compositor = shell.compositor().orElseThrow().pid();
            assertThat(Files.readString(Path.of("/proc/" + compositor + "/maps")))
                    .as("no GPU driver in the compositor").doesNotContain("libLLVM").doesNotContain("libvulkan")
                    .doesNotContain("libGLX_mesa");

            String size = clickTheButtonAndCompare(x, shell, dir);

            String window = x.run("xdotool", "search", "--name", "^CellShell$").strip();
            x.run("xdotool", "windowunmap", "--sync", window);
            x.run("xdotool", "windowmap", "--sync", window);
            int[] mapped = clientOrigin(x);
            await("an exposed window is put again", () -> worst(screen(x, dir, "x-exposed", size + "+" + mapped[0]
                    + "+" + mapped[1]), shot(shell, dir, "exposed")) <= 2);

            resizeAndCompare(x, shell, dir);
            assertThat(shell.log()).doesNotContain("compositor failed").doesNotContain("restarting");
        }
    }

    @Test
    void everySurfaceWindowOfTheDesktopShowsWhatCellShotComposed() throws Exception {
        Path workspace = dir.resolve("workspace");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("tissue.json"), DesktopSurfacesEndToEndTest.TISSUE);
        try (XServer x = XServer.xvfb(1600, 900);
                RunningShell shell = RunningShell.start(workspace, Map.of("DISPLAY", x.display(), "TZ", "UTC"),
                        "--no-workbench", "--renderer", "cpu")) {
            String desktop = await("the desktop window", () -> x.window("CellShell desktop"));
            assertThat(x.run("xprop", "-id", desktop, "_NET_WM_WINDOW_TYPE")).contains("_NET_WM_WINDOW_TYPE_DESKTOP");
            await("every surface window shows what cell shot composed", () -> worst(screen(x, dir, "x-desktop",
                    "1600x900+0+0"), shot(shell, dir, "desktop"), ScreenComparison.TOAST) <= 2);
            Files.createDirectories(Path.of("target/screens"));
            Files.copy(dir.resolve("x-desktop.png"), Path.of("target/screens/desktop-surfaces-cpu.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            long scene = shell.status().presentedScene();
            x.run("xdotool", "mousemove", "100", Integer.toString(900 - 40 - 32), "click", "1");
            await("the Button counted the click", () -> shell.status().cells().stream()
                    .anyMatch(c -> c.cellId().equals("button") && c.state().contains("clicks=1")));
            shell.awaitPresented(scene + 1, Duration.ofSeconds(30));
            await("the X server shows the new frame too", () -> worst(screen(x, dir, "x-clicked", "1600x900+0+0"),
                    shot(shell, dir, "clicked"), ScreenComparison.TOAST) <= 2);
        }
    }
}
