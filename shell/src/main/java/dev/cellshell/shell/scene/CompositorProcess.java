package dev.cellshell.shell.scene;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the compositor: a separate JVM on the compositor's own classpath (the shell never loads compositor
 * classes), with its output appended to a log file in the workspace's run folder.
 *
 * @param classpath the compositor's runtime classpath; {@code ./cell} passes it as {@code cellshell.compositor.classpath}
 * @param surfaces one window per surface of the desktop (typed for the window manager) instead of one window with
 *     all of them
 * @param renderer the graphics API ({@code vulkan}, {@code gl}, {@code cpu} or {@code auto}), passed as
 *     {@code --renderer}
 */
public record CompositorProcess(String classpath, Path socket, Path region, Path log, boolean headless, int width,
        int height, boolean surfaces, String renderer) {

    /** The renderers {@code --renderer} takes. */
    public static final java.util.List<String> RENDERERS = java.util.List.of("auto", "vulkan", "gl", "cpu");

    public CompositorProcess {
        if (!RENDERERS.contains(renderer)) {
            throw new IllegalArgumentException("unknown renderer '" + renderer + "': choose one of "
                    + String.join(", ", RENDERERS));
        }
    }

    public CompositorProcess(String classpath, Path socket, Path region, Path log, boolean headless, int width,
            int height) {
        this(classpath, socket, region, log, headless, width, height, false, "auto");
    }

    public static final String CLASSPATH_PROPERTY = "cellshell.compositor.classpath";
    /** Extra JVM options for the compositor, space-separated ({@code ./cell run --dev} passes HotswapAgent's). */
    public static final String JVM_ARGS_PROPERTY = "cellshell.compositor.jvmArgs";

    /** The classpath from the system property, or a clear error saying how to run. */
    public static String classpathFromSystem() {
        String classpath = System.getProperty(CLASSPATH_PROPERTY);
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("the compositor's classpath is not known: start the shell with ./cell run"
                    + " (or pass -D" + CLASSPATH_PROPERTY + "=...)");
        }
        return classpath;
    }

    Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-Xmx384m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(dev.cellshell.shell.jvm.JvmMemory.options(8));
        dev.cellshell.shell.cds.ClassDataArchive.of("compositor", classpath)
                .ifPresent(archive -> command.addAll(archive.jvmOptions()));
        String extra = System.getProperty(JVM_ARGS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, "dev.cellshell.compositor.CompositorMain", "--socket",
                socket.toString(), "--scene-region", region.toString(), "--size", width + "x" + height,
                "--renderer", renderer));
        if (headless) {
            command.add("--headless");
        } else if (surfaces) {
            command.add("--surfaces");
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }
}
