package dev.cellshell.shell.cli;

import dev.cellshell.host.CellRunner;
import dev.cellshell.shell.host.HostLaunch;
import dev.cellshell.shell.host.HostProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = {
    "Which walls stand between cell code and this machine: the sandbox's checks, the cell hosts' kernel walls",
    "(bubblewrap: read-only files, no network) as this machine allows them, and what the running hosts found."})
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        workspace.out().println("sandbox:     every class is checked when compiled and again when loaded (files, network,"
                + " processes, threads, reflection, blocking calls and JVM-wide defaults are refused by name)");
        workspace.out().println("membrane:    cells run in cell hosts (child JVMs), never in the shell; each call has a"
                + " budget of " + CellRunner.CELL_BUDGET_NANOS / 1_000_000 + " ms inside and a hard deadline of "
                + HostProcess.DEADLINE_MILLIS + " ms outside, past which the host is killed and started again");
        workspace.out().println("kernel:      " + HostLaunch.confinementReport());
        Path logs = workspace.resolve().resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.filter(f -> f.getFileName().toString().startsWith("host-")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(log);
                    String last = lines.stream().filter(l -> l.contains(" up; walls:")).reduce((a, b) -> b)
                            .orElse("(no start recorded)");
                    workspace.out().println("last start:  " + last);
                }
            } catch (IOException e) {
                workspace.err().println("cell doctor: cannot read " + logs + ": " + e.getMessage());
            }
        }
        return 0;
    }
}
