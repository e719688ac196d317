package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Inspect mode: the compositor outlines the cell under the pointer and a click selects it "
                + "instead of reaching it (holding Alt does the same for one click).")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "on|off", description = "Switch inspect mode on or off.")
    String mode;

    @Override
    public Integer call() {
        if (!mode.equals("on") && !mode.equals("off")) {
            workspace.err().println("cell inspect: say on or off, not '" + mode + "'");
            return CellCommand.USAGE;
        }
        ShellClient.Answer<ControlMessage.OverlayReply> answer = ShellClient.ask("inspect", workspace,
                new ControlMessage.OverlayRequest(mode, "", ""), ControlMessage.OverlayReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        workspace.out().println("inspect mode " + (answer.reply().inspect() ? "on" : "off"));
        return 0;
    }
}
