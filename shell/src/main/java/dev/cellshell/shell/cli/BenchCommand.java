package dev.cellshell.shell.cli;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.StatusReply;
import dev.cellshell.ipc.ControlMessage.SwapReply;
import dev.cellshell.shell.scene.CompositorProcess;
import dev.cellshell.shell.workspace.Workspace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cell bench}: starts a fresh headless shell in a scratch workspace (timing the cold start to its first
 * presented frame, with an empty generation store; then again in one reused workspace whose store already holds
 * the compiled cells), then swaps the Label's source many times over the control socket, and prints JSON with medians
 * and 95th percentiles. Figures are wall-clock on whatever else the machine is doing: quote medians.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure cold start and edit→pixel on a scratch headless shell (the demo template); prints JSON.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--swaps", defaultValue = "60", description = "Measured swaps (default ${DEFAULT-VALUE}).")
    int swaps;

    @Option(names = "--warmup", defaultValue = "15", description = "Unmeasured swaps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--cold-starts", defaultValue = "3", description = "Cold starts to time (default ${DEFAULT-VALUE}).")
    int coldStarts;

    @Option(names = "--start-only", description = "Time the starts only (first run, cold, warm generation store).")
    boolean startOnly;

    @Option(names = "--renderer", paramLabel = "API", defaultValue = "auto",
            description = "The compositor's renderer, as cell run takes it (default ${DEFAULT-VALUE}).")
    String renderer;

    @Override
    public Integer call() throws Exception {
        List<Double> coldMs = new ArrayList<>();
        StatusReply status = null;
        List<Double> editToPixel = new ArrayList<>();
        List<Double> roundTrip = new ArrayList<>();
        List<Double> compile = new ArrayList<>();
        List<Double> firstSwap = new ArrayList<>();
        ControlMessage.StatsReply input = null;
        List<Double> askToPixel = new ArrayList<>();
        List<Double> hostRestart = new ArrayList<>();
        List<Double> statusDuringHang = new ArrayList<>();
        List<Double> setDuringHang = new ArrayList<>();
        String resident = "null";
        String verbs = "null";
        String firstRun = firstRunWithoutArchives();
        for (int run = 0; run < coldStarts; run++) {
            Path workspace = Files.createTempDirectory("cellshell-bench");
            long spawned = System.nanoTime();
            Process shell = startShell(workspace);
            try {
                status = awaitFirstFrame(workspace, shell);
                coldMs.add((System.nanoTime() - spawned) / 1e6);
                if (startOnly) {
                    continue;
                }
                Thread.sleep(FIRST_SWAP_DELAY_MS);
                firstSwap.add(swapOnce(workspace, "first swap " + run).editToPixelNanos() / 1e6);
                if (run == coldStarts - 1) {
                    measureSwaps(workspace, editToPixel, roundTrip, compile);
                    input = measureClicks(workspace);
                    resident = BenchFootprint.resident(shell);
                    verbs = measureVerbs(workspace);
                    measureAsks(workspace, askToPixel);
                    measureHostRestarts(workspace, shell, hostRestart);
                    measureDuringHang(workspace, statusDuringHang, setDuringHang);
                }
            } finally {
                shell.destroy();
                if (!shell.waitFor(10, TimeUnit.SECONDS)) {
                    shell.destroyForcibly();
                }
            }
        }
        List<Double> warmStoreMs = new ArrayList<>();
        Path reused = Files.createTempDirectory("cellshell-bench-warm");
        for (int run = 0; run <= coldStarts; run++) {
            long spawned = System.nanoTime();
            Process shell = startShell(reused);
            try {
                awaitFirstFrame(reused, shell);
                if (run > 0) {
                    warmStoreMs.add((System.nanoTime() - spawned) / 1e6);
                }
            } finally {
                shell.destroy();
                if (!shell.waitFor(10, TimeUnit.SECONDS)) {
                    shell.destroyForcibly();
                }
            }
        }
        if (startOnly) {
            System.out.printf(Locale.ROOT, "{%n  \"first_run_without_class_data_archives_ms\": %s,%n  \"cold_start_ms\": %s,%n"
                    + "  \"cold_start_warm_generation_store_ms\": %s%n}%n", firstRun, stats(coldMs), stats(warmStoreMs));
            return 0;
        }
        System.out.println(json(status, coldMs, warmStoreMs, firstSwap, editToPixel, roundTrip, compile, input)
                .replace("\n}", ",\n  \"ask_to_pixel_ms\": " + stats(askToPixel)
                        + ",\n  \"host_kill_to_cells_back_ms\": " + stats(hostRestart)
                        + ",\n  \"while_a_solo_cell_hangs_ms\": {\"status\": " + stats(statusDuringHang)
                        + ", \"set_on_a_shared_cell\": " + stats(setDuringHang) + "}"
                        + ",\n  \"first_run_without_class_data_archives_ms\": " + firstRun
                        + ",\n  \"resident_mb\": " + resident
                        + ",\n  \"default_desktop\": " + defaultDesktop()
                        + ",\n  \"cell_verb_end_to_end_ms\": " + verbs
                        + ",\n  \"reference_conky\": " + BenchFootprint.conky(coldStarts) + "\n}"));
        return 0;
    }

    /**
     * A headless shell started as a user starts it, through {@code ./cell run} (its class-data archives and JVM
     * options included); without the launcher (a test), this JVM's java with its module options.
     */
    private Process startShell(Path workspace) throws IOException {
        return startShell(workspace, "", List.of("--template", "demo"));
    }

    private Process startShell(Path workspace, String javaOptions, List<String> template) throws IOException {
        List<String> command = new ArrayList<>();
        String launcher = System.getProperty("cellshell.launcher", "");
        ProcessBuilder builder = new ProcessBuilder();
        if (!launcher.isEmpty() && Files.isExecutable(Path.of(launcher))) {
            command.add(launcher);
            builder.environment().put("CELLSHELL_NO_BUILD", "1");
            builder.environment().put("CELLSHELL_JAVA_OPTS", (System.getenv().getOrDefault("CELLSHELL_JAVA_OPTS", "")
                    + " -Dcellshell.warmUpCompiles=" + Integer.getInteger("cellshell.warmUpCompiles", 20) + " "
                    + javaOptions).strip());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(dev.cellshell.shell.cds.ClassDataArchive.moduleOptionsOfThisJvm());
            command.addAll(List.of("-Xss2m", "-XX:+UseSerialGC",
                    "-D" + CompositorProcess.CLASSPATH_PROPERTY + "=" + CompositorProcess.classpathFromSystem(),
                    "-D" + dev.cellshell.shell.host.HostLaunch.CLASSPATH_PROPERTY + "="
                            + dev.cellshell.shell.host.HostLaunch.classpathFromSystem(),
                    "-Dcellshell.warmUpCompiles=" + Integer.getInteger("cellshell.warmUpCompiles", 20),
                    "-cp", System.getProperty("java.class.path"), CellCommand.class.getName()));
        }
        command.addAll(List.of("run", "--headless", "--renderer", renderer, "--workspace", workspace.toString()));
        command.addAll(template);
        return builder.command(command).redirectErrorStream(true)
                .redirectOutput(workspace.resolveSibling(workspace.getFileName() + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    private static StatusReply awaitFirstFrame(Path workspace, Process shell) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!shell.isAlive()) {
                throw new IllegalStateException("the benchmark shell exited with " + shell.exitValue());
            }
            try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                    ControlMessage.CODEC)) {
                StatusReply status = (StatusReply) c.call(new ControlMessage.StatusRequest());
                if (status.presentedScene() >= 1) {
                    return status;
                }
            } catch (IOException notYet) {
                // The shell has not bound its control socket yet.
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no frame presented within 120 s");
    }

    /**
     * The very first start after a build, as a new user's first {@code cell run} is: no class-data archives, an empty
     * generation store (milliseconds to the first frame). That shell then builds the archives at once, so that every
     * start measured after it maps them, as every start but the first does (a build during a measurement would take
     * a core from it).
     */
    private String firstRunWithoutArchives() throws Exception {
        String launcher = System.getProperty("cellshell.launcher", "");
        if (launcher.isEmpty()) {
            return "null";
        }
        Path archives = Path.of(launcher).toAbsolutePath().getParent().resolve("target/cds");
        if (Files.isDirectory(archives)) {
            try (var old = Files.list(archives)) {
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Path workspace = Files.createTempDirectory("cellshell-bench-first");
        long spawned = System.nanoTime();
        Process shell = startShell(workspace, "-Dcellshell.cds.settleMillis=0", List.of("--template", "demo"));
        try {
            awaitFirstFrame(workspace, shell);
            double millis = (System.nanoTime() - spawned) / 1e6;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(Files.exists(archives.resolve("shell.jsa")) && Files.exists(archives.resolve("compositor.jsa")))) {
                if (System.nanoTime() > deadline || !shell.isAlive()) {
                    throw new IllegalStateException("the class-data archives were not built (see " + workspace
                            + ".log)");
                }
                Thread.sleep(200);
            }
            return String.format(Locale.ROOT, "%.2f", millis);
        } finally {
            shell.destroy();
            if (!shell.waitFor(10, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        }
    }

    /**
     * How long the default desktop runs before its memory is read: its start-up compiles and collections done, and
     * the JVMs' first C-heap trim (every 30 s: JvmMemory) behind it.
     */
    private static final long SETTLE_MS = 35_000;

    /**
     * The default desktop ({@code cell run} without a template: panel, clock, calendar, monitor, notes …) on a fresh
     * workspace: the resident memory of its processes once settled, and {@code cell status} against it.
     */
    private String defaultDesktop() throws Exception {
        Path workspace = Files.createTempDirectory("cellshell-bench-default");
        Process shell = startShell(workspace, "", List.of("--template", "desktop"));
        try {
            StatusReply status = awaitFirstFrame(workspace, shell);
            Thread.sleep(SETTLE_MS);
            return "{\"cells\": " + status.cells().size() + ", \"resident_mb\": " + BenchFootprint.resident(shell)
                    + "}";
        } finally {
            shell.destroy();
            if (!shell.waitFor(10, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        }
    }

    /** {@code cell status}, {@code cell set} and {@code cell ask --dry-run} end to end through the launcher. */
    private static String measureVerbs(Path workspace) throws Exception {
        String launcher = System.getProperty("cellshell.launcher", "");
        if (launcher.isEmpty()) {
            return "null";
        }
        BenchFootprint.verb(launcher, workspace, 1, "status");   // the client's class-data archive, if it is missing
        return "{\"status\": " + stats(BenchFootprint.verb(launcher, workspace, 10, "status"))
                + ", \"set\": " + stats(BenchFootprint.verb(launcher, workspace, 10, "set", "label", "size=20"))
                + ", \"ask_dry_run\": " + stats(BenchFootprint.verb(launcher, workspace, 10, "ask", "--dry-run",
                        "make the clock bigger")) + "}";
    }

    /** A cell host's JVM: its main class on the command line, or the JVM bubblewrap started. */
    private static boolean isHost(ProcessHandle p) {
        return p.info().command().orElse("").endsWith("/java") && (p.info().commandLine().orElse("")
                .contains("HostMain") || p.parent().flatMap(q -> q.info().command()).orElse("").endsWith("bwrap"));
    }

    /**
     * Kills the shared cell host with SIGKILL ten times and times each kill to the moment a click on the Button is
     * handled again by a new host.
     */
    private static void measureHostRestarts(Path workspace, Process shell, List<Double> restart)
            throws IOException, InterruptedException {
        for (int i = 0; i < 10; i++) {
            ProcessHandle host = shell.toHandle().descendants().filter(BenchCommand::isHost).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no cell host under the shell"));
            long killed = System.nanoTime();
            host.destroyForcibly();
            host.onExit().join();
            try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                    ControlMessage.CODEC)) {
                // The first click may be what finds the host gone; the tissue thread restores the host's cells
                // before it takes the second, whose answer therefore means the cells are back.
                c.call(new ControlMessage.ClickRequest(100, 200));
                c.call(new ControlMessage.ClickRequest(100, 200));
            }
            restart.add((System.nanoTime() - killed) / 1e6);
            Thread.sleep(500);
        }
    }

    /** Draws three times, then hangs in a JDK loop that only its host's deadline stops. */
    private static final String HANG = """
            import dev.cellshell.widgets.*;

            /** Hangs in its fourth render. */
            public class Hang implements Cell {
                int renders;

                @Override
                public void render(Canvas canvas, CellContext context) {
                    if (++renders > 3) {
                        canvas.drawText("" + java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum(), 0, 0, 9, 0,
                                Align.LEFT);
                    }
                    canvas.fillRect(0, 0, context.width(), context.height(), 0xFFBF616A);
                    context.renderAgainIn(100);
                }
            }
            """;

    /**
     * For three seconds from spawning a solo cell that hangs its host (until the deadline kills it), times
     * {@code cell status} and a {@code set} of the Label (a cell of the shared host) back to back: what a person
     * using the desktop feels while one cell hangs.
     */
    private static void measureDuringHang(Path workspace, List<Double> status, List<Double> set)
            throws IOException, InterruptedException {
        Files.createDirectories(workspace.resolve("cells/Hang"));
        Files.writeString(workspace.resolve("cells/Hang/Hang.java"), HANG);
        try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                ControlMessage.CODEC)) {
            ControlMessage spawned = c.call(new ControlMessage.ChangeRequest("spawn", "hang", "Hang", "bottom-right",
                    24, 120, 40, java.util.Map.of(), "", "solo"));
            if (!(spawned instanceof ControlMessage.ChangeReply reply) || !reply.done()) {
                throw new IllegalStateException("the hanging cell did not spawn: " + spawned);
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            for (int i = 0; System.nanoTime() < end; i++) {
                long asked = System.nanoTime();
                c.call(new ControlMessage.StatusRequest());
                status.add((System.nanoTime() - asked) / 1e6);
                asked = System.nanoTime();
                c.call(new ControlMessage.ChangeRequest("set", "label", "", "", 0, 0, 0,
                        java.util.Map.of("text", "during a hang " + i)));
                set.add((System.nanoTime() - asked) / 1e6);
                Thread.sleep(20);
            }
            c.call(new ControlMessage.ChangeRequest("rm", "hang", "", "", 0, 0, 0, java.util.Map.of()));
        }
    }

    /** A person's first edit comes seconds after start: by then the background warm-up has run. */
    private static final long FIRST_SWAP_DELAY_MS = 3_000;

    private static SwapReply swapOnce(Path workspace, String text) throws IOException {
        try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                ControlMessage.CODEC)) {
            ControlMessage reply = c.call(new ControlMessage.SwapRequest("label", "Label.java", Assets.cellSource(
                    "Label").replace("props.string(\"text\", \"Hello, CellShell\")", "\"" + text + "\"")));
            if (!(reply instanceof SwapReply swap) || !swap.swapped() || swap.editToPixelNanos() < 0) {
                throw new IllegalStateException("the first swap did not reach the screen: " + reply);
            }
            return swap;
        }
    }

    private void measureSwaps(Path workspace, List<Double> editToPixel, List<Double> roundTrip,
            List<Double> compile) throws IOException {
        String label = Assets.cellSource("Label");
        try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                ControlMessage.CODEC)) {
            for (int i = 0; i < warmup + swaps; i++) {
                String source = label.replace("props.string(\"text\", \"Hello, CellShell\")", "\"edit " + i + "\"");
                long sent = System.nanoTime();
                ControlMessage reply = c.call(new ControlMessage.SwapRequest("label", "Label.java", source));
                long received = System.nanoTime();
                if (!(reply instanceof SwapReply swap) || !swap.swapped() || swap.editToPixelNanos() < 0) {
                    throw new IllegalStateException("swap " + i + " did not reach the screen: " + reply);
                }
                if (i >= warmup) {
                    editToPixel.add(swap.editToPixelNanos() / 1e6);
                    roundTrip.add((received - sent) / 1e6);
                    compile.add(swap.compileNanos() / 1e6);
                }
            }
        }
    }

    /**
     * Clicks the Button (press + release, each redrawing it) as many times as there are measured swaps; the shell
     * times each event from its arrival to the presented frame showing it.
     */
    private ControlMessage.StatsReply measureClicks(Path workspace) throws IOException {
        try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                ControlMessage.CODEC)) {
            for (int i = 0; i < (warmup + swaps) / 2; i++) {
                c.call(new ControlMessage.ClickRequest(100, 200));
            }
            ControlMessage reply = c.call(new ControlMessage.StatsRequest());
            if (!(reply instanceof ControlMessage.StatsReply stats)) {
                throw new IllegalStateException("no statistics: " + reply);
            }
            return stats;
        }
    }

    /**
     * Plain-language requests through the offline engine (model loaded: the first frame came seconds ago), each
     * changing the label, timed from the request reaching the shell to the frame that shows it.
     */
    private void measureAsks(Path workspace, List<Double> askToPixel) throws IOException {
        try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                ControlMessage.CODEC)) {
            for (int i = 0; i < warmup + swaps; i++) {
                String request = i % 2 == 0 ? "make the label a bit bigger" : "make the label a bit smaller";
                ControlMessage reply = c.call(new ControlMessage.AskRequest(request, false));
                if (!(reply instanceof ControlMessage.AskReply ask) || !ask.applied()) {
                    throw new IllegalStateException("ask " + i + " was not applied: " + reply);
                }
                if (i >= warmup && ask.editToPixelNanos() >= 0) {
                    askToPixel.add(ask.editToPixelNanos() / 1e6);
                }
            }
        }
    }

    private static String json(StatusReply status, List<Double> coldMs, List<Double> warmStoreMs,
            List<Double> firstSwap,
            List<Double> editToPixel,
            List<Double> roundTrip, List<Double> compile, ControlMessage.StatsReply input) {
        return String.format(Locale.ROOT, """
                {
                  "machine": {"cores": %d, "java": "%s", "renderer": "%s"},
                  "cold_start_ms": %s,
                  "cold_start_warm_generation_store_ms": %s,
                  "first_swap_edit_to_pixel_ms": %s,
                  "edit_to_pixel_ms": %s,
                  "swap_round_trip_ms": %s,
                  "compile_ms": %s,
                  "input_to_presented_ms": %s
                }""", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                status == null ? "" : status.renderer().replace("\"", "'"), stats(coldMs), stats(warmStoreMs), stats(firstSwap),
                stats(editToPixel),
                stats(roundTrip), stats(compile), input == null ? "null" : String.format(Locale.ROOT,
                        "{\"n\": %d, \"p50\": %.2f, \"p95\": %.2f}", input.inputSamples(), input.inputP50Ms(),
                        input.inputP95Ms()));
    }

    static String stats(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return "null";
        }
        return String.format(Locale.ROOT, "{\"n\": %d, \"p50\": %.2f, \"p95\": %.2f, \"min\": %.2f, \"max\": %.2f}",
                sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[0], sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
