package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cell run --dev}: the shell runs with HotswapAgent from a classes folder; recompiling a shell class there
 * (what an IDE's build does) changes the running shell's behaviour without a restart. The test works on a copy of
 * {@code shell/target/classes}, so the project's own build output is never touched.
 */
class DevModeEndToEndTest {

    private static final String MARK = " [patched live]";

    @TempDir
    Path dir;

    @Test
    void aMethodBodyChangeToAShellClassIsPickedUpWhileItRuns() throws Exception {
        Path classes = dir.resolve("shell-classes");
        copy(RunningShell.ROOT.resolve("shell/target/classes"), classes);
        try (RunningShell shell = RunningShell.start(dir.resolve("workspace"),
                Map.of("CELLSHELL_DEV_SHELL_CLASSES", classes.toString()), "--headless", "--dev")) {
            assertThat(shell.status().renderer()).doesNotContain(MARK);

            Path source = RunningShell.ROOT.resolve("shell/src/main/java/dev/cellshell/shell/scene/SceneLink.java");
            String original = "h.renderer() + (h.windowed() ? \" (window)\" : \" (offscreen)\")";
            String text = Files.readString(source);
            assertThat(text).contains(original);
            Path patched = dir.resolve("src/SceneLink.java");
            Files.createDirectories(patched.getParent());
            Files.writeString(patched, text.replace(original, original + " + \"" + MARK + "\""));
            compile(patched, classes);

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!shell.status().renderer().endsWith(MARK)) {
                assertThat(System.nanoTime()).as("the patched method within 60 s\n" + shell.log())
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(shell.log()).contains("Reloading classes [dev.cellshell.shell.scene.SceneLink]");
            assertThat(shell.status().cells()).hasSize(3);
            assertThat(Files.readString(shell.workspace().resolve("logs/compositor.log")))
                    .as("the compositor JVM runs with the agent too").contains("Loading Hotswap agent");
        }
    }

    private static void compile(Path source, Path classes) throws IOException {
        String classpath = classes + ":" + Files.readString(RunningShell.ROOT.resolve("shell/target/runtime.classpath"))
                .strip();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-g", "--release", "17", "-nowarn", "-proc:none", "-cp", classpath,
                "-d", classes.toString(), source.toString());
        assertThat(exit).as("javac of the patched class").isZero();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
