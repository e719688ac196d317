package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cell VERB} as a user types it: the launcher's thin client sends a shell verb's words to the running shell,
 * which parses and runs them; the client's JVM never loads picocli, relative paths are the user's, and errors and
 * exit codes are those of a local run.
 */
class ThinClientEndToEndTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run cell(Path cwd, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(RunningShell.ROOT.resolve("cell").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cell-out", ".txt");
        Path err = Files.createTempFile("cell-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        builder.environment().putAll(environment);
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("./cell %s finished", String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void shellVerbsAreRunByTheShellWithTheUsersFolderAndExitCodes() throws Exception {
        Path workspace = dir.resolve("workspace");
        Path user = Files.createDirectories(dir.resolve("somewhere else"));
        try (RunningShell shell = RunningShell.start(workspace, Map.of(), "--headless")) {
            Path classes = dir.resolve("classes.txt");
            Run status = cell(user, Map.of("CELLSHELL_JAVA_OPTS", "-Xlog:class+load:file=" + classes),
                    "status", "--workspace", workspace.toString());
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.out()).contains("shell pid").contains("label").contains("clock");
            String loaded = Files.readString(classes);
            assertThat(loaded).contains("dev.cellshell.shell.cli.CellClient")
                    .contains("dev.cellshell.ipc.ControlMessage$CommandReply");
            assertThat(loaded).as("the client parsed nothing itself").doesNotContain("picocli.");

            Run shot = cell(user, Map.of(), "shot", "desk.png", "--workspace", workspace.toString());
            assertThat(shot.exit()).as(shot.err()).isZero();
            assertThat(user.resolve("desk.png")).as("a relative path is the user's, not the shell's").isNotEmptyFile();

            Files.writeString(user.resolve("Broken.java"), "public class Label { int x = ; }");
            Run swap = cell(user, Map.of(), "swap", "label", "Broken.java", "--workspace=" + workspace);
            assertThat(swap.exit()).isEqualTo(1);
            assertThat(swap.err()).as("the file was read from the user's folder").contains("label not swapped")
                    .contains("int x = ; }");

            Run bogus = cell(user, Map.of(), "set", "label", "text=x", "--bogus", "--workspace", workspace.toString());
            assertThat(bogus.exit()).isEqualTo(2);
            assertThat(bogus.err()).contains("Unknown option: '--bogus'").contains("Usage: cell set");
            assertThat(bogus.out()).isEmpty();

            Run set = cell(user, Map.of("CELLSHELL_WORKSPACE", workspace.toString()), "set", "label", "text=Thin");
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(set.out()).isEqualTo("set label: text: Hello, CellShell -> Thin\n");
        }
        Run noShell = cell(user, Map.of(), "status", "--workspace", workspace.toString());
        assertThat(noShell.exit()).as("with no shell the client runs the verb itself").isEqualTo(3);
        assertThat(noShell.err()).contains("no shell is running for workspace " + workspace);
    }
}
