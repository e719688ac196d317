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

    @Option(names = "--at", required = true, description = "top-left, top, top-right, left, center, right, "
            + "bottom-left, bottom or bottom-right.")
    String at;

    @Option(names = "--margin", defaultValue = "24")
    float margin;

    @Override
    public Integer call() {
        return ChangeCommands.send("move", workspace, new ControlMessage.ChangeRequest("move", cellId, "",
                at, margin, 0, 0, Map.of()));
    }
}
