package dev.cellshell.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.ControlMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command line run for the thin client inside a shell: the same words, errors and exit codes as a local run, the
 * client's folder for relative paths, the shell's workspace by default. (Here no shell answers the verbs' own
 * requests, which makes each say so: the thin client's path end to end is in ThinClientEndToEndTest.)
 */
class CommandRunnerTest {

    @TempDir
    Path dir;

    private ControlMessage.CommandReply run(Path workspace, Path cwd, String... args) {
        ControlMessage reply = new CommandRunner(workspace).run(new ControlMessage.CommandRequest(List.of(args),
                cwd.toString()));
        assertThat(reply).isInstanceOf(ControlMessage.CommandReply.class);
        return (ControlMessage.CommandReply) reply;
    }

    @Test
    void theShellsWorkspaceIsTheDefaultAndTheVerbsWordsComeBack() {
        Path workspace = dir.resolve("ws");
        ControlMessage.CommandReply log = run(workspace, dir, "log");
        assertThat(log.exit()).isZero();
        assertThat(log.out()).isEqualTo("no audit log yet in " + workspace + "\n");
        assertThat(log.err()).isEmpty();

        ControlMessage.CommandReply status = run(workspace, dir, "status");
        assertThat(status.exit()).isEqualTo(CellCommand.NO_SHELL);
        assertThat(status.err()).contains("no shell is running for workspace " + workspace);
    }

    @Test
    void relativePathsAreTheClientsNotTheShells() {
        Path client = dir.resolve("client");
        ControlMessage.CommandReply log = run(dir.resolve("ws"), client, "log", "--workspace", "other");
        assertThat(log.out()).isEqualTo("no audit log yet in " + client.resolve("other") + "\n");
        ControlMessage.CommandReply swap = run(dir.resolve("ws"), client, "swap", "label", "Label.java");
        assertThat(swap.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(swap.err()).contains("cannot read " + client.resolve("Label.java"));
    }

    @Test
    void usageErrorsAndHelpAreTheLocalOnes() {
        ControlMessage.CommandReply bogus = run(dir, dir, "status", "--bogus");
        assertThat(bogus.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(bogus.err()).contains("Unknown option: '--bogus'").contains("Usage: cell status");
        ControlMessage.CommandReply help = run(dir, dir, "set", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: cell set").doesNotContain("\u001b[");
    }

    @Test
    void verbsThatStartOrInstallSomethingAreNotRunInTheShell() {
        for (String verb : List.of("run", "bench", "install", "doctor")) {
            ControlMessage reply = new CommandRunner(dir).run(new ControlMessage.CommandRequest(List.of(verb), "/"));
            assertThat(reply).isInstanceOf(ControlMessage.Failure.class);
            assertThat(((ControlMessage.Failure) reply).message()).contains("runs only these verbs");
        }
        assertThat(new CommandRunner(dir).run(new ControlMessage.CommandRequest(List.of(), "/")))
                .isInstanceOf(ControlMessage.Failure.class);
    }
}
