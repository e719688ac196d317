package dev.cellshell.shell.cli;

import dev.cellshell.shell.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --workspace DIR}, shared by every verb: which shell (and which workspace) the verb is about, and where the
 * verb's words go. A verb prints through {@link #out()} and {@link #err()}, never {@code System.out}: when the shell
 * runs a command line for the thin client ({@link CommandRunner}) they are the client's streams.
 */
final class WorkspaceOption {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The workspace (default: $CELLSHELL_WORKSPACE, else ~/.local/share/cellshell/workspace).")
    Path workspace;

    @Spec(Spec.Target.MIXEE)
    CommandSpec verb;

    Path resolve() {
        return Workspace.locate(workspace);
    }

    PrintWriter out() {
        return verb.commandLine().getOut();
    }

    PrintWriter err() {
        return verb.commandLine().getErr();
    }
}
