package dev.cellshell.tests;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real shell started through the README's launcher ({@code ./cell run}), in its own workspace, with the real
 * compositor it starts. CLI verbs run as real {@code ./cell} processes too.
 */
final class RunningShell implements AutoCloseable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String FROZEN = "2026-11-29T10:09:30Z";

    /** What a {@code ./cell} verb printed and returned. */
    record Result(int exit, String out, String err) {
    }

    private final Path workspace;
    private final Process process;
    private final Path log;

    private RunningShell(Path workspace, Process process, Path log) {
        this.workspace = workspace;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code ./cell run --workspace DIR --frozen-time …} plus {@code flags}; returns once a frame is presented. */
    static RunningShell start(Path workspace, Map<String, String> environment, String... flags) throws Exception {
        RunningShell shell = launch(workspace, environment, flags);
        shell.awaitPresented(1, Duration.ofSeconds(90));
        return shell;
    }

    /** Starts like {@link #start} but returns as soon as the control socket answers, before any frame. */
    static RunningShell startWithoutWaitingForFrames(Path workspace, Map<String, String> environment,
            String... flags) throws Exception {
        RunningShell shell = launch(workspace, environment, flags);
        shell.awaitPresented(-1, Duration.ofSeconds(90));
        return shell;
    }

    /** Starts like {@link #start} with the desktop's clock running (cells re-render as time goes on). */
    static RunningShell startLive(Path workspace, String... flags) throws Exception {
        List<String> all = new ArrayList<>(List.of(flags));
        all.add(0, "--live-clock");
        RunningShell shell = launch(workspace, Map.of(), all.toArray(String[]::new));
        shell.awaitPresented(1, Duration.ofSeconds(90));
        return shell;
    }

    /** Starts like {@link #start}, inside network namespace {@code netns} ({@code ip netns exec}). */
    static RunningShell startIn(String netns, Path workspace, Map<String, String> environment, String... flags)
            throws Exception {
        List<String> prefix = new ArrayList<>(NetworkNamespaces.asRoot());
        prefix.addAll(List.of("ip", "netns", "exec", netns));
        RunningShell shell = launch(prefix, workspace, environment, flags);
        shell.awaitPresented(1, Duration.ofSeconds(90));
        return shell;
    }

    private static RunningShell launch(Path workspace, Map<String, String> environment, String... flags)
            throws Exception {
        return launch(List.of(), workspace, environment, flags);
    }

    private static RunningShell launch(List<String> prefix, Path workspace, Map<String, String> environment,
            String... flags) throws Exception {
        Path log = workspace.resolveSibling(workspace.getFileName() + "-shell.log");
        boolean live = flags.length > 0 && flags[0].equals("--live-clock");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(ROOT.resolve("cell").toString(), "run", "--workspace", workspace.toString()));
        if (live) {
            flags = java.util.Arrays.copyOfRange(flags, 1, flags.length);
        } else {
            command.addAll(List.of("--frozen-time", FROZEN));
        }
        command.addAll(List.of(flags));
        if (!command.contains("--template")) {
            // The three-cell demo (label, button, clock) is what most tests drive; a test of the designed desktop
            // passes --template desktop.
            command.addAll(List.of("--template", "demo"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        builder.environment().remove("DISPLAY");
        // Never the person's buses: a test shell would own their notifications and tray. A test that wants the
        // organelles gives its own bus (and CELLSHELL_ORGANELLES=system).
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        builder.environment().remove("DBUS_SYSTEM_BUS_ADDRESS");
        builder.environment().put("CELLSHELL_ORGANELLES", "none");
        builder.environment().putAll(environment);
        return new RunningShell(workspace, builder.start(), log);
    }

    Path workspace() {
        return workspace;
    }

    /** Runs {@code ./cell VERB ARGS --workspace DIR}. */
    Result cli(String... verbAndArgs) throws Exception {
        return cli(workspace, verbAndArgs);
    }

    /** Runs {@code ./cell VERB ARGS --workspace DIR}, whether a shell runs there or not. */
    static Result cli(Path workspace, String... verbAndArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("cell").toString()));
        command.addAll(List.of(verbAndArgs));
        command.addAll(List.of("--workspace", workspace.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        Path out = Files.createTempFile("cell-out", ".txt");
        Path err = Files.createTempFile("cell-err", ".txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./cell " + String.join(" ", verbAndArgs) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Asks the shell over its control socket. */
    ControlMessage call(ControlMessage request) throws IOException {
        try (Connection<ControlMessage> c = Connection.open(dev.cellshell.shell.workspace.Workspace.controlSocket(workspace),
                ControlMessage.CODEC)) {
            return c.call(request);
        }
    }

    ControlMessage.StatusReply status() throws IOException {
        return (ControlMessage.StatusReply) call(new ControlMessage.StatusRequest());
    }

    /** Waits until the compositor has presented scene {@code version} or later. */
    void awaitPresented(long version, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the shell exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                ControlMessage.StatusReply status = status();
                if (status.presentedScene() >= version) {
                    return;
                }
                last = "presented scene " + status.presentedScene();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no frame presented within " + timeout + " (" + last + "):\n" + log());
    }

    String log() {
        try {
            String shell = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Path compositor = workspace.resolve("logs/compositor.log");
            return shell + (Files.exists(compositor) ? "\n--- compositor.log ---\n" + Files.readString(compositor) : "");
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The shell JVM's process id ({@code ./cell run} execs it). */
    long pid() {
        return process.pid();
    }

    /** The compositor process the shell started. */
    java.util.Optional<ProcessHandle> compositor() {
        return childJvms("dev.cellshell.compositor.CompositorMain").findFirst();
    }

    /** The JVMs of the shell's cell hosts (inside bubblewrap where it works). */
    List<ProcessHandle> hosts() {
        return childJvms("dev.cellshell.host.HostMain").toList();
    }

    private java.util.stream.Stream<ProcessHandle> childJvms(String mainClass) {
        return process.toHandle().descendants().filter(p -> p.isAlive()
                && p.info().command().orElse("").endsWith("/java")
                && p.info().commandLine().orElse("").contains(mainClass));
    }

    /** SIGKILL to the shell JVM, as a crash would; its compositor notices and exits by itself. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
