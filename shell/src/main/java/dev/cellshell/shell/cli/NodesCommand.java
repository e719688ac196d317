package dev.cellshell.shell.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "nodes", mixinStandardHelpOptions = true, description = {
        "The paired nodes: their state, round-trip time, the cells they run for us and we for them, what they may",
        "run here, and the bytes remote cells moved."})
final class NodesCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        return NodeCommand.send(workspace, json ? "json" : "list", List.of());
    }
}
