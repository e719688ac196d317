package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cell package} makes a self-contained app image (jpackage, bundled runtime): started on a fresh workspace
 * without the checkout's Maven classpaths, it runs the designed desktop with its compositor and cell hosts, answers
 * its own CLI verbs, and installs itself into a menu.
 */
class PackageEndToEndTest {

    @Test
    void theAppImageRunsTheDesktopOnItsOwnRuntimeAndInstallsItself(@TempDir Path dir) throws Exception {
        Result packaged = run(Map.of(), 600, RunningShell.ROOT.resolve("cell").toString(), "package");
        assertThat(packaged.exit()).as(packaged.out()).isZero();
        Path image = RunningShell.ROOT.resolve("target/package/CellShell");
        Path launcher = image.resolve("bin/CellShell");
        assertThat(launcher).isExecutable();
        assertThat(image.resolve("lib/runtime/bin/java")).as("the runtime keeps java for the child JVMs")
                .isExecutable();
        assertThat(Files.readAllLines(image.resolve("lib/app/CellShell.cfg")).stream()
                .filter(l -> l.startsWith("app.classpath=")).toList()).as("the shell's own class path")
                .anyMatch(l -> l.contains("/shell-")).noneMatch(l -> l.contains("/compositor-0"))
                .noneMatch(l -> l.contains("lwjgl"));

        Path workspace = dir.resolve("ws");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "run", "--headless", "--no-workbench",
                "--workspace", workspace.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().remove("DISPLAY");
        Process shell = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Result status = null;
            while (System.nanoTime() < deadline) {
                status = run(Map.of(), 60, launcher.toString(), "status", "--workspace", workspace.toString());
                if (status.exit() == 0 && status.out().contains("presented scene") && status.out().contains("calendar")
                        && !status.out().contains("presented scene 0")) {
                    break;
                }
                Thread.sleep(300);
            }
            assertThat(status.out()).as(Files.readString(dir.resolve("run.log"))).contains("(offscreen)")
                    .contains("launcher").contains("calendar");
            Result shot = run(Map.of(), 60, launcher.toString(), "shot", dir.resolve("shot.png").toString(),
                    "--workspace", workspace.toString());
            assertThat(shot.exit()).as(shot.out()).isZero();
            assertThat(GoldenImages.decode(Files.readAllBytes(dir.resolve("shot.png"))).getWidth()).isEqualTo(1280);

            Path home = dir.resolve("home");
            Result installed = run(Map.of("HOME", home.toString()), 60, launcher.toString(), "install");
            assertThat(installed.exit()).as(installed.out()).isZero();
            assertThat(Files.readString(home.resolve(".local/share/applications/cellshell.desktop")))
                    .contains("Exec=" + launcher.toRealPath() + " run");
        } finally {
            shell.destroy();
            if (!shell.waitFor(30, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        }
    }

    record Result(int exit, String out) {
    }

    private static Result run(Map<String, String> env, int seconds, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("XDG_DATA_HOME");
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        return new Result(p.exitValue(), out);
    }
}
