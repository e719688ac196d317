package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a cell (its type's sources stay).")
final class RmCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CELL")
    String cellId;

    @Override
    public Integer call() {
        return ChangeCommands.send("rm", workspace, new ControlMessage.ChangeRequest("rm", cellId, "", "",
                0, 0, 0, Map.of()));
    }
}
