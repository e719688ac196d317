package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cell run} with its workbench (JavaFX on GTK) under a real X server and window manager (openbox): the window
 * opens at the size it asks for. JavaFX 21 lost that size under openbox (200×200: JDK-8316423).
 */
class WorkbenchWindowEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void theWorkbenchOpensAtItsSizeUnderAWindowManager() throws Exception {
        try (XServer x = XServer.xvfb(1920, 1080);
                RunningShell shell = RunningShell.start(dir.resolve("workspace"), Map.of("DISPLAY", x.display()),
                        "--window")) {
            String window = ScreenComparison.await("the workbench window", () -> x.window(
                    "CellShell workbench — workspace"));
            ScreenComparison.await("the workbench at 1280×760", () -> {
                String info = x.run("xwininfo", "-id", window);
                return info.contains("Width: 1280") && info.contains("Height: 760") ? info : null;
            });
            assertThat(shell.isAlive()).isTrue();
        }
    }
}
