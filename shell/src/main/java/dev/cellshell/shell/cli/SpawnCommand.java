package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "spawn", mixinStandardHelpOptions = true, description = {
    "Add a cell of TYPE (a folder under the workspace's cells/), e.g. cell spawn Clock --at bottom-right."})
final class SpawnCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "TYPE")
    String type;

    @Option(names = "--at", defaultValue = "center", description = "top-left, top, top-right, left, center, right, "
            + "bottom-left, bottom or bottom-right (default ${DEFAULT-VALUE}).")
    String at;

    @Option(names = "--margin", defaultValue = "24")
    float margin;

    @Option(names = "--size", paramLabel = "WxH", description = "Default: the size the type declares (cell catalog).")
    String size;

    @Option(names = "--id", defaultValue = "", description = "Default: the type's name in lower case.")
    String id;

    @Option(names = "--prop", paramLabel = "KEY=VALUE")
    List<String> props;

    @Option(names = "--in", paramLabel = "CONTAINER", defaultValue = "",
            description = "Put the cell inside this container cell (one with a layout, e.g. a Panel); it places it.")
    String in;

    @Option(names = "--isolation", paramLabel = "shared|solo", defaultValue = "shared",
            description = "shared: the cell host of the built-in and your own cells (default); solo: a host of its own,"
                    + " killed and restarted alone")
    String isolation;

    @Option(names = "--on", paramLabel = "NODE", defaultValue = "",
            description = "Run the cell on this paired node (cell nodes): its services are that machine's, its frames "
                    + "draw here.")
    String node;

    @Option(names = "--on-surface", paramLabel = "SURFACE", defaultValue = "",
            description = "The surface to put the cell on, e.g. bar (cell surfaces lists them; default: the first).")
    String surface;

    @Override
    public Integer call() {
        float width = 0;
        float height = 0;
        if (size != null) {
            String[] wh = size.split("x");
            try {
                if (wh.length != 2) {
                    throw new NumberFormatException(size);
                }
                width = Float.parseFloat(wh[0]);
                height = Float.parseFloat(wh[1]);
            } catch (NumberFormatException e) {
                workspace.err().println("cell spawn: --size wants WIDTHxHEIGHT, e.g. 240x80, not '" + size + "'");
                return CellCommand.USAGE;
            }
            if (!(width > 0 && height > 0 && width <= 100_000 && height <= 100_000)) {
                workspace.err().println("cell spawn: --size wants a positive width and height, not '" + size + "'");
                return CellCommand.USAGE;
            }
        }
        if (!isolation.equals("shared") && !isolation.equals("solo")) {
            workspace.err().println("cell spawn: --isolation is shared or solo, not '" + isolation + "'");
            return CellCommand.USAGE;
        }
        return ChangeCommands.send("spawn", workspace, new ControlMessage.ChangeRequest("spawn", id, type,
                at, margin, width, height, ChangeCommands.props(props), in, node.isEmpty() ? isolation
                        : "node:" + node, surface));
    }
}
