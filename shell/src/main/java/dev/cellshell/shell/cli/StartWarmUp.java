package dev.cellshell.shell.cli;

/**
 * While {@code cell run} parses its command line, a second thread initialises what the shell's start needs first
 * and takes longest to set up on its own: logging, and Chronicle's runtime (its JVM probe and the native POSIX
 * bindings it generates with jnr-ffi, ~0.2 s). Class initialisation is once per JVM and thread-safe: whichever
 * thread gets there first does it, the other waits for it, so this only moves work onto a second core. It changes
 * nothing a failure could leave behind: no file, socket or lock.
 */
final class StartWarmUp {

    private StartWarmUp() {
    }

    static void begin() {
        Thread warm = new Thread(() -> {
            try {
                org.slf4j.LoggerFactory.getLogger(StartWarmUp.class);
                Class.forName("net.openhft.chronicle.map.ChronicleMapBuilder");
                net.openhft.posix.PosixAPI.posix();
            } catch (ClassNotFoundException | LinkageError e) {
                // The shell's own start reports what is missing.
            }
        }, "start-warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
