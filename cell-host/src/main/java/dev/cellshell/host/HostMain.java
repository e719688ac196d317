package dev.cellshell.host;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.HostCodec;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Failed;
import dev.cellshell.ipc.HostMessage.Hello;
import dev.cellshell.ipc.HostMessage.ServiceCall;
import dev.cellshell.ipc.HostMessage.ServiceReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The cell host's process: connects to the socket the shell named, says hello (with the walls it stands behind),
 * then answers the shell's requests one by one until the shell closes the connection. The shell holds the deadline;
 * this side never decides anything about its cells beyond the answer to each call.
 */
public final class HostMain {

    private HostMain() {
    }

    public static void main(String[] args) throws IOException {
        // Skia, the fonts and the shaper load while this host connects and takes its cells' classes, not during
        // the first render that measures text
        dev.cellshell.text.FontLibrary.warmInBackground();
        Path socket = null;
        String name = "host";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--socket" -> socket = Path.of(args[i + 1]);
                case "--name" -> name = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (socket == null) {
            System.err.println("usage: HostMain --socket PATH [--name NAME]");
            System.exit(2);
        }
        Connection<HostMessage> shell = Connection.open(socket, new HostCodec());
        shell.send(new Hello(ProcessHandle.current().pid(), Walls.probe()));
        CellRunner runner = new CellRunner(HostMain.class.getClassLoader(), (cellId, service, method, arguments) -> {
            try {
                shell.send(new ServiceCall(cellId, service, method, arguments));
                HostMessage reply = shell.receive();
                if (!(reply instanceof ServiceReply answer)) {
                    throw new IllegalStateException("the shell answered a service call with " + reply);
                }
                if (!answer.error().isEmpty()) {
                    throw new IllegalArgumentException(answer.error());
                }
                return answer.value();
            } catch (IOException e) {
                throw new UncheckedIOException("the shell is gone", e);
            }
        });
        System.err.println("cell host " + name + " (pid " + ProcessHandle.current().pid() + ") up; walls: "
                + String.join(", ", Walls.probe()));
        while (true) {
            HostMessage request = shell.receive();
            if (request == null) {
                return;
            }
            HostMessage answer;
            try {
                answer = runner.handle(request);
            } catch (RuntimeException | StackOverflowError e) {
                answer = new Failed(CellRunner.describe("host", e));
            }
            try {
                shell.send(answer);
            } catch (IllegalArgumentException e) {
                shell.send(new Failed(CellRunner.cap("answer (" + e.getMessage() + ")")));
            }
        }
    }
}
