package dev.cellshell.shell.cli;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Connects a CLI verb to the shell that owns a workspace, or explains that none is running. */
final class ShellClient {

    static final class NoShellException extends Exception {
        NoShellException(String message) {
            super(message);
        }
    }

    private ShellClient() {
    }

    /** The shell's reply, or (when {@code reply} is null) the exit code the verb returns, its reason printed. */
    record Answer<T>(T reply, int exit) {
    }

    /**
     * Sends {@code request} for {@code cell verb}: when no shell answers, the connection fails, or the shell
     * replies with a failure or something else than {@code expected}, prints why on stderr as
     * {@code cell verb: …} and gives the exit code.
     */
    static <T extends ControlMessage> Answer<T> ask(String verb, WorkspaceOption workspace, ControlMessage request,
            Class<T> expected) {
        ControlMessage reply;
        java.io.PrintWriter err = workspace.err();
        try {
            reply = call(workspace.resolve(), request);
        } catch (NoShellException e) {
            err.println("cell " + verb + ": " + e.getMessage());
            return new Answer<>(null, CellCommand.NO_SHELL);
        } catch (IOException e) {
            err.println("cell " + verb + ": the shell connection failed: " + e.getMessage());
            return new Answer<>(null, CellCommand.NO_SHELL);
        }
        if (expected.isInstance(reply)) {
            return new Answer<>(expected.cast(reply), 0);
        }
        err.println("cell " + verb + ": " + (reply instanceof ControlMessage.Failure failure
                ? failure.message() : "unexpected reply " + reply.getClass().getSimpleName()));
        return new Answer<>(null, CellCommand.REFUSED);
    }

    static ControlMessage call(Path workspace, ControlMessage request) throws NoShellException, IOException {
        Path socket = Workspace.controlSocket(workspace);
        if (!Files.exists(socket)) {
            throw new NoShellException("no shell is running for workspace " + workspace
                    + " (start one with: ./cell run --workspace " + workspace + ")");
        }
        Connection<ControlMessage> connection;
        try {
            connection = Connection.open(socket, ControlMessage.CODEC);
        } catch (IOException e) {
            throw new NoShellException("no shell answers on " + socket + " (" + e.getMessage()
                    + "); start one with: ./cell run --workspace " + workspace);
        }
        try (connection) {
            return connection.call(request);
        }
    }
}
