package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.history.SourceArchive;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container cells (a Panel with a row layout) through a real tissue: spawn into, move, remove, undo. */
class ContainerTest {

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private AuditLog log;
    private History history;
    private Tissue tissue;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(workspace.resolve("tissue.json"), TestTissues.DOCK);
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

    private static Change done(CompletableFuture<Change> step) throws Exception {
        Change change = step.get(60, TimeUnit.SECONDS);
        assertThat(change.done()).as(change.message()).isTrue();
        return change;
    }

    private String corner(String id) {
        CellView cell = tissue.cells().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return (int) cell.x() + "," + (int) cell.y();
    }

    @Test
    void theContainerPlacesItsCellsAndTheyMoveWithIt() throws Exception {
        assertThat(Files.exists(workspace.resolve("cells/Panel/Panel.java"))).as("built-in types copied in").isTrue();
        assertThat(tissue.cells()).extracting(CellView::id).containsExactly("dock", "clock", "button", "label");
        assertThat(corner("dock")).isEqualTo("290,580");
        assertThat(corner("clock")).isEqualTo("310,600");
        assertThat(corner("button")).isEqualTo("576,610");
        assertThat(sink.texts("dock")).containsExactly("Dock");

        Change spawned = done(tissue.spawn("Label", "note", Anchor.CENTER, 0, new float[] {100, 40},
                Map.of("text", "N"), "dock", "cli"));
        assertThat(spawned.message()).isEqualTo("in dock 786,620");
        assertThat(tissue.cells()).extracting(CellView::id).as("in front of the dock's other cells")
                .containsExactly("dock", "clock", "button", "note", "label");

        done(tissue.move("dock", Anchor.TOP_RIGHT, 20, "cli"));
        assertThat(corner("dock")).isEqualTo("560,20");
        assertThat(corner("clock")).as("the cells inside follow").isEqualTo("580,40");
        assertThat(corner("note")).isEqualTo("1056,60");

        Change removed = done(tissue.remove("dock", "cli"));
        assertThat(removed.message()).isEqualTo("removed with what was inside it: clock, button, note");
        assertThat(tissue.cells()).extracting(CellView::id).containsExactly("label");
        assertThat(sink.latest().layers()).extracting(l -> l.cellId()).containsExactly("label");

        history.undo(tissue).get(60, TimeUnit.SECONDS);
        assertThat(tissue.cells()).extracting(CellView::id).containsExactly("dock", "clock", "button", "note",
                "label");
        assertThat(corner("note")).isEqualTo("1056,60");
        assertThat(Files.readString(workspace.resolve("tissue.json"))).contains("\"children\"")
                .contains("\"kind\" : \"row\"");
    }

    @Test
    void spawningIntoSomethingThatIsNoContainerIsRefused() throws Exception {
        Change refused = tissue.spawn("Label", "x", Anchor.CENTER, 0, null, Map.of(), "label", "cli")
                .get(60, TimeUnit.SECONDS);
        assertThat(refused.done()).isFalse();
        assertThat(refused.message()).contains("cell 'label' is no container");
        Change missing = tissue.spawn("Label", "x", Anchor.CENTER, 0, null, Map.of(), "nope", "cli")
                .get(60, TimeUnit.SECONDS);
        assertThat(missing.message()).isEqualTo("no container cell 'nope'");
    }

    @Test
    void arrangeMovesContainersAsAWhole() throws Exception {
        done(tissue.arrange("cli"));
        assertThat(corner("dock")).isEqualTo("16,16");
        assertThat(corner("clock")).isEqualTo("36,36");
        assertThat(corner("label")).isEqualTo("732,16");
    }
}
