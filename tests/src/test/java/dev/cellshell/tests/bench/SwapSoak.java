package dev.cellshell.tests.bench;

import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.tissue.SwapOutcome;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Workspace;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Swaps the Label of a real tissue N times (default 10,000; {@code --in-place} for the in-place tier, which needs
 * the agent) and prints JSON: metaspace and loaded classes before
 * and after, and the swap time distribution. Run: see docs/PERFORMANCE.md.
 */
public final class SwapSoak {

    private SwapSoak() {
    }

    public static void main(String[] args) throws Exception {
        boolean inPlace = java.util.List.of(args).contains("--in-place");
        int swaps = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).mapToInt(Integer::parseInt)
                .findFirst().orElse(10_000);
        Path dir = Files.createTempDirectory("cellshell-soak");
        ClassLoader host = SwapSoak.class.getClassLoader();
        Instant frozen = Instant.parse("2026-11-29T10:09:30Z");
        try (Tissue tissue = new Tissue(Workspace.open(dir, "demo"), new LiveCompiler(host), host, () -> frozen, true,
                scene -> { }, !inPlace ? null : dev.cellshell.livecompiler.InPlaceAgent.instrumentation()
                        .orElseThrow(() -> new IllegalStateException("--in-place needs -javaagent:live-compiler.jar")))) {
            tissue.start().get(60, TimeUnit.SECONDS);
            String label = Files.readString(dir.resolve("cells/Label/Label.java"));
            long[] before = memory();
            double[] millis = new double[swaps];
            for (int i = 0; i < swaps; i++) {
                long start = System.nanoTime();
                SwapOutcome outcome = tissue.swap("label", "Label.java",
                        label.replace("props.string(\"text\", \"Hello, CellShell\")", "\"soak " + i + "\""))
                        .get(60, TimeUnit.SECONDS);
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (!outcome.swapped()) {
                    throw new IllegalStateException("swap " + i + " refused: " + outcome.diagnostics());
                }
            }
            long[] after = memory();
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, """
                    {"tier": "%s", "swaps": %d, "swap_ms": {"p50": %.2f, "p95": %.2f, "max": %.2f},
                     "metaspace_used_mb": {"before": %.1f, "after": %.1f},
                     "loaded_classes": {"before": %d, "after": %d}, "classes_unloaded_total": %d}
                    """, inPlace ? "in-place" : "new-generation", swaps, millis[swaps / 2], millis[(int) (swaps * 0.95)], millis[swaps - 1],
                    before[0] / 1048576.0, after[0] / 1048576.0, before[1], after[1],
                    ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount());
        }
    }

    /** Metaspace bytes used and classes loaded, after full collections. */
    private static long[] memory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getUsed()).sum();
        return new long[] {metaspace, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()};
    }
}
