package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs a command line a {@link CellClient} sent, inside the shell that owns the workspace: the same picocli tree as
 * a local run, with the client's working folder for relative paths, this shell's workspace as the default
 * {@code --workspace}, and what the verb prints captured for the client. Runs on the control connection's thread,
 * never the tissue thread; a verb talks to the shell through the control socket as it would from outside.
 */
public final class CommandRunner {

    private final Path workspace;

    /** @param workspace the workspace of the shell that runs the commands */
    public CommandRunner(Path workspace) {
        this.workspace = workspace;
    }

    public ControlMessage run(ControlMessage.CommandRequest request) {
        if (request.args().isEmpty() || !CellClient.IN_SHELL.contains(request.args().get(0))) {
            return new ControlMessage.Failure("the shell runs only these verbs for a client: "
                    + String.join(", ", new java.util.TreeSet<>(CellClient.IN_SHELL)));
        }
        Path cwd = Path.of(request.cwd());
        String[] args = request.args().toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = CellCommand.commandLine(args);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        line.registerConverter(Path.class, cwd::resolve);
        line.setDefaultValueProvider(arg -> arg instanceof OptionSpec option
                && option.longestName().equals("--workspace") ? workspace.toString() : null);
        int exit = line.execute(args);
        line.getOut().flush();
        line.getErr().flush();
        return new ControlMessage.CommandReply(exit, out.toString(), err.toString());
    }
}
