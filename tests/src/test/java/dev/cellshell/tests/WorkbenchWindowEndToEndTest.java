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
            String[] last = {""};
            try {
                ScreenComparison.await("the workbench at 1280×760", () -> {
                    last[0] = x.run("xwininfo", "-id", window);
                    return last[0].contains("Width: 1280") && last[0].contains("Height: 760") ? last[0] : null;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the window: " + last[0], e);
            }
            assertThat(shell.isAlive()).isTrue();
        }
    }
}
