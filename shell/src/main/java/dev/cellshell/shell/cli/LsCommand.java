package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.CellStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List the live cells, back to front.")
final class LsCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "One JSON object per cell.")
    boolean json;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.StatusReply> answer = ShellClient.ask("ls", workspace,
                new ControlMessage.StatusRequest(), ControlMessage.StatusReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        for (CellStatus c : answer.reply().cells()) {
            workspace.out().println(json ? Json.cell(c, ShowCommand.sourceFolder(workspace.resolve(), c))
                    : String.format("%-12s %-10s gen %-4d %-12s %s", c.cellId(), c.cellType(), c.generation(),
                            c.health().startsWith("slow") ? "slow" : c.health(), c.state()));
        }
        return 0;
    }
}
