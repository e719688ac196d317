package dev.cellshell.shell.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a host process is started: a JVM on the host's classpath with a capped heap that exits on
 * {@link OutOfMemoryError}, inside bubblewrap when the machine has it — the whole file system read-only, a network
 * namespace of its own (no network at all), its own process namespace, killed with the shell. The walls are set up
 * before the host's JVM runs its first instruction, so the JVM's own threads are inside them too.
 *
 * @param classpath the host's runtime classpath ({@code ./cell} passes it as {@value #CLASSPATH_PROPERTY})
 * @param runDirectory the shell's private runtime folder, where the host's socket is (left visible to the host)
 * @param heapMegabytes the host's heap cap
 */
public record HostLaunch(String classpath, Path runDirectory, Path logDirectory, int heapMegabytes,
        boolean confined) {

    public static final String CLASSPATH_PROPERTY = "cellshell.host.classpath";
    private static final String BWRAP = "/usr/bin/bwrap";

    /** The classpath from {@value #CLASSPATH_PROPERTY}, else the shell's own (in tests, which have everything). */
    public static String classpathFromSystem() {
        String classpath = System.getProperty(CLASSPATH_PROPERTY, "");
        return classpath.isBlank() ? System.getProperty("java.class.path") : classpath;
    }

    /** Confined when bubblewrap is installed and works here (user namespaces allowed), else not, with a reason. */
    public static HostLaunch of(Path runDirectory, Path logDirectory) {
        return new HostLaunch(classpathFromSystem(), runDirectory, logDirectory, 128, confinementWorks());
    }

    /** Whether {@code bwrap} is installed and can make the namespaces the host runs in. */
    public static boolean confinementWorks() {
        if (!Files.isExecutable(Path.of(BWRAP))) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder(BWRAP, "--ro-bind", "/", "/", "--dev", "/dev", "--unshare-net",
                    "--unshare-pid", "--die-with-parent", "--", "/bin/true").redirectErrorStream(true).start();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What {@code cell doctor} says about the walls on this machine. */
    public static String confinementReport() {
        if (!Files.isExecutable(Path.of(BWRAP))) {
            return "cell hosts run WITHOUT kernel walls: bubblewrap is not installed (apt-get install bubblewrap);"
                    + " the sandbox's allowlist is the only wall";
        }
        return confinementWorks()
                ? "cell hosts run inside bubblewrap: read-only file system, no network, own process namespace"
                : "cell hosts run WITHOUT kernel walls: bubblewrap is installed but cannot create namespaces here"
                        + " (user namespaces disabled?)";
    }

    List<String> command(String name, Path socket) {
        List<String> command = new ArrayList<>();
        if (confined) {
            command.addAll(List.of(BWRAP, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                    "--ro-bind", runDirectory.toString(), runDirectory.toString(),
                    "--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session", "--"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command.add(java);
        command.addAll(dev.cellshell.shell.jvm.JvmMemory.options(8));
        // Skia's library and the fonts, unpacked by this (writable) process for the host's read-only file system
        String nativeFiles = dev.cellshell.text.NativeFiles.prepare().toString();
        command.add("-D" + dev.cellshell.text.NativeFiles.DIRECTORY_PROPERTY + "=" + nativeFiles);
        command.add("-Dskija.library.path=" + nativeFiles);
        command.addAll(List.of("-Xmx" + heapMegabytes + "m", "-Xss1m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US",
                "-cp", classpath, "dev.cellshell.host.HostMain", "--socket", socket.toString(), "--name", name));
        return command;
    }
}
