package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old generations must not stay reachable: after thousands of swaps only the running loader is alive. */
class GenerationLeakTest {

    private static final int SWAPS = 2_000;

    @TempDir
    Path workspace;

    private static long metaspaceUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).findFirst().orElseThrow();
    }

    @Test
    void twoThousandSwapsLeaveOnlyTheRunningGenerationsLoaderAliveAndMetaspaceFlat() throws Exception {
        RecordingSink sink = new RecordingSink();
        Tissue tissue = TestTissues.started(workspace, sink);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        long metaspaceEarly = 0;
        try {
            for (int i = 0; i < SWAPS; i++) {
                String source = Assets.cellSource("Button")
                        .replace("props.string(\"text\", \"Click me\")", "\"swap " + i + "\"");
                SwapOutcome outcome = tissue.swap("button", "Button.java", source).get(60, TimeUnit.SECONDS);
                assertThat(outcome.swapped()).as("swap %d: %s", i, outcome.diagnostics()).isTrue();
                loaders.add(new WeakReference<>(tissue.generationLoader("button").get(10, TimeUnit.SECONDS)
                        .orElseThrow()));
                if (i == 200) {
                    metaspaceEarly = metaspaceUsed();
                }
            }
            long metaspaceLate = metaspaceUsed();
            long alive = loaders.stream().filter(r -> r.get() != null).count();

            assertThat(alive).as("generation loaders still reachable of %d", SWAPS).isLessThanOrEqualTo(2);
            assertThat(loaders.get(loaders.size() - 1).get()).as("the running generation").isNotNull();
            assertThat(metaspaceLate - metaspaceEarly).as("metaspace growth from swap 200 to %d, bytes", SWAPS)
                    .isLessThan(16L * 1024 * 1024);
        } finally {
            tissue.close();
        }
    }
}
