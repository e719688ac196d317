package dev.cellshell.shell.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the watch service loses events (it keeps at most a few hundred per folder and then reports only OVERFLOW), the
 * watcher reads every type and {@code tissue.json} again: a change whose own events were lost is still swapped in.
 * The watcher's thread is not started here, so the only event it ever sees is the overflow handed to it.
 */
class WorkspaceWatcherOverflowTest {

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private Tissue tissue;
    private WorkspaceWatcher watcher;

    @AfterEach
    void stop() {
        watcher.close();
        tissue.close();
    }

    private static final WatchEvent<Object> OVERFLOW = new WatchEvent<>() {
        @Override
        public Kind<Object> kind() {
            return StandardWatchEventKinds.OVERFLOW;
        }

        @Override
        public int count() {
            return 1;
        }

        @Override
        public Object context() {
            return null;
        }
    };

    @Test
    void anOverflowRereadsEveryTypeAndSwapsTheOneThatChanged() throws Exception {
        tissue = TestTissues.started(workspace, sink);
        watcher = new WorkspaceWatcher(Workspace.open(workspace, "demo"), tissue, Duration.ofMillis(50));
        Files.writeString(workspace.resolve("cells/Label/Label.java"), Assets.cellSource("Label")
                .replace("props.string(\"text\", \"Hello, CellShell\")", "\"Read again after an overflow\""));

        watcher.accept(workspace.resolve("cells/Label"), List.of(OVERFLOW));
        Thread.sleep(60);
        watcher.swapQuietTypes();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(watcher.handled().contains("Label: swapped") && watcher.handled().contains("Button: unchanged")
                && watcher.handled().stream().anyMatch(h -> h.startsWith("tissue.json: ")))) {
            assertThat(System.nanoTime()).as("handled so far: " + watcher.handled()).isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(watcher.handled()).first().isEqualTo("overflow: rescanning");
        assertThat(watcher.handled()).doesNotContain("Label: refused", "Button: swapped", "Clock: swapped",
                "tissue.json: failed", "tissue.json: not applied");
        assertThat(sink.texts("label")).last().isEqualTo("Read again after an overflow");
    }
}
