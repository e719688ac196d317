package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.Problem;
import dev.cellshell.ipc.ControlMessage.SwapReply;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "swap", mixinStandardHelpOptions = true, description = {
    "Swap a cell's source for the contents of FILE while it runs.",
    "FILE replaces the cell type's file of the same name, or its main file <Type>.java.",
    "Broken source changes nothing: the compiler's errors are printed and the exit code is 1."})
final class SwapCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CELL", description = "The cell's id, e.g. label.")
    String cellId;

    @Parameters(index = "1", paramLabel = "FILE", description = "A .java file with the new source.")
    Path file;

    @Override
    public Integer call() {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            workspace.err().println("cell swap: cannot read " + file + ": " + e.getMessage());
            return CellCommand.USAGE;
        }
        ShellClient.Answer<SwapReply> answer = ShellClient.ask("swap", workspace,
                new ControlMessage.SwapRequest(cellId, file.getFileName().toString(), source), SwapReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        return report("swap", workspace, answer.reply());
    }

    /** Prints what a swap (or undo, redo, rollback) did, the way {@code cell swap} does; returns the exit code. */
    static int report(String verb, WorkspaceOption workspace, SwapReply swap) {
        if (swap.swapped() && swap.generation() == 0) {
            workspace.out().printf("%s: tissue.json put back%s%n", verb, swap.editToPixelNanos() >= 0
                    ? String.format(", on screen after %.1f ms", swap.editToPixelNanos() / 1e6) : "");
            print(workspace.out(), swap);
            return 0;
        }
        if (swap.swapped()) {
            String pixel = swap.editToPixelNanos() >= 0
                    ? String.format(", on screen after %.1f ms", swap.editToPixelNanos() / 1e6)
                    : ", not yet on screen (is the compositor running?)";
            workspace.out().printf("swapped %s to generation %d (compiled in %.1f ms%s)%n", swap.cellId(),
                    swap.generation(), swap.compileNanos() / 1e6, pixel);
            print(workspace.out(), swap);
            return 0;
        }
        workspace.err().printf("cell %s: %s not swapped%s%n", verb, swap.cellId(),
                swap.generation() > 0 ? "; generation " + swap.generation() + " keeps running" : "");
        print(workspace.err(), swap);
        return CellCommand.REFUSED;
    }

    private static void print(java.io.PrintWriter out, SwapReply swap) {
        swap.notes().forEach(note -> out.println("note: " + note));
        for (Problem p : swap.problems()) {
            if (p.file().isEmpty()) {
                out.println(p.message());
                continue;
            }
            out.printf("%s:%d:%d: %s: %s%n", p.file(), p.line(), p.column(), p.error() ? "error" : "warning",
                    p.message());
            if (!p.excerpt().isEmpty()) {
                out.println("    " + p.excerpt());
                out.println("    " + " ".repeat(Math.max(0, p.column() - 1)) + "^");
            }
        }
    }
}
