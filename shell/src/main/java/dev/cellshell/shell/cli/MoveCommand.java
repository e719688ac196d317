package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "move", mixinStandardHelpOptions = true, description = "Pin a cell to another place on the desktop.")
final class MoveCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CELL")
    String cellId;

    @Option(names = "--at", description = "top-left, top, top-right, left, center, right, "
            + "bottom-left, bottom or bottom-right.")
    String at;

    @Option(names = "--to-node", paramLabel = "NODE|local", description = "Mitosis: the cell moves to that node (or "
            + "back to this one) with its state; the copy takes over when its first frame is drawn.")
    String node;

    @Option(names = "--margin", defaultValue = "24")
    float margin;

    @Override
    public Integer call() {
        if ((at == null) == (node == null)) {
            workspace.err().println("cell move: give --at (a place on the desktop) or --to-node (another node)");
            return CellCommand.USAGE;
        }
        if (node != null) {
            return ChangeCommands.send("move", workspace, new ControlMessage.ChangeRequest("divide", cellId, node,
                    "", 0, 0, 0, Map.of()));
        }
        return ChangeCommands.send("move", workspace, new ControlMessage.ChangeRequest("move", cellId, "",
                at, margin, 0, 0, Map.of()));
    }
}
