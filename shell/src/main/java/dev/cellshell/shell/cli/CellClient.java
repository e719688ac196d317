package dev.cellshell.shell.cli;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code cell} launcher's entry point for every verb: a thin client. A verb that only talks to the shell is sent
 * as its words to the running shell, which parses and runs it ({@link CommandRunner}) and sends back what it printed
 * and its exit code; this JVM loads the socket and the codec, not picocli, whose reflective set-up costs more than
 * the rest of a verb in a cold JVM. Everything else (no verb, {@code run}, the verbs that work on this machine
 * rather than in the shell, no shell answering, a shell too old to run command lines) is parsed and run here by
 * {@link CellCommand}, with the same words and the same errors.
 */
public final class CellClient {

    /** The verbs a running shell runs for the client: they do nothing but talk to it, or read its workspace. */
    static final Set<String> IN_SHELL = Set.of("swap", "shot", "status", "surfaces", "ls", "show", "spawn", "rm",
            "set", "move", "theme", "click", "type", "log", "audit", "undo", "redo", "rollback", "stats", "inspect", "select",
            "arrange", "broadcast", "catalog", "ask", "new", "nodes");

    private CellClient() {
    }

    public static void main(String[] args) {
        ControlMessage.CommandReply reply = args.length > 0 && IN_SHELL.contains(args[0]) ? inShell(args) : null;
        if (reply == null) {
            CellCommand.main(args);
            return;
        }
        System.out.print(reply.out());
        System.out.flush();
        System.err.print(reply.err());
        System.err.flush();
        System.exit(reply.exit());
    }

    /** The shell's run of {@code args}, or null when no shell of the workspace runs command lines. */
    private static ControlMessage.CommandReply inShell(String[] args) {
        Path socket;
        try {
            socket = Workspace.controlSocket(Workspace.locate(workspaceOption(args)));
        } catch (RuntimeException e) {   // a malformed --workspace: the local run says so
            return null;
        }
        if (!Files.exists(socket)) {
            return null;
        }
        try (Connection<ControlMessage> connection = Connection.open(socket, ControlMessage.CODEC)) {
            ControlMessage reply = connection.call(new ControlMessage.CommandRequest(List.of(args),
                    Path.of("").toAbsolutePath().toString()));
            return reply instanceof ControlMessage.CommandReply r ? r : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The value of {@code --workspace DIR} or {@code --workspace=DIR} among {@code args}, else null. */
    static Path workspaceOption(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            }
            if (args[i].equals("--workspace") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--workspace=")) {
                return Path.of(args[i].substring("--workspace=".length()));
            }
        }
        return null;
    }
}
