package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", mixinStandardHelpOptions = true, description = {
    "Swap a cell's type back to the version before the current one, or with --to N to the newest recorded",
    "version of generation N. Audited like any swap."})
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CELL")
    String cellId;

    @Option(names = "--to", paramLabel = "GENERATION", defaultValue = "-1")
    long generation;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.SwapReply> answer = ShellClient.ask("rollback", workspace,
                new ControlMessage.HistoryRequest("rollback", cellId, generation), ControlMessage.SwapReply.class);
        return answer.reply() == null ? answer.exit() : SwapCommand.report("rollback", workspace, answer.reply());
    }
}
