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
