package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "undo", mixinStandardHelpOptions = true, description = "Undo the newest change of this session (global); it is audited like any swap.")
final class UndoCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.SwapReply> answer = ShellClient.ask("undo", workspace,
                new ControlMessage.HistoryRequest("undo", "", -1), ControlMessage.SwapReply.class);
        return answer.reply() == null ? answer.exit() : SwapCommand.report("undo", workspace, answer.reply());
    }
}
