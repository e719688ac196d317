package dev.cellshell.shell.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.assets.Assets;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.SwapOutcome;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueStore;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undo, redo and rollback through a real tissue, every step audited. */
class HistoryTest {

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private AuditLog log;
    private History history;
    private Tissue tissue;

    @BeforeEach
    void start() throws Exception {
        log = AuditLog.open(workspace.resolve("audit.log"));
        history = new History(log, new SourceArchive(workspace.resolve("history/sources")));
        ClassLoader host = getClass().getClassLoader();
        tissue = new Tissue(Workspace.open(workspace), new LiveCompiler(host), host, () -> TestTissues.FROZEN, true,
                sink, null, TissueStore.NONE, history);
        tissue.start().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        tissue.close();
        log.close();
    }

    private static String label(String text) {
        return Assets.cellSource("Label").replace("props.string(\"text\", \"Hello, CellShell\")", "\"" + text + "\"");
    }

    private static SwapOutcome done(CompletableFuture<SwapOutcome> step) throws Exception {
        return step.get(60, TimeUnit.SECONDS);
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughTheSessionsChanges() throws Exception {
        assertThat(log.entries()).extracting(AuditLog.Entry::action).containsExactly("load", "load", "load");
        done(tissue.swap("label", "Label.java", label("A"), "cli"));
        done(tissue.swap("label", "Label.java", label("B"), "cli"));

        assertThat(done(history.undo(tissue)).swapped()).isTrue();
        assertThat(sink.texts("label")).containsExactly("A");
        done(history.undo(tissue));
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
        assertThatThrownBy(() -> done(history.undo(tissue))).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("nothing to undo");

        done(history.redo(tissue));
        assertThat(sink.texts("label")).containsExactly("A");
        done(history.redo(tissue));
        assertThat(sink.texts("label")).containsExactly("B");
        assertThatThrownBy(() -> done(history.redo(tissue))).hasMessageContaining("nothing to redo");

        assertThat(log.entries()).extracting(AuditLog.Entry::actor)
                .containsSubsequence("cli", "cli", "undo", "undo", "redo", "redo");
        assertThat(AuditLog.verify(log.file()).intact()).isTrue();
    }

    @Test
    void rollbackGoesToThePreviousVersionOrToANamedGeneration() throws Exception {
        long generationA = done(tissue.swap("label", "Label.java", label("A"), "cli")).generation();
        done(tissue.swap("label", "Label.java", label("B"), "cli"));
        done(tissue.swap("label", "Label.java", label("C"), "cli"));

        SwapOutcome back = done(history.rollback(tissue, "label", -1));
        assertThat(back.swapped()).isTrue();
        assertThat(sink.texts("label")).containsExactly("B");

        done(history.rollback(tissue, "label", generationA));
        assertThat(sink.texts("label")).containsExactly("A");
        assertThat(log.entries().get(log.entries().size() - 1).actor()).isEqualTo("rollback");

        assertThatThrownBy(() -> done(history.rollback(tissue, "label", 999))).hasMessageContaining(
                "no recorded version of Label has generation 999");
        assertThatThrownBy(() -> done(history.rollback(tissue, "nope", -1))).hasMessageContaining(
                "no cell with id 'nope'");
    }
}
