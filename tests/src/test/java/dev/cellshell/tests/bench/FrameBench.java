package dev.cellshell.tests.bench;

import dev.cellshell.compositor.CompositorMain;
import dev.cellshell.compositor.gl.EglOffscreenSurface;
import dev.cellshell.compositor.gl.ProcessClock;
import dev.cellshell.compositor.paint.GpuPainter;
import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneRegion;
import dev.cellshell.ipc.SocketServer;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Color;
import dev.cellshell.runtime.DisplayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The compositor's frame cost, damage-driven layers side by side with immediate drawing of the same scene, in one
 * run. Part one paints in this JVM through the real GL path (EGL surfaceless on Mesa) and reads process CPU time
 * ({@code CLOCK_PROCESS_CPUTIME_ID}: llvmpipe rasterises on its own threads) per frame: a full repaint (every cell
 * changed) and one dirty cell, for 10, 100 and 1,000 cells, overlapping (120×40, about five deep) and not (a grid).
 * Part two starts the real compositor process and publishes to it as the shell does (display lists in shared
 * memory): publish → {@code FramePresented} for one dirty cell among 1,000, and the compositor's CPU over an idle
 * second. Prints JSON. Run: {@code ./cell framebench}.
 */
public final class FrameBench {

    private static final int W = 1280;
    private static final int H = 720;
    private static final int BACKGROUND = Color.rgb(16, 24, 32);
    private static final int FULL_SAMPLES = 30;
    private static final int DIRTY_SAMPLES = 300;
    private static final int WARMUP = 40;

    private FrameBench() {
    }

    record Cells(List<Layer> layers, float w, float h) {
    }

    static byte[] card(int i, float w, float h, String text) {
        return DisplayList.record(c -> {
            c.fillRoundRect(0, 0, w, h, Math.min(8, h / 4), Color.rgb(40 + i % 200, 80, 160 - i % 100));
            c.strokeRoundRect(0.5f, 0.5f, w - 1, h - 1, Math.min(8, h / 4), 1, Color.WHITE);
            c.drawText(text, w / 2, h * 0.65f, Math.min(14, h * 0.5f), Color.WHITE, Align.CENTER);
        }).bytes();
    }

    static Cells cells(int n, boolean overlapping) {
        List<Layer> layers = new ArrayList<>(n);
        if (overlapping) {
            for (int i = 0; i < n; i++) {
                float x = (i * 37) % (W - 120);
                float y = (i * 53 % 17) * 40;
                layers.add(new Layer("c" + i, 1, 1, x, y, 120, 40, card(i, 120, 40, "cell " + i)));
            }
            return new Cells(layers, 120, 40);
        }
        int columns = (int) Math.ceil(Math.sqrt(n * (double) W / H));
        int rows = (int) Math.ceil(n / (double) columns);
        float w = (float) Math.floor(W / (double) columns) - 2;
        float h = (float) Math.floor(H / (double) rows) - 2;
        for (int i = 0; i < n; i++) {
            float x = (i % columns) * (w + 2);
            float y = (i / columns) * (h + 2);
            layers.add(new Layer("c" + i, 1, 1, x, y, w, h, card(i, w, h, String.valueOf(i))));
        }
        return new Cells(layers, w, h);
    }

    public static void main(String[] args) throws Exception {
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"size\": [%d, %d], \"in_process\": [%n", W, H));
        List<String> rows = new ArrayList<>();
        for (int n : new int[] {10, 100, 1000}) {
            for (boolean overlapping : new boolean[] {false, true}) {
                double[][] layers = inProcess(n, overlapping, Painter.Mode.LAYERS);
                double[][] immediate = inProcess(n, overlapping, Painter.Mode.IMMEDIATE);
                rows.add(String.format(Locale.ROOT, "  {\"cells\": %d, \"layout\": \"%s\",%n"
                        + "   \"layers\": {\"full\": %s, \"one_dirty\": %s, \"textures\": %.0f, \"mb\": %.1f,"
                        + " \"warm_all_layers_cpu_ms\": %.1f},%n"
                        + "   \"immediate\": {\"full\": %s, \"one_dirty\": %s},%n"
                        + "   \"one_dirty_cpu_p50_ratio_immediate_over_layers\": %.1f}", n,
                        overlapping ? "overlapping" : "grid", stats(layers[0], layers[1]), stats(layers[2], layers[3]),
                        layers[4][0], layers[4][1] / 1048576.0, layers[4][2], stats(immediate[0], immediate[1]),
                        stats(immediate[2], immediate[3]), p(immediate[2], 50) / p(layers[2], 50)));
            }
        }
        json.append(String.join(",\n", rows)).append("\n],\n\"compositor_process\": [\n");
        rows.clear();
        for (Painter.Mode mode : Painter.Mode.values()) {
            rows.add(crossProcess(mode));
        }
        json.append(String.join(",\n", rows)).append("\n]}");
        System.out.println(json);
    }

    /** {full cpu, full wall, dirty cpu, dirty wall} in ms, and {textures, bytes}. */
    private static double[][] inProcess(int n, boolean overlapping, Painter.Mode mode) {
        try (EglOffscreenSurface surface = EglOffscreenSurface.create(W, H);
                GpuPainter painter = new GpuPainter(surface, LayerSource.inline(), mode)) {
            return frames(painter, cells(n, overlapping), n);
        }
    }

    /**
     * Full repaints (every cell changed) and one-dirty-cell frames of {@code cells} through {@code painter}:
     * {full cpu, full wall, dirty cpu, dirty wall} in ms, and {textures, bytes, CPU ms to warm every layer}.
     */
    static double[][] frames(Painter painter, Cells cells, long seed) {
        List<Layer> layers = new ArrayList<>(cells.layers());
        long version = 1;
        double[] fullCpu = new double[FULL_SAMPLES];
        double[] fullWall = new double[FULL_SAMPLES];
        double[] dirtyCpu = new double[DIRTY_SAMPLES];
        double[] dirtyWall = new double[DIRTY_SAMPLES];
        Random random = new Random(seed);
        painter.paint(new PublishScene(version++, BACKGROUND, layers));
        for (int s = -WARMUP / 4; s < FULL_SAMPLES; s++) {
            long render = version;
            for (int i = 0; i < layers.size(); i++) {
                Layer l = layers.get(i);
                layers.set(i, new Layer(l.cellId(), 1, render, l.x(), l.y(), l.width(), l.height(),
                        l.displayList()));
            }
            Painter.Frame frame = painter.paint(new PublishScene(version++, BACKGROUND, layers));
            if (s >= 0) {
                fullCpu[s] = frame.processCpuNanos() / 1e6;
                fullWall[s] = frame.wallNanos() / 1e6;
            }
        }
        // What the idle compositor does after a full frame: draw the layers it left stale.
        long warmCpu = ProcessClock.nanos();
        painter.warm(Integer.MAX_VALUE);
        painter.paint(new PublishScene(version++, BACKGROUND, layers));
        double warmMs = (ProcessClock.nanos() - warmCpu) / 1e6;
        for (int s = -WARMUP; s < DIRTY_SAMPLES; s++) {
            int i = random.nextInt(layers.size());
            Layer l = layers.get(i);
            layers.set(i, new Layer(l.cellId(), 1, version, l.x(), l.y(), l.width(), l.height(),
                    card(i, cells.w(), cells.h(), "v" + version)));
            Painter.Frame frame = painter.paint(new PublishScene(version++, BACKGROUND, layers));
            if (s >= 0) {
                dirtyCpu[s] = frame.processCpuNanos() / 1e6;
                dirtyWall[s] = frame.wallNanos() / 1e6;
            }
        }
        return new double[][] {fullCpu, fullWall, dirtyCpu, dirtyWall, {painter.textures(), painter.bytes(), warmMs}};
    }

    /** The real compositor process, fed as the shell feeds it. */
    private static String crossProcess(Painter.Mode mode) throws Exception {
        Path dir = Files.createTempDirectory("cellshell-framebench");
        Cells cells = cells(1000, true);
        try (SocketServer server = SocketServer.bind(dir.resolve("scene.sock"));
                SceneRegion region = SceneRegion.create(dir.resolve("scene.shm"), 2048, 4096)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), CompositorMain.class.getName(), "--socket",
                    server.path().toString(), "--scene-region", region.path().toString(), "--headless", "--size",
                    W + "x" + H));
            if (mode == Painter.Mode.IMMEDIATE) {
                command.add("--immediate");
            }
            Process compositor = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("compositor.log").toFile()).start();
            try (Connection<SceneMessage> c = server.accept(SceneMessage.CODEC)) {
                c.receive();
                List<Layer> layers = new ArrayList<>();
                long version = 1;
                for (int i = 0; i < cells.layers().size(); i++) {
                    Layer l = cells.layers().get(i);
                    region.write(2 * i, version, l.displayList());
                    layers.add(l.inSlot(2 * i).withVersion(version));
                }
                version = publish(c, layers, version);
                double[] latency = new double[DIRTY_SAMPLES];
                int[] slotOf = new int[layers.size()];
                Arrays.setAll(slotOf, i -> 2 * i);
                Random random = new Random(3);
                for (int s = -WARMUP; s < DIRTY_SAMPLES; s++) {
                    int i = random.nextInt(layers.size());
                    slotOf[i] ^= 1;
                    region.write(slotOf[i], version, card(i, 120, 40, "v" + version));
                    Layer l = layers.get(i);
                    layers.set(i, new Layer(l.cellId(), 1, version, l.x(), l.y(), l.width(), l.height(), slotOf[i],
                            new byte[0]));
                    long start = System.nanoTime();
                    version = publish(c, layers, version);
                    if (s >= 0) {
                        latency[s] = (System.nanoTime() - start) / 1e6;
                    }
                }
                Thread.sleep(500);
                long before = cpuNanos(compositor.pid());
                long t0 = System.nanoTime();
                Thread.sleep(3_000);
                long after = cpuNanos(compositor.pid());
                double seconds = (System.nanoTime() - t0) / 1e9;
                double idleMsPerSecond = (after - before) / 1e6 / seconds;
                return String.format(Locale.ROOT, "  {\"mode\": \"%s\", \"cells\": 1000, \"layout\": \"overlapping\","
                        + " \"publish_to_presented_one_dirty_ms\": %s, \"idle_cpu_ms_per_second\": %.1f}",
                        mode.name().toLowerCase(Locale.ROOT), stats1(latency), idleMsPerSecond);
            } finally {
                compositor.destroy();
                compositor.waitFor();
            }
        }
    }

    private static long publish(Connection<SceneMessage> c, List<Layer> layers, long version) throws Exception {
        c.send(new PublishScene(version, BACKGROUND, layers));
        for (SceneMessage m = c.receive(); m != null; m = c.receive()) {
            if (m instanceof FramePresented f && f.sceneVersion() == version) {
                return version + 1;
            }
        }
        throw new IllegalStateException("the compositor went away");
    }

    /** Nanoseconds on CPU of every thread of a process ({@code /proc/PID/task/TID/schedstat}, first field). */
    static long cpuNanos(long pid) throws Exception {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    sum += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                } catch (java.io.IOException gone) {
                    // The thread ended between listing and reading.
                }
            }
        }
        return sum;
    }

    static String stats(double[] cpu, double[] wall) {
        return String.format(Locale.ROOT, "{\"cpu_ms\": %s, \"wall_ms\": %s}", stats1(cpu), stats1(wall));
    }

    private static String stats1(double[] values) {
        return String.format(Locale.ROOT, "{\"p50\": %.3f, \"p95\": %.3f, \"n\": %d}", p(values, 50), p(values, 95),
                values.length);
    }

    static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    static {
        if (ProcessClock.nanos() < 0) {
            throw new IllegalStateException("CLOCK_PROCESS_CPUTIME_ID is not readable here");
        }
    }
}
