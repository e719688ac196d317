package dev.cellshell.shell.cli;

import dev.cellshell.shell.history.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "log", mixinStandardHelpOptions = true, description = "Show the audit log of the workspace (works with or without a running shell).")
final class LogCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "-n", paramLabel = "N", defaultValue = "20", description = "Show the last N entries.")
    int last;

    @Option(names = "--json", description = "One JSON object per entry.")
    boolean json;

    @Option(names = "--diff", description = "Also print each entry's source diff.")
    boolean diff;

    @Override
    public Integer call() {
        Path file = workspace.resolve().resolve("audit.log");
        if (!Files.exists(file)) {
            workspace.out().println("no audit log yet in " + workspace.resolve());
            return 0;
        }
        List<AuditLog.Entry> entries;
        try {
            entries = AuditLog.read(file);
        } catch (IOException | IllegalArgumentException e) {
            workspace.err().println("cell log: " + e.getMessage());
            return CellCommand.REFUSED;
        }
        for (AuditLog.Entry e : entries.subList(Math.max(0, entries.size() - last), entries.size())) {
            if (json) {
                workspace.out().printf("{\"sequence\":%d,\"time\":\"%s\",\"actor\":%s,\"action\":%s,\"cell\":%s,"
                        + "\"type\":%s,\"generation\":%d,\"sourceHash\":\"%s\",\"result\":%s,\"hash\":\"%s\"}%n",
                        e.sequence(), e.time(), Json.string(e.actor()), Json.string(e.action()), Json.string(e.cellId()),
                        Json.string(e.cellType()), e.generation(), e.sourceHash(), Json.string(e.result()), e.hash());
            } else {
                workspace.out().printf("%4d %s %-10s %-10s %-8s %-8s gen %-4d %s%n", e.sequence(), e.time(), e.actor(),
                        e.action(), e.cellId(), e.cellType(), e.generation(), e.result());
                if (diff && !e.diff().isEmpty()) {
                    e.diff().lines().forEach(line -> workspace.out().println("       " + line));
                }
            }
        }
        return 0;
    }
}
