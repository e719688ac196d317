package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.ChangeReply;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code spawn}, {@code rm}, {@code set} and {@code move} share: send the change, print what it did. */
final class ChangeCommands {

    private ChangeCommands() {
    }

    static int send(String verb, WorkspaceOption workspace, ControlMessage.ChangeRequest request) {
        ShellClient.Answer<ChangeReply> answer = ShellClient.ask(verb, workspace, request, ChangeReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        ChangeReply reply = answer.reply();
        if (!reply.done()) {
            workspace.err().println("cell " + verb + ": " + reply.message());
            return CellCommand.REFUSED;
        }
        workspace.out().println(verb + (reply.cellId().isEmpty() ? "" : " " + reply.cellId()) + ": " + reply.message());
        return 0;
    }

    /** {@code k=v} words as props; {@code k=} unsets. */
    static Map<String, String> props(List<String> pairs) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new CellCommand()),
                        "a prop is key=value, not '" + pair + "'");
            }
            props.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return props;
    }
}
