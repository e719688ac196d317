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
        tissue.settled().get(10, TimeUnit.SECONDS);
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
    void inputHitTestedByTheCompositorGoesToThatCellAtItsLocalPointAndHoverRedrawsTheButton() throws Exception {
        long version = sink.layer("button").renderVersion();
        tissue.input(new PointerInput(PointerKind.ENTER, 60, 190, 0).at("button", 20, 20));
        settle();
        long hovered = sink.layer("button").renderVersion();
        assertThat(hovered).as("the button draws its hover state").isGreaterThan(version);

        // Aimed at the button by id, even where the shell's own bounds test would find the label.
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 60, 1).at("button", 20, 20));
        tissue.input(new PointerInput(PointerKind.RELEASE, 60, 60, 1).at("button", 20, 20));
        tissue.input(new PointerInput(PointerKind.LEAVE, 60, 60, 0).at("button", 20, 20));
        settle();
        assertThat(sink.texts("button")).containsExactly("Click me (1)");
        assertThat(sink.layer("button").renderVersion()).isGreaterThan(hovered);

        tissue.input(new PointerInput(PointerKind.LEAVE, 60, 60, 0).at("gone", 1, 1));
        tissue.input(new PointerInput(PointerKind.SCROLL, 60, 190, 0, 0, 0, -3, "button", 20, 20));
        settle();
        assertThat(sink.texts("button")).as("a leave for a removed cell and a scroll change nothing")
                .containsExactly("Click me (1)");
    }

    @Test
    void aBroadcastReachesEveryCellAndRedrawsThoseThatAsk() throws Exception {
        String listening = Assets.cellSource("Label").replace("public class Label implements Cell {", """
                public class Label implements Cell {
                    @State String heard = "";
                    @Override
                    public boolean onBroadcast(String topic, String value, CellContext context) {
                        heard = topic + ":" + value;
                        return true;
                    }
                """).replace("props.string(\"text\", \"Hello, CellShell\")", "heard");
        assertThat(swap("label", listening).swapped()).isTrue();

        Change told = tissue.broadcast("greeting", "hi", "cli").get(10, TimeUnit.SECONDS);

        assertThat(told.done()).isTrue();
        assertThat(told.message()).isEqualTo("greeting = hi told 3 cells");
        assertThat(sink.texts("label")).containsExactly("greeting:hi");
        assertThat(tissue.broadcast("Bad Topic", "x", "cli").get(10, TimeUnit.SECONDS).message())
                .contains("a broadcast topic is a lower-case word");
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
            assertThat(d.line()).isEqualTo(23);
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
    void aNewGenerationThatThrowsInItsFirstRenderNeverReachesTheScreen() throws Exception {
        long running = tissue.cells().get(0).generation();
        int published = sink.scenes().size();
        String throwing = Assets.cellSource("Label").replace("Props props = context.props();",
                "Props props = context.props(); if (props != null) throw new IllegalStateException(\"boom\");");

        SwapOutcome outcome = swap("label", throwing);

        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.generation()).isEqualTo(running);
        assertThat(outcome.failure()).contains("failed its first render").contains("boom");
        assertThat(sink.scenes()).hasSize(published);
        assertThat(workspace.resolve("cells/Label/Label.java")).hasContent(Assets.cellSource("Label"));
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        assertThat(sink.texts("button")).containsExactly("Click me (1)");
    }

    @Test
    void aNewGenerationThatLoopsForeverIsStoppedAtItsBudgetAndRefused() throws Exception {
        long running = tissue.cells().get(0).generation();
        String endless = Assets.cellSource("Label").replace("Props props = context.props();",
                "Props props = context.props(); long spins = 0; while (props != null) { spins++; }");

        SwapOutcome outcome = swap("label", endless);

        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.generation()).isEqualTo(running);
        assertThat(outcome.failure()).contains("failed its first render").contains("time budget");
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }

    @Test
    void sourceUsingAForbiddenApiIsRefusedAndSaysWhich() throws Exception {
        String sneaky = Assets.cellSource("Label").replace("Props props = context.props();",
                "Props props = context.props(); if (props == null) System.exit(3);");

        SwapOutcome outcome = swap("label", sneaky);

        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.diagnostics()).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(14);
            assertThat(d.message()).contains("java.lang.System.exit is not allowed in cells");
        });
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }

    @Test
    void aNewGenerationThatThrowsInOnReloadIsRefusedAndTheOldOneKeepsItsState() throws Exception {
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        String throwing = Assets.cellSource("Button").replace("private boolean pressed;", """
                private boolean pressed;
                    public void onReload(PreviousState previous) { throw new IllegalStateException("no migration"); }
                """);

        SwapOutcome outcome = swap("button", throwing);

        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.failure()).contains("failed its first onReload").contains("no migration");
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        assertThat(sink.texts("button")).containsExactly("Click me (2)");
    }

    @Test
    void aRunningGenerationThatStartsFailingIsRolledBackToTheLastGoodOneWithItsState() throws Exception {
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        long good = tissue.cells().get(1).generation();
        String failsOnSecondClick = Assets.cellSource("Button").replace("clicks++;",
                "clicks++;\n                if (clicks > 2) throw new IllegalStateException(\"third click\");");
        assertThat(swap("button", failsOnSecondClick).swapped()).isTrue();
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();
        assertThat(sink.texts("button")).containsExactly("Click me (2)");

        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        settle();

        CellView button = tissue.cells().get(1);
        assertThat(button.generation()).isEqualTo(good);
        assertThat(button.lastError()).contains("rolled back from generation").contains("third click");
        assertThat(sink.texts("button")).as("state carried back: the faulting click counted").containsExactly(
                "Click me (3)");
        assertThat(workspace.resolve("cells/Button/Button.java")).hasContent(Assets.cellSource("Button"));
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
    void aCellThatKeepsFailingWithNothingToRollBackToIsQuarantinedAndTheRestCarriesOn(@TempDir Path other)
            throws Exception {
        RecordingSink otherSink = new RecordingSink();
        TestTissues.started(other, otherSink).close();
        Files.writeString(other.resolve("cells/Label/Label.java"), Assets.cellSource("Label")
                .replace("Props props = context.props();", """
                        Props props = context.props();
                                if (context.now().getEpochSecond() > 0 && renders++ > 0) {
                                    throw new IllegalStateException("render " + renders);
                                }
                        """).replace("public class Label implements Cell {", """
                        public class Label implements Cell {
                            int renders;
                            public boolean onEvent(InputEvent event, CellContext context) { return true; }
                        """));
        RecordingSink restartedSink = new RecordingSink();
        Tissue faulty = TestTissues.started(other, restartedSink);
        try {
            // With nothing to roll back to, each fault starts it again from its saved state (it draws once more)...
            for (int fault = 1; fault <= Tissue.MAX_FAULTS; fault++) {
                faulty.input(new PointerInput(PointerKind.PRESS, 60, 60, 1));
                faulty.settled().get(10, TimeUnit.SECONDS);
                assertThat(faulty.cells().get(0).health()).isEqualTo("ok");
                assertThat(faulty.cells().get(0).lastError()).startsWith("restarted (fault " + fault + " of "
                        + Tissue.MAX_FAULTS + " allowed in 30 s): render (threw");
                assertThat(restartedSink.texts("label")).first().asString().doesNotContain("quarantined");
            }
            // ... until more faults than the restart intensity allows within its window quarantine it.
            faulty.input(new PointerInput(PointerKind.PRESS, 60, 60, 1));
            faulty.settled().get(10, TimeUnit.SECONDS);
            assertThat(restartedSink.texts("label")).first().asString().contains("label (Label) is quarantined");
            assertThat(faulty.cells().get(0).lastError()).startsWith("quarantined: 4 faults in 30 s, last: render (threw");
            faulty.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
            faulty.settled().get(10, TimeUnit.SECONDS);
            assertThat(restartedSink.texts("button")).containsExactly("Click me (1)");
        } finally {
            faulty.close();
        }
    }

    @Test
    void aCellThatKeepsRenderingSlowerThanAFrameIsReportedUnhealthy() throws Exception {
        String slow = Assets.cellSource("Button").replace("Props props = context.props();",
                "Props props = context.props(); long until = System.nanoTime() + 25_000_000L;"
                        + " while (System.nanoTime() < until) { }");
        assertThat(swap("button", slow).swapped()).isTrue();
        assertThat(tissue.cells().get(1).health()).isEqualTo("ok");

        for (int i = 0; i < Tissue.SLOW_RENDERS; i++) {
            tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        }
        settle();
        tissue.input(new PointerInput(PointerKind.RELEASE, 60, 190, 1));
        settle();

        assertThat(tissue.cells().get(1).health()).startsWith("slow: ").contains("frame budget 16 ms")
                .contains("throttled");
        assertThat(tissue.cells().get(0).health()).isEqualTo("ok");
    }

    @Test
    void aThemeChangeRestylesEveryCellAndIsSaved() throws Exception {
        byte[] darkLabel = sink.layer("label").displayList();
        int darkBackground = sink.latest().background();

        Change change = tissue.setTheme("light", "cli").get(10, TimeUnit.SECONDS);

        assertThat(change.done()).isTrue();
        assertThat(sink.layer("label").displayList()).isNotEqualTo(darkLabel);
        assertThat(sink.latest().background()).isNotEqualTo(darkBackground).isEqualTo(0xFFE5E9F0);
        assertThat(Files.readString(workspace.resolve("tissue.json"))).contains("\"theme\" : \"light\"");
        assertThat(tissue.setTheme("neon", "cli").get(10, TimeUnit.SECONDS).message())
                .contains("unknown theme 'neon'").contains("dark, light");

        tissue.setTheme("dark", "cli").get(10, TimeUnit.SECONDS);
        assertThat(sink.layer("label").displayList()).isEqualTo(darkLabel);
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
