package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TissueTest {

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private Tissue tissue;

    @BeforeEach
    void start() throws Exception {
        tissue = TestTissues.started(workspace, sink);
    }

    @AfterEach
    void stop() {
        tissue.close();
    }

    private SwapOutcome swap(String cellId, String source) throws Exception {
        return tissue.swap(cellId, "ignored.java", source).get(60, TimeUnit.SECONDS);
    }

    /** Waits until the tissue thread has handled everything queued before this call. */
    private void settle() throws Exception {
        tissue.sources("label").get(10, TimeUnit.SECONDS);
    }

    @Test
    void firstStartCompilesTheDemoTissueAndPublishesEveryCell() {
        assertThat(sink.latest().layers()).extracting(l -> l.cellId()).containsExactly("label", "button", "clock");
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
        assertThat(sink.texts("clock")).first().asString().matches("\\d\\d:09:30");
        assertThat(tissue.cells()).allSatisfy(c -> assertThat(c.generation()).isPositive());
        assertThat(workspace.resolve("cells/Label/Label.java")).hasContent(Assets.cellSource("Label"));
    }

    @Test
    void aPressReachesTheCellUnderThePointerAndItsStateSurvivesASwapWhilePropsStay() throws Exception {
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        tissue.input(new PointerInput(PointerKind.RELEASE, 60, 190, 1));
        tissue.input(new PointerInput(PointerKind.PRESS, 600, 600, 1));
        settle();
        assertThat(sink.texts("button")).containsExactly("Click me (1)");

        String v2 = Assets.cellSource("Button").replace("text + \" (\" + clicks + \")\"", "text + \" x\" + clicks");
        SwapOutcome outcome = swap("button", v2);

        assertThat(outcome.swapped()).isTrue();
        assertThat(outcome.generation()).isGreaterThan(3);
        assertThat(sink.texts("button")).as("@State clicks carried, prop text kept").containsExactly("Click me x1");
        assertThat(workspace.resolve("cells/Button/Button.java")).hasContent(v2);
    }

    @Test
    void brokenSourceKeepsTheOldGenerationRunningAndTheWorkspaceUntouched() throws Exception {
        long running = tissue.cells().get(0).generation();
        int published = sink.scenes().size();
        String broken = Assets.cellSource("Label").replace("float size", "float size = missing +");

        SwapOutcome outcome = swap("label", broken);

        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.generation()).isEqualTo(running);
        assertThat(outcome.diagnostics()).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.message()).contains("Syntax error");
        });
        assertThat(sink.scenes()).hasSize(published);
        assertThat(workspace.resolve("cells/Label/Label.java")).hasContent(Assets.cellSource("Label"));
    }

    @Test
    void sourceWithoutTheCellClassIsRefusedWithTheReason() throws Exception {
        SwapOutcome outcome = swap("label", "public class Label { }");
        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.failure()).contains("does not implement dev.cellshell.widgets.Cell");
    }

    @Test
    void aCellThatThrowsInRenderKeepsItsLastFrameAndTheOthersCarryOn() throws Exception {
        byte[] before = sink.layer("label").displayList();
        String throwing = Assets.cellSource("Label").replace("Props props = context.props();",
                "Props props = context.props(); if (props != null) throw new IllegalStateException(\"boom\");");

        SwapOutcome outcome = swap("label", throwing);

        assertThat(outcome.swapped()).isTrue();
        assertThat(sink.layer("label").displayList()).isEqualTo(before);
        assertThat(tissue.cells()).filteredOn(c -> c.id().equals("label")).singleElement()
                .satisfies(c -> assertThat(c.lastError()).contains("render threw").contains("boom"));
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        assertThat(sink.texts("button")).containsExactly("Click me (1)");
    }

    @Test
    void aCellThatLoopsForeverIsStoppedAtItsBudgetAndTheTissueKeepsRunning() throws Exception {
        byte[] before = sink.layer("label").displayList();
        String endless = Assets.cellSource("Label").replace("Props props = context.props();",
                "Props props = context.props(); long spins = 0; while (props != null) { spins++; }");

        SwapOutcome outcome = swap("label", endless);

        assertThat(outcome.swapped()).isTrue();
        assertThat(sink.layer("label").displayList()).isEqualTo(before);
        assertThat(tissue.cells()).filteredOn(c -> c.id().equals("label")).singleElement()
                .satisfies(c -> assertThat(c.lastError()).contains("render stopped").contains("time budget"));
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        assertThat(sink.texts("button")).containsExactly("Click me (1)");
    }

    @Test
    void sourceUsingAForbiddenApiIsRefusedAndSaysWhich() throws Exception {
        String sneaky = Assets.cellSource("Label").replace("Props props = context.props();",
                "Props props = context.props(); if (props == null) System.exit(3);");

        SwapOutcome outcome = swap("label", sneaky);

        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.diagnostics()).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).contains("java.lang.System.exit is not allowed in cells");
        });
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }

    @Test
    void aCellThatThrowsInOnReloadStillRunsWithItsCarriedStateAndTheSwapSaysSo() throws Exception {
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        String throwing = Assets.cellSource("Button").replace("private boolean pressed;", """
                private boolean pressed;
                    public void onReload(PreviousState previous) { throw new IllegalStateException("no migration"); }
                """);

        SwapOutcome outcome = swap("button", throwing);

        assertThat(outcome.swapped()).isTrue();
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("onReload threw").contains("no migration"));
        assertThat(sink.texts("button")).containsExactly("Click me (1)");
    }

    @Test
    void aBurstOfSavesCompilesFewerTimesAndEndsWithTheLatestText() throws Exception {
        long before = tissue.cells().get(0).generation();
        List<CompletableFuture<SwapOutcome>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(tissue.swap("label", "Label.java", Assets.cellSource("Label")
                    .replace("props.string(\"text\", \"Hello, CellShell\")", "\"save " + i + "\"")));
        }
        List<SwapOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<SwapOutcome> f : burst) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o.swapped()).isTrue());
        assertThat(outcomes.get(19).generation() - before).as("generations made by 20 saves").isLessThan(20);
        assertThat(outcomes.stream().map(SwapOutcome::generation).distinct().count()).isLessThan(20);
        assertThat(sink.texts("label")).containsExactly("save 19");
    }

    @Test
    void swappingAnUnknownCellNamesTheCellsThatExist() throws Exception {
        SwapOutcome outcome = swap("nope", Assets.cellSource("Label"));
        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.failure()).contains("no cell with id 'nope'").contains("label, button, clock");
    }

    @Test
    void aCellTypeThatDoesNotCompileAtStartShowsAPlaceholderAndTheRestRuns(@TempDir Path other) throws Exception {
        RecordingSink otherSink = new RecordingSink();
        Tissue first = TestTissues.started(other, otherSink);
        first.close();
        Files.writeString(other.resolve("cells/Clock/Clock.java"), "public class Clock { oops }");

        RecordingSink restartedSink = new RecordingSink();
        Tissue restarted = TestTissues.started(other, restartedSink);
        try {
            assertThat(restartedSink.texts("clock")).first().asString().contains("clock (Clock) is not running");
            assertThat(restartedSink.texts("label")).containsExactly("Hello, CellShell");
        } finally {
            restarted.close();
        }
    }
}
