package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "type", mixinStandardHelpOptions = true, description = {
    "Type into CELL as the keyboard would: it gets the focus, then TEXT as typed text, then each --key.",
    "In TEXT: \\n Enter, \\t Tab, \\e Escape, \\b Backspace, \\\\ a backslash, \\{ctrl+c} or \\{up} a named key;",
    "any other backslash is typed as it is. Returns once the cell handled every key.",
    "  cell type term 'ls -l\\n'",
    "  cell type term 'ihello\\e:wq\\n'",
    "  cell type term --key ctrl+c",
    "'cell show CELL' then shows a terminal's screen."})
final class TypeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CELL")
    String cellId;

    @Parameters(index = "1", paramLabel = "TEXT", arity = "0..1", defaultValue = "")
    String text;

    @Option(names = "--key", paramLabel = "KEY", description = "a named key after TEXT: enter, escape, up, "
            + "ctrl+c, alt+b, shift+tab, f1–f12, … (repeatable)")
    List<String> keys = new ArrayList<>();

    @Override
    public Integer call() {
        if (text.isEmpty() && keys.isEmpty()) {
            workspace.err().println("cell type: nothing to type (give TEXT or --key)");
            return CellCommand.REFUSED;
        }
        return ChangeCommands.send("type", workspace, new ControlMessage.ChangeRequest("type", cellId, "", "", 0,
                0, 0, Map.of("text", text, "keys", String.join("\n", keys))));
    }
}
