package dev.cellshell.shell.logging;

import ch.qos.logback.classic.Level;
import dev.cellshell.ipc.logging.ConsoleLogging;
import java.util.Map;

/**
 * The shell's logging. The shell always opens its stores with recovery (it is their only owner, guaranteed by the
 * workspace lock), so Chronicle's warning about recovery on every start says nothing new.
 */
public final class ShellLogging extends ConsoleLogging {

    public ShellLogging() {
        super("shell", Map.of("net.openhft.chronicle.map.ChronicleMapBuilder", Level.ERROR));
    }
}
