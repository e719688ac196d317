package dev.cellshell.shell.cli;

import dev.cellshell.shell.install.Installer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove what cell install wrote (and nothing else; a file you changed since stays).")
final class UninstallCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try {
            List<String> done = new Installer(Installer.Home.of(System.getenv(), Path.of(System.getProperty(
                    InstallCommand.LAUNCHER_PROPERTY, "cell")))).uninstall();
            if (done.isEmpty()) {
                System.out.println("nothing to remove: CellShell is not installed for this user");
            }
            done.forEach(line -> System.out.println(line.startsWith("kept: ") ? line : "removed " + line));
            return 0;
        } catch (IOException e) {
            System.err.println("cell uninstall: " + e.getMessage());
            return CellCommand.REFUSED;
        }
    }
}
