package dev.cellshell.tests;

import static dev.cellshell.tests.ScreenComparison.await;
import static dev.cellshell.tests.ScreenComparison.clickTheButtonAndCompare;
import static dev.cellshell.tests.ScreenComparison.resizeAndCompare;
import static dev.cellshell.tests.ScreenComparison.screen;
import static dev.cellshell.tests.ScreenComparison.shot;
import static dev.cellshell.tests.ScreenComparison.worst;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cell run --renderer vulkan} under a real X server, on Mesa's lavapipe: frames go through Vulkan swapchains
 * into real windows, and the X server's own screenshot shows what {@code cell shot} reads back from the Vulkan back
 * image; a resized window gets a new swapchain; the desktop's surfaces match the golden image the GL path drew, and a
 * device that reports {@code VK_ERROR_DEVICE_LOST} is replaced inside the same compositor process.
 */
class VulkanRendererEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aVulkanWindowShowsWhatCellShotReadsBackAndGetsANewSwapchainWhenResized() throws Exception {
        try (XServer x = XServer.xvfb(1280, 720);
                RunningShell shell = RunningShell.start(dir.resolve("workspace"), Map.of("DISPLAY", x.display()),
                        "--no-workbench", "--window", "--renderer", "vulkan")) {
            assertThat(shell.status().renderer()).startsWith("Vulkan 1.").contains("llvmpipe").endsWith("(window)");
            clickTheButtonAndCompare(x, shell, dir);
            resizeAndCompare(x, shell, dir);
            assertThat(shell.log()).doesNotContain("was lost").doesNotContain("compositor failed");
        }
    }

    @Test
    void theDesktopSurfacesDrawThroughVulkanAndALostDeviceIsReplacedInTheSameProcess() throws Exception {
        Path workspace = dir.resolve("workspace");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("tissue.json"), DesktopSurfacesEndToEndTest.TISSUE);
        // The third present is the first frame's last window (desktop, bar, toasts): the driver reports the device
        // lost in the middle of the first frame.
        try (XServer x = XServer.xvfb(1600, 900);
                RunningShell shell = RunningShell.start(workspace, Map.of("DISPLAY", x.display(), "TZ", "UTC",
                        "CELLSHELL_VULKAN_FAULT", "device-lost:3"), "--no-workbench", "--renderer", "vulkan")) {
            await("the device was lost and replaced", () -> shell.log().contains("was lost")
                    && shell.log().contains("drawing on a new device"));
            long compositor = shell.compositor().orElseThrow().pid();
            assertThat(shell.status().renderer()).startsWith("Vulkan 1.").endsWith("(window)");
            String desktop = await("the desktop window", () -> x.window("CellShell desktop"));
            assertThat(x.run("xprop", "-id", desktop, "_NET_WM_WINDOW_TYPE")).contains("_NET_WM_WINDOW_TYPE_DESKTOP");
            assertThat(x.run("xprop", "-name", "CellShell bar", "_NET_WM_WINDOW_TYPE"))
                    .contains("_NET_WM_WINDOW_TYPE_DOCK");

            // The same desktop the GL path drew for its golden image (DesktopSurfacesEndToEndTest).
            RunningShell.Result spawned = shell.cli("spawn", "Label", "--on-surface", "bar", "--size", "160x32",
                    "--at", "left", "--margin", "8", "--prop", "text=On the bar");
            assertThat(spawned.exit()).as(spawned.err()).isZero();
            if (Boolean.getBoolean("goldens.update")) {
                // -Dgoldens.update=true: the GPU golden is this desktop once two shots in a row agree
                await("a settled desktop", () -> GoldenImages.differingPixels(shot(shell, dir, "desktop"),
                        shot(shell, dir, "desktop-again")) == 0);
                GoldenImages.assertMatches(shot(shell, dir, "desktop"), "desktop-surfaces");
            }
            await("the desktop after the lost device matches the GL golden image", () -> GoldenImages.differingPixels(
                    shot(shell, dir, "desktop"), golden("desktop-surfaces")) == 0);
            BufferedImage composed = shot(shell, dir, "desktop");
            Files.createDirectories(Path.of("target/screens"));
            Files.copy(dir.resolve("desktop.png"), Path.of("target/screens/desktop-surfaces-vulkan.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            await("every surface window shows what cell shot composed", () -> worst(screen(x, dir, "x-desktop",
                    "1600x900+0+0"), composed, ScreenComparison.TOAST) <= 2);

            // Input still reaches the cells through the rebuilt windows, and their frames still arrive.
            long scene = shell.status().presentedScene();
            x.run("xdotool", "mousemove", "100", Integer.toString(900 - 40 - 32), "click", "1");
            await("the Button counted the click", () -> shell.status().cells().stream()
                    .anyMatch(c -> c.cellId().equals("button") && c.state().contains("clicks=1")));
            shell.awaitPresented(scene + 1, Duration.ofSeconds(30));
            await("the X server shows the new frame too", () -> worst(screen(x, dir, "x-clicked", "1600x900+0+0"),
                    shot(shell, dir, "clicked"), ScreenComparison.TOAST) <= 2);
            assertThat(shell.compositor().orElseThrow().pid()).as("the same compositor process").isEqualTo(compositor);
            assertThat(shell.log()).as("the shell never restarted the compositor").doesNotContain("restarting");
        }
    }

    private static BufferedImage golden(String name) throws Exception {
        return javax.imageio.ImageIO.read(Path.of("src/test/resources/goldens", name + ".png").toFile());
    }

}
