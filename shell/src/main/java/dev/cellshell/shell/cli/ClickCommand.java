package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "click", description = {
    "Click at desktop coordinates X Y as if with the mouse (press and release).",
    "Returns once the cell under the point handled it and its state was saved."})
final class ClickCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "X")
    float x;

    @Parameters(index = "1", paramLabel = "Y")
    float y;

    @Override
    public Integer call() {
        ControlMessage reply;
        try {
            reply = ShellClient.call(workspace.resolve(), new ControlMessage.ClickRequest(x, y));
        } catch (ShellClient.NoShellException | IOException e) {
            System.err.println("cell click: " + e.getMessage());
            return CellCommand.NO_SHELL;
        }
        if (reply instanceof ControlMessage.ClickReply click) {
            System.out.println(click.cellId().isEmpty() ? "no cell at " + x + "," + y : "clicked " + click.cellId());
            return 0;
        }
        System.err.println("cell click: " + ((ControlMessage.Failure) reply).message());
        return CellCommand.REFUSED;
    }
}
