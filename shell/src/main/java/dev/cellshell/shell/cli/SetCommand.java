package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set props of a cell, e.g. cell set label text=Hi color=#EBCB8B (key= unsets).")
final class SetCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CELL")
    String cellId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE")
    List<String> props;

    @Override
    public Integer call() {
        return ChangeCommands.send("set", workspace, new ControlMessage.ChangeRequest("set", cellId, "", "",
                0, 0, 0, ChangeCommands.props(props)));
    }
}
