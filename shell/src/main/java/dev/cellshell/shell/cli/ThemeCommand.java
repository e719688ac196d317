package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "theme", mixinStandardHelpOptions = true, description = {
    "Switch the desktop's theme (built in: dark, light; or themes/NAME.properties in the workspace).",
    "Every cell hears it and is drawn again."})
final class ThemeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
        return ChangeCommands.send("theme", workspace, new ControlMessage.ChangeRequest("theme", "", name,
                "", 0, 0, 0, Map.of()));
    }
}
