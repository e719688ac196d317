package dev.cellshell.organelles.apps;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts applications the way a desktop does: through {@code setsid --fork}, so the program is in a session of its
 * own, a child of init (or the nearest subreaper), not of the shell, and outlives it; standard input from
 * {@code /dev/null}, output discarded; the shell's environment minus what is the desktop's own (its JVM options,
 * class path, {@code CELLSHELL_*}).
 */
public final class DetachedLauncher implements Launcher {

    private static final List<String> OWN = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
            "CLASSPATH", "JAVA_HOME");

    @Override
    public void start(List<String> argv, Path workingDirectory) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "--fork"));
        command.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Path dir = workingDirectory != null && Files.isDirectory(workingDirectory) ? workingDirectory
                : Path.of(System.getProperty("user.home"));
        builder.directory(dir.toFile());
        clean(builder.environment());
        builder.start(); // setsid forks the program and exits at once; the JDK reaps it
    }

    static void clean(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("CELLSHELL_") || OWN.contains(k));
    }
}
