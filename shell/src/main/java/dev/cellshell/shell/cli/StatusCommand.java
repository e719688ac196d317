package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.CellStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the running shell runs: its cells, generations and renderer.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.StatusReply> answer = ShellClient.ask("status", workspace,
                new ControlMessage.StatusRequest(), ControlMessage.StatusReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        ControlMessage.StatusReply status = answer.reply();
        workspace.out().printf("shell pid %d, workspace %s%n", status.pid(), status.workspace());
        workspace.out().printf("compositor: %s, presented scene %d%n",
                status.renderer().isEmpty() ? "not connected" : status.renderer(), status.presentedScene());
        for (CellStatus cell : status.cells()) {
            workspace.out().printf("  %-12s %-10s gen %-4d at %.0f,%.0f size %.0fx%.0f%s%n", cell.cellId(), cell.cellType(),
                    cell.generation(), cell.x(), cell.y(), cell.width(), cell.height(),
                    cell.state().isEmpty() ? "" : "  state " + cell.state());
        }
        return 0;
    }
}
