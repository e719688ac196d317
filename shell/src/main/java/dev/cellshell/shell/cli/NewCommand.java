package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.workspace.Catalog;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true, description = {
    "Start a new cell type from the template (the built-in Hello cell): writes cells/NAME/NAME.java and, when a",
    "shell is running, puts a cell of it on the desktop. Then edit the file in any editor: each save swaps it in."})
final class NewCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "NAME", description = "The new type's class name, e.g. Pomodoro.")
    String name;

    @Option(names = "--at", defaultValue = "center", description = "Where the first cell goes (default center).")
    String at;

    @Override
    public Integer call() {
        Path root = workspace.resolve();
        Path file;
        try {
            file = Catalog.newType(root, name);
        } catch (IllegalArgumentException e) {
            workspace.err().println("cell new: " + e.getMessage());
            return name.matches("[A-Z][A-Za-z0-9_]*") ? CellCommand.REFUSED : CellCommand.USAGE;
        } catch (IOException e) {
            workspace.err().println("cell new: cannot write the new type: " + e.getMessage());
            return CellCommand.REFUSED;
        }
        workspace.out().println("created " + file);
        if (!Files.exists(Workspace.controlSocket(root))) {
            workspace.out().println("no shell is running; './cell run' will find it, and 'cell spawn " + name + "' puts it "
                    + "on the desktop");
            return 0;
        }
        return ChangeCommands.send("spawn", workspace, new ControlMessage.ChangeRequest("spawn", "", name, at, 24, 0, 0,
                Map.of()));
    }
}
