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
        tissue = new Tissue(Workspace.open(workspace, "demo"), new LiveCompiler(host), host, () -> TestTissues.FROZEN, true,
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

    private static dev.cellshell.shell.tissue.Change change(
            CompletableFuture<dev.cellshell.shell.tissue.Change> step) throws Exception {
        dev.cellshell.shell.tissue.Change change = step.get(60, TimeUnit.SECONDS);
        assertThat(change.done()).as(change.message()).isTrue();
        return change;
    }

    private dev.cellshell.shell.tissue.CellView cell(String id) {
        return tissue.cells().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private String tissueJson() throws Exception {
        return java.nio.file.Files.readString(workspace.resolve("tissue.json"));
    }

    @Test
    void tissueChangesAreUndoneAndRedoneLikeSourceChanges() throws Exception {
        String original = tissueJson();
        float[] buttonAt = {cell("button").x(), cell("button").y()};
        done(tissue.swap("label", "Label.java", label("A"), "cli"));
        change(tissue.spawn("Clock", "clock-2", dev.cellshell.shell.workspace.Anchor.BOTTOM_LEFT, 24, null,
                java.util.Map.of("zone", "Asia/Tokyo"), "cli"));
        change(tissue.set("button", java.util.Map.of("text", "Go"), "cli"));
        change(tissue.move("button", dev.cellshell.shell.workspace.Anchor.BOTTOM_RIGHT, 24, "cli"));
        change(tissue.setTheme("light", "cli"));
        String changed = tissueJson();
        assertThat(sink.texts("button")).containsExactly("Go");

        assertThat(done(history.undo(tissue)).swapped()).as("theme back").isTrue();
        assertThat(tissueJson()).contains("\"theme\" : \"dark\"");
        done(history.undo(tissue));
        assertThat(new float[] {cell("button").x(), cell("button").y()}).as("button moved back")
                .containsExactly(buttonAt);
        done(history.undo(tissue));
        assertThat(sink.texts("button")).as("prop back").containsExactly("Click me");
        done(history.undo(tissue));
        assertThat(cell("clock-2")).as("spawned cell gone").isNull();
        assertThat(sink.latest().layers()).extracting(l -> l.cellId()).doesNotContain("clock-2");
        assertThat(dev.cellshell.shell.workspace.TissueSpec.parse(tissueJson()))
                .isEqualTo(dev.cellshell.shell.workspace.TissueSpec.parse(original));
        done(history.undo(tissue));
        assertThat(sink.texts("label")).as("then the source swap before them").containsExactly("Hello, CellShell");

        for (int i = 0; i < 5; i++) {
            assertThat(done(history.redo(tissue)).swapped()).isTrue();
        }
        assertThat(tissueJson()).isEqualTo(changed);
        assertThat(cell("clock-2")).isNotNull();
        assertThat(sink.texts("label")).containsExactly("A");
        assertThat(log.entries()).extracting(AuditLog.Entry::action)
                .containsSubsequence("spawn", "set", "move", "theme", "undo", "undo", "undo", "undo", "redo");
        assertThat(log.entries().stream().filter(e -> e.action().equals("undo")).findFirst().orElseThrow().diff())
                .as("the audit entry shows the tissue.json diff").contains("-").contains("+");
        assertThat(AuditLog.verify(log.file()).intact()).isTrue();
    }

    @Test
    void arrangeLaysTheCellsOutWithoutOverlapsAndUndoPutsTheLayoutBack() throws Exception {
        change(tissue.spawn("Label", "second", dev.cellshell.shell.workspace.Anchor.TOP_LEFT, 30, null,
                java.util.Map.of("text", "Second"), "cli"));
        change(tissue.spawn("Clock", "clock-2", dev.cellshell.shell.workspace.Anchor.TOP_LEFT, 40, null,
                java.util.Map.of(), "cli"));
        String before = tissueJson();
        var cellsBefore = tissue.cells();

        dev.cellshell.shell.tissue.Change arranged = change(tissue.arrange("cli"));
        assertThat(arranged.message()).contains("moved");
        var cells = tissue.cells();
        for (var a : cells) {
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(tissue.desktopSize()[0]);
            for (var b : cells) {
                boolean overlap = a != b && a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                        && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
                assertThat(overlap).as(a.id() + " overlaps " + b.id()).isFalse();
            }
        }
        assertThat(cells).extracting(c -> c.id()).as("z-order kept")
                .containsExactlyElementsOf(cellsBefore.stream().map(c -> c.id()).toList());

        done(history.undo(tissue));
        assertThat(tissueJson()).isEqualTo(before);
        assertThat(tissue.cells()).extracting(c -> c.x() + "," + c.y())
                .containsExactlyElementsOf(cellsBefore.stream().map(c -> c.x() + "," + c.y()).toList());
    }
}
