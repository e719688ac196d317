package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cell run} with no class-data archives: the shell builds its own and the compositor's once the desktop is
 * up, and the next start maps both (read from the processes' memory maps, not from what the shell says).
 */
class ClassDataArchiveEndToEndTest {

    private static final Path ARCHIVES = RunningShell.ROOT.resolve("target/cds");

    @TempDir
    Path dir;

    @Test
    void theFirstStartBuildsTheArchivesAndTheNextStartMapsThem() throws Exception {
        Files.createDirectories(ARCHIVES);
        try (var old = Files.list(ARCHIVES)) {
            for (Path file : old.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Map<String, String> soon = Map.of("CELLSHELL_JAVA_OPTS", "-Dcellshell.cds.settleMillis=300");
        Path workspace = dir.resolve("workspace");
        try (RunningShell shell = RunningShell.start(workspace, soon, "--headless")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!(shell.log().contains("class-data archive shell.jsa built")
                    && shell.log().contains("class-data archive compositor.jsa built"))) {
                assertThat(System.nanoTime()).as("both archives built:\n%s", shell.log()).isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(maps(shell.pid())).as("the first start records, it maps no archive of ours")
                    .doesNotContain(ARCHIVES.toString());
        }
        assertThat(ARCHIVES.resolve("shell.jsa")).isNotEmptyFile();
        assertThat(ARCHIVES.resolve("compositor.jsa")).isNotEmptyFile();
        try (var lists = Files.list(ARCHIVES)) {
            assertThat(lists.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".classlist."));
        }

        try (RunningShell again = RunningShell.start(workspace, Map.of(), "--headless")) {
            assertThat(maps(again.pid())).contains(ARCHIVES.resolve("shell.jsa").toString());
            long compositor = again.compositor().orElseThrow().pid();
            assertThat(maps(compositor)).contains(ARCHIVES.resolve("compositor.jsa").toString());
            assertThat(again.status().cells()).extracting(c -> c.cellId()).containsExactly("label", "button", "clock");
        }
    }

    private static String maps(long pid) throws Exception {
        return Files.readString(Path.of("/proc/" + pid + "/maps"));
    }
}
