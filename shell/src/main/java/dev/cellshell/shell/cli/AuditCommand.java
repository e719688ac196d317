package dev.cellshell.shell.cli;

import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.SourceDiff;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the tamper-evident audit log.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
        "Check the audit log's hash chain, then that each cell type's sources on disk are the ones its last",
        "applied entry recorded. Names the first entry that was edited, removed or reordered. Exit 1 if not."})
    static final class Verify implements Callable<Integer> {

        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() throws IOException {
            Path root = workspace.resolve();
            if (!Files.isDirectory(root)) {
                workspace.err().println("cell audit verify: no workspace at " + root);
                return CellCommand.USAGE;
            }
            Path file = root.resolve("audit.log");
            AuditLog.Verification chain = AuditLog.verify(file);
            if (!chain.intact()) {
                workspace.err().printf("audit log %s is NOT intact: entry %d: %s%n", file, chain.firstBadSequence(),
                        chain.problem());
                return CellCommand.REFUSED;
            }
            int problems = 0;
            List<AuditLog.Entry> entries = AuditLog.read(file);
            try (Stream<Path> types = Files.isDirectory(root.resolve("cells"))
                    ? Files.list(root.resolve("cells")) : Stream.empty()) {
                Workspace ws = Workspace.open(root);
                for (Path type : types.filter(Files::isDirectory).sorted().toList()) {
                    String name = type.getFileName().toString();
                    var last = AuditLog.lastApplied(entries, name);
                    if (last.isEmpty()) {
                        continue;
                    }
                    List<SourceFile> sources = ws.readSources(name);
                    if (!SourceDiff.hash(sources).equals(last.get().sourceHash())) {
                        workspace.err().printf("cells/%s differs from what entry %d recorded (changed outside CellShell?)%n",
                                name, last.get().sequence());
                        problems++;
                    }
                }
            }
            if (problems > 0) {
                return CellCommand.REFUSED;
            }
            workspace.out().printf("audit log intact: %d entries, chain and workspace agree%n", chain.entries());
            return 0;
        }
    }
}
