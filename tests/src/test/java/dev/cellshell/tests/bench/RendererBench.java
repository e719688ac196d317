package dev.cellshell.tests.bench;

import dev.cellshell.compositor.gl.EglOffscreenSurface;
import dev.cellshell.compositor.paint.GpuPainter;
import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.compositor.paint.RasterPainter;
import dev.cellshell.compositor.paint.VulkanPainter;
import dev.cellshell.compositor.vk.VulkanDevice;
import dev.cellshell.compositor.vk.VulkanDrawable;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.widgets.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compositor's three renderers side by side in one run, offscreen at 1280×720 with the damage-driven painter:
 * Vulkan (Skia on the Vulkan device, here Mesa's lavapipe), OpenGL (EGL surfaceless, llvmpipe) and Skia's CPU raster.
 * Per frame, process CPU ({@code CLOCK_PROCESS_CPUTIME_ID}: the software drivers rasterise on their own threads) and
 * wall time: a full repaint of 1,000 overlapping cells, and one dirty cell among them. Then the first frame in a fresh
 * process (the device or context opened, shaders and pipelines compiled, 1,000 cells drawn), each renderer five times
 * with Mesa's on-disk shader cache off, cold (an empty cache folder each time) and warm (a folder the first run
 * filled), and that process's resident memory. Prints JSON. Run: {@code ./cell rendererbench}.
 */
public final class RendererBench {

    private static final int W = 1280;
    private static final int H = 720;
    private static final int BACKGROUND = Color.rgb(16, 24, 32);
    private static final int PROCESS_RUNS = 5;
    private static final String[] RENDERERS = {"vulkan", "gl", "cpu"};

    private RendererBench() {
    }

    /** A painter, what it draws into and what draws (the name {@code cell status} would show), closed together. */
    private record Target(Painter painter, String renderer, AutoCloseable drawable, AutoCloseable device)
            implements AutoCloseable {

        @Override
        public void close() throws Exception {
            painter.close();
            if (drawable != null) {
                drawable.close();
            }
            if (device != null) {
                device.close();
            }
        }
    }

    private static Target open(String renderer) {
        switch (renderer) {
            case "vulkan": {
                VulkanDevice device = VulkanDevice.open(false);
                VulkanDrawable drawable = VulkanDrawable.offscreen(device, W, H);
                return new Target(new VulkanPainter(drawable, LayerSource.inline(), Painter.Mode.LAYERS),
                        drawable.renderer(), drawable, device);
            }
            case "gl": {
                EglOffscreenSurface surface = EglOffscreenSurface.create(W, H);
                return new Target(new GpuPainter(surface, LayerSource.inline(), Painter.Mode.LAYERS),
                        surface.renderer(), surface, null);
            }
            default:
                return new Target(new RasterPainter(W, H, LayerSource.inline(), Painter.Mode.LAYERS),
                        "Skia CPU raster", null, null);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--first-frame")) {
            firstFrame(args[1]);
            return;
        }
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"size\": [%d, %d], \"cells\": 1000, \"frames\": {%n", W, H));
        List<String> rows = new ArrayList<>();
        for (String renderer : RENDERERS) {
            try (Target target = open(renderer)) {
                double[][] r = FrameBench.frames(target.painter(), FrameBench.cells(1000, true), 1000);
                rows.add(String.format(Locale.ROOT, "  \"%s\": {\"renderer\": \"%s\", \"full\": %s,"
                        + " \"one_dirty\": %s}", renderer, target.renderer(), FrameBench.stats(r[0], r[1]),
                        FrameBench.stats(r[2], r[3])));
            }
            System.err.println("rendererbench: frames through " + renderer + " done");
        }
        json.append(String.join(",\n", rows)).append("\n},\n");
        json.append("\"first_frame_fresh_process\": {\n");
        rows.clear();
        for (String renderer : RENDERERS) {
            List<String> caches = new ArrayList<>();
            for (String cache : renderer.equals("cpu") ? new String[] {"off"} : new String[] {"off", "cold", "warm"}) {
                caches.add(String.format(Locale.ROOT, "    \"cache_%s\": %s", cache, processRuns(renderer, cache)));
            }
            rows.add("  \"" + renderer + "\": {\n" + String.join(",\n", caches) + "\n  }");
            System.err.println("rendererbench: first frames through " + renderer + " done");
        }
        json.append(String.join(",\n", rows)).append("\n}}");
        System.out.println(json);
    }

    /** Five fresh processes drawing their first frame; the cache folder as {@code cache} says. */
    private static String processRuns(String renderer, String cache) throws Exception {
        Path shared = Files.createTempDirectory("cellshell-shader-cache");
        if (cache.equals("warm")) {
            run(renderer, Map.of("MESA_SHADER_CACHE_DIR", shared.toString()));
        }
        double[] open = new double[PROCESS_RUNS];
        double[] first = new double[PROCESS_RUNS];
        double[] firstCpu = new double[PROCESS_RUNS];
        double[] rss = new double[PROCESS_RUNS];
        for (int i = 0; i < PROCESS_RUNS; i++) {
            Map<String, String> env;
            if (cache.equals("off")) {
                env = Map.of("MESA_SHADER_CACHE_DISABLE", "true");
            } else if (cache.equals("cold")) {
                env = Map.of("MESA_SHADER_CACHE_DIR", Files.createTempDirectory("cellshell-shader-cache").toString());
            } else {
                env = Map.of("MESA_SHADER_CACHE_DIR", shared.toString());
            }
            double[] r = run(renderer, env);
            open[i] = r[0];
            first[i] = r[1];
            firstCpu[i] = r[2];
            rss[i] = r[3];
        }
        return String.format(Locale.ROOT, "{\"open_ms_p50\": %.1f, \"first_frame_wall_ms_p50\": %.1f,"
                + " \"first_frame_wall_ms_max\": %.1f, \"first_frame_cpu_ms_p50\": %.1f, \"rss_mb_p50\": %.0f,"
                + " \"runs\": %d}", FrameBench.p(open, 50), FrameBench.p(first, 50), FrameBench.p(first, 100),
                FrameBench.p(firstCpu, 50), FrameBench.p(rss, 50), PROCESS_RUNS);
    }

    private static double[] run(String renderer, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.awt.headless=true", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", System.getProperty("java.class.path"), RendererBench.class.getName(), "--first-frame", renderer);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("first frame through " + renderer + " failed:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith("FIRST ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from " + renderer + ":\n" + out));
        String[] f = line.substring(6).split(" ");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
            Double.parseDouble(f[3])};
    }

    /** In the child: open, draw the first frame of 1,000 cells, print "FIRST open_ms frame_ms frame_cpu_ms rss_mb". */
    private static void firstFrame(String renderer) throws Exception {
        List<Layer> layers = FrameBench.cells(1000, true).layers();
        long start = System.nanoTime();
        try (Target target = open(renderer)) {
            double openMs = (System.nanoTime() - start) / 1e6;
            Painter.Frame frame = target.painter().paint(new PublishScene(1, BACKGROUND, layers));
            double rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            System.out.printf(Locale.ROOT, "FIRST %.3f %.3f %.3f %.1f%n", openMs, frame.wallNanos() / 1e6,
                    frame.processCpuNanos() / 1e6, rss);
        }
    }
}
