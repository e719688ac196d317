package dev.cellshell.shell.cli;

/**
 * While {@code cell run} parses its command line (picocli's set-up, ~0.1 s), a second thread initialises what the
 * shell's start needs first and takes longest to set up on its own, in the order the start needs it: logging, the
 * JDK's SHA-256 and secure random (the runtime folder's name, atomic writes), Chronicle's runtime (its JVM probe and
 * the native POSIX bindings it generates with jnr-ffi, ~0.2 s), then the tissue's and the compiler's classes. Class initialisation is once per JVM and thread-safe: whichever
 * thread gets there first does it, the other waits for it, so this only moves work onto a second core. It changes
 * nothing a failure could leave behind: no file, socket or lock.
 */
final class StartWarmUp {

    private StartWarmUp() {
    }

    /** Classes the start initialises after the stores: the tissue, the scene link, the compiler. */
    private static final String[] LATER = {"dev.cellshell.shell.Shell", "dev.cellshell.shell.scene.SceneLink",
        "dev.cellshell.shell.tissue.Tissue", "dev.cellshell.livecompiler.LiveCompiler",
        "org.eclipse.jdt.internal.compiler.Compiler", "dev.cellshell.shell.host.HostProcess",
        "dev.cellshell.shell.control.ControlServer"};

    static void begin() {
        Thread warm = new Thread(() -> {
            try {
                org.slf4j.LoggerFactory.getLogger(StartWarmUp.class);
                java.security.MessageDigest.getInstance("SHA-256");
                new java.security.SecureRandom().nextLong();
                Class.forName("net.openhft.chronicle.map.ChronicleMapBuilder");
                net.openhft.posix.PosixAPI.posix();
                for (String name : LATER) {
                    Class.forName(name);
                }
            } catch (ClassNotFoundException | java.security.NoSuchAlgorithmException | LinkageError e) {
                // The shell's own start reports what is missing.
            }
        }, "start-warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
