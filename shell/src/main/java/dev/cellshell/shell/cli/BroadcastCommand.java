package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "broadcast", mixinStandardHelpOptions = true, description = {
    "Tell every cell TOPIC = VALUE (Cell.onBroadcast), e.g. 'cell broadcast zone Asia/Tokyo'; the cells that",
    "care draw again. Audited; nothing is saved (use 'cell theme' to change the theme)."})
final class BroadcastCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Parameters(index = "1", paramLabel = "VALUE", defaultValue = "")
    String value;

    @Override
    public Integer call() {
        return ChangeCommands.send("broadcast", workspace, new ControlMessage.ChangeRequest("broadcast",
                "", topic, "", 0, 0, 0, Map.of("value", value)));
    }
}
