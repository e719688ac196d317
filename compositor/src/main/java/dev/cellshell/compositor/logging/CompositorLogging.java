package dev.cellshell.compositor.logging;

import dev.cellshell.ipc.logging.ConsoleLogging;
import java.util.Map;

/** The compositor's logging. */
public final class CompositorLogging extends ConsoleLogging {

    public CompositorLogging() {
        super("compositor", Map.of());
    }
}
