package dev.cellshell.shell.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(name = "completion", mixinStandardHelpOptions = true, description = {
    "Print a bash/zsh completion script for every verb and option: source <(./cell completion)"})
final class CompletionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(AutoComplete.bash("cell", CellCommand.commandLine()));
        return 0;
    }
}
