package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "redo", mixinStandardHelpOptions = true, description = "Redo the change the last undo took back; audited like any swap.")
final class RedoCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.SwapReply> answer = ShellClient.ask("redo", workspace,
                new ControlMessage.HistoryRequest("redo", "", -1), ControlMessage.SwapReply.class);
        return answer.reply() == null ? answer.exit() : SwapCommand.report("redo", workspace, answer.reply());
    }
}
