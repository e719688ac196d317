package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "arrange", mixinStandardHelpOptions = true, description = {
    "Lay the cells out without overlaps, in rows from the top-left, each keeping its size.",
    "Saved in tissue.json and audited; 'cell undo' puts the previous layout back."})
final class ArrangeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        return ChangeCommands.send("arrange", workspace, new ControlMessage.ChangeRequest("arrange", "",
                "", "", 0, 0, 0, Map.of()));
    }
}
