package dev.cellshell.shell.cli;

import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace DIR}, shared by every verb: which shell (and which workspace) the verb is about. */
final class WorkspaceOption {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The workspace (default: $CELLSHELL_WORKSPACE, else ~/.local/share/cellshell/workspace).")
    Path workspace;

    Path resolve() {
        return Workspace.locate(workspace);
    }
}
