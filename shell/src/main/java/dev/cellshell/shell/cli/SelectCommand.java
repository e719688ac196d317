package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "select", mixinStandardHelpOptions = true,
        description = "Select a cell (outlined on the desktop; the workbench opens its source), clear the selection "
                + "with 'none', or, with no argument, print the selected cell (picked with Alt+click or in the "
                + "workbench).")
final class SelectCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CELL|none", description = "The cell to select.")
    String cell;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.OverlayReply> answer = ShellClient.ask("select", workspace,
                new ControlMessage.OverlayRequest("", "", cell == null ? "" : cell), ControlMessage.OverlayReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        workspace.out().println(answer.reply().selected().isEmpty() ? "no cell selected" : answer.reply().selected());
        return 0;
    }
}
