package dev.cellshell.shell.cli;

import dev.cellshell.shell.install.Installer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "install", mixinStandardHelpOptions = true, description = {
    "Install CellShell for you (no root): a menu entry with its icon, and optionally an autostart entry and a",
    "session to log in to (openbox + CellShell as the desktop). cell uninstall removes exactly what it wrote."})
final class InstallCommand implements Callable<Integer> {

    /** The launcher ./cell passes (the checkout's cell script, or an app image's launcher). */
    static final String LAUNCHER_PROPERTY = "cellshell.launcher";

    @Option(names = "--autostart", description = "Also start CellShell when you log in to your usual desktop.")
    boolean autostart;

    @Option(names = "--session", description = {"Also write a session (openbox + CellShell as the desktop) and its",
        "xsessions entry; a display manager lists it once it is copied to /usr/share/xsessions."})
    boolean session;

    @Override
    public Integer call() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY, "");
        if (launcher.isBlank()) {
            System.err.println("cell install: run it through ./cell install (the launcher is not known)");
            return CellCommand.USAGE;
        }
        try {
            List<Path> written = new Installer(Installer.Home.of(System.getenv(), Path.of(launcher)))
                    .install(autostart, session);
            written.forEach(p -> System.out.println("wrote " + p));
            written.stream().filter(p -> p.toString().endsWith("xsessions/cellshell.desktop")).findFirst()
                    .ifPresent(p -> System.out.println("To offer the session at login: sudo cp " + p
                            + " /usr/share/xsessions/"));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("cell install: " + e.getMessage());
            return CellCommand.REFUSED;
        }
    }
}
