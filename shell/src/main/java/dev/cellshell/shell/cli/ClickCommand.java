package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "click", mixinStandardHelpOptions = true, description = {
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
        ShellClient.Answer<ControlMessage.ClickReply> answer = ShellClient.ask("click", workspace,
                new ControlMessage.ClickRequest(x, y), ControlMessage.ClickReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        String cellId = answer.reply().cellId();
        workspace.out().println(cellId.isEmpty() ? "no cell at " + x + "," + y : "clicked " + cellId);
        return 0;
    }
}
