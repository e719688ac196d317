package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.CellStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one cell: its source folder, generation, bounds, props, state, health and last fault.")
final class ShowCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CELL")
    String cellId;

    @Option(names = "--json")
    boolean json;

    static String sourceFolder(Path workspace, CellStatus cell) {
        return workspace.resolve("cells").resolve(cell.cellType()).toString();
    }

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.StatusReply> answer = ShellClient.ask("show", workspace,
                new ControlMessage.StatusRequest(), ControlMessage.StatusReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        Optional<CellStatus> found = answer.reply().cells().stream().filter(c -> c.cellId().equals(cellId))
                .findFirst();
        if (found.isEmpty()) {
            workspace.err().println("cell show: no cell with id '" + cellId + "' (cells: " + String.join(", ",
                    answer.reply().cells().stream().map(CellStatus::cellId).toList()) + ")");
            return CellCommand.REFUSED;
        }
        CellStatus c = found.get();
        String source = sourceFolder(workspace.resolve(), c);
        if (json) {
            workspace.out().println(Json.cell(c, source));
            return 0;
        }
        workspace.out().printf("%s (%s), generation %d%n", c.cellId(), c.cellType(), c.generation());
        workspace.out().printf("  source   %s%n", source);
        workspace.out().printf("  bounds   %.0f,%.0f %.0fx%.0f%n", c.x(), c.y(), c.width(), c.height());
        workspace.out().printf("  props    %s%n", new java.util.TreeMap<>(c.props()));
        workspace.out().printf("  state    %s%n", c.state().isEmpty() ? "(none)" : c.state());
        workspace.out().printf("  health   %s%n", c.health());
        workspace.out().printf("  host     %s%n", c.isolation().equals("solo") ? "solo (a cell host of its own)"
                : c.isolation().startsWith("node:") ? "on node " + c.isolation().substring(5) + " (a cell host "
                        + "there, through the gateway; its services are that machine's)"
                : "shared (the cell host of the built-in and your own cells)");
        if (!c.lastError().isEmpty()) {
            workspace.out().printf("  last     %s%n", c.lastError());
        }
        if (!c.services().isEmpty()) {
            workspace.out().printf("  services %s%n", String.join(", ", c.services().entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue().isEmpty() ? " (ok)" : " (unavailable: " + e.getValue() + ")"))
                    .toList()));
        }
        if (!c.terminal().isEmpty()) {
            Map<String, String> t = c.terminal();
            workspace.out().printf("  terminal %s, %s, cursor at row,column %s%s%n",
                    "true".equals(t.get("running")) ? "running (pid " + t.get("pid") + ")"
                            : "exited" + (t.getOrDefault("exitCode", "").isEmpty() ? "" : " with code "
                                    + t.get("exitCode")), t.getOrDefault("size", "?"), t.getOrDefault("cursor", "?"),
                    t.getOrDefault("title", "").isEmpty() ? "" : ", title '" + t.get("title") + "'");
            t.getOrDefault("screen", "").lines().forEach(line -> workspace.out().println("  | " + line));
        }
        return 0;
    }
}
