package dev.cellshell.shell.cli;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true, description = {
    "Start a new cell type from the template (the built-in Hello cell): writes cells/NAME/NAME.java and, when a",
    "shell is running, puts a cell of it on the desktop. Then edit the file in any editor: each save swaps it in."})
final class NewCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "NAME", description = "The new type's class name, e.g. Pomodoro.")
    String name;

    @Option(names = "--at", defaultValue = "center", description = "Where the first cell goes (default center).")
    String at;

    @Override
    public Integer call() {
        if (!name.matches("[A-Z][A-Za-z0-9_]*")) {
            System.err.println("cell new: a cell type is a Java class name starting with a capital letter, not '"
                    + name + "'");
            return CellCommand.USAGE;
        }
        Path root = workspace.resolve();
        Path file = root.resolve("cells").resolve(name).resolve(name + ".java");
        if (Files.exists(file.getParent())) {
            System.err.println("cell new: " + file.getParent() + " exists already");
            return CellCommand.REFUSED;
        }
        String source = Assets.cellSource("Hello").replace("public class Hello implements Cell",
                "public class " + name + " implements Cell").replace(
                "/** The template a new cell starts from: a card that counts its clicks. Edit it and save: it changes "
                        + "live. */", "/** " + name + ": a new cell, made from the template. */");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        } catch (IOException e) {
            System.err.println("cell new: cannot write " + file + ": " + e.getMessage());
            return CellCommand.REFUSED;
        }
        System.out.println("created " + file);
        if (!Files.exists(Workspace.controlSocket(root))) {
            System.out.println("no shell is running; './cell run' will find it, and 'cell spawn " + name + "' puts it "
                    + "on the desktop");
            return 0;
        }
        return ChangeCommands.send("spawn", root, new ControlMessage.ChangeRequest("spawn", "", name, at, 24, 0, 0,
                Map.of()));
    }
}
