package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "shot", mixinStandardHelpOptions = true, description = "Save a PNG of the composited desktop, exactly as the compositor presents it.")
final class ShotCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "FILE.png", description = "Where to write the screenshot.")
    Path file;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.ShotReply> answer = ShellClient.ask("shot", workspace,
                new ControlMessage.ShotRequest(), ControlMessage.ShotReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        ControlMessage.ShotReply shot = answer.reply();
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".shot", ".png");
            Files.write(temp, shot.png());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            workspace.err().println("cell shot: cannot write " + file + ": " + e.getMessage());
            return CellCommand.REFUSED;
        }
        workspace.out().printf("wrote %s (%d bytes, scene %d)%n", file, shot.png().length, shot.sceneVersion());
        return 0;
    }
}
