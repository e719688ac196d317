package dev.cellshell.tests.bench;

import dev.cellshell.shell.intent.Desktop;
import dev.cellshell.shell.intent.Engine;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline intent engine on its own: how long the paraphrase model takes to load, what it adds to the heap and
 * to the process (RSS), and how long planning a request takes once it is loaded (every request of the table,
 * round and round). Prints JSON. Run: {@code ./cell intentbench}. Prompt → pixel through a real shell is in
 * {@code ./cell bench} ({@code ask_to_pixel_ms}).
 */
public final class IntentBench {

    private IntentBench() {
    }

    public static void main(String[] args) throws Exception {
        System.gc();
        long heapBefore = usedHeap();
        long rssBefore = rss();
        long start = System.nanoTime();
        Engine engine = Engine.start();
        long loadMs = engine.awaitModel();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapAfter = usedHeap();
        long rssAfter = rss();
        List<String> requests = new ArrayList<>();
        Path table = Path.of(System.getProperty("cellshell.root", "."), "shell/src/test/resources/intent/requests.tsv");
        for (String line : Files.readAllLines(table)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                requests.add(line.split("\t")[0]);
            }
        }
        var desktop = desktop();
        for (int i = 0; i < 3; i++) {
            requests.forEach(r -> engine.plan(r, desktop));
        }
        double[] ms = new double[requests.size() * 5];
        int n = 0;
        for (int round = 0; round < 5; round++) {
            for (String r : requests) {
                long t0 = System.nanoTime();
                engine.plan(r, desktop);
                ms[n++] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "{\"model_load_ms\": %d, \"engine_start_to_ready_ms\": %d, "
                + "\"heap_added_mb\": %.1f, \"rss_added_mb\": %.1f, \"plan_ms\": {\"p50\": %.3f, \"p95\": %.3f, "
                + "\"max\": %.3f, \"n\": %d}}%n", loadMs, wallMs, (heapAfter - heapBefore) / 1048576.0,
                (rssAfter - rssBefore) / 1024.0, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[ms.length - 1],
                ms.length);
    }

    /** The desktop the table is written against (IntentTableTest's). */
    private static Desktop desktop() {
        return new Desktop(1280, 720, "dark", List.of(
                new Desktop.Cell("label", "Label", 40, 40, 440, 96, Map.of("text", "Hello")),
                new Desktop.Cell("ok", "Button", 40, 170, 120, 40, Map.of("text", "OK")),
                new Desktop.Cell("cancel", "Button", 180, 170, 120, 40, Map.of("text", "Cancel")),
                new Desktop.Cell("clock", "Clock", 1000, 24, 256, 96, Map.of())), "",
                Map.of("Label", new float[] {440, 96}, "Button", new float[] {120, 40}, "Clock",
                        new float[] {256, 96}, "Panel", new float[] {480, 160}),
                Map.of("Clock", Map.of("style", List.of("digital", "analog"), "hours", List.of("24h", "12h"),
                        "seconds", List.of("on", "off"))), List.of("dark", "light"));
    }

    private static long usedHeap() {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** Resident set size in KiB, from /proc. */
    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
