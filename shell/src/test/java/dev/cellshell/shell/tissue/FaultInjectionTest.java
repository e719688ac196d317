package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faulty Buttons, one fault each. A fault before the new generation is on screen refuses the swap; a fault in the
 * running generation rolls the Button back. Either way the Label keeps drawing and the Button ends up working.
 */
class FaultInjectionTest {

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

    private void click() throws Exception {
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        tissue.input(new PointerInput(PointerKind.RELEASE, 60, 190, 1));
        tissue.settled().get(10, TimeUnit.SECONDS);
        tissue.sources("label").get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "throws in its constructor|public Button() { if (true) throw new IllegalStateException(\"ctor\"); }|refused",
        "throws in a static initialiser|static int broken = Integer.parseInt(\"x\");|refused",
        "throws in onReload|public void onReload(PreviousState p) { throw new IllegalStateException(\"reload\"); }|refused",
        "throws in render|public void render(Canvas c, CellContext x) { throw new IllegalStateException(\"draw\"); }|refused",
        "loops forever in render|public void render(Canvas c, CellContext x) { while (c != null) { clicks++; } }|refused",
        "recurses without end in render|public void render(Canvas c, CellContext x) { render(c, x); }|refused",
        "allocates without bound in render|public void render(Canvas c, CellContext x) { long[] a = new long[Integer.MAX_VALUE - 8]; }|refused",
        "draws absurd text|public void render(Canvas c, CellContext x) { c.drawText(\"x\".repeat(100_000), 0, 0, 9, 0, Align.LEFT); }|refused",
        "throws in onEvent|public boolean onEvent(InputEvent e, CellContext x) { throw new IllegalStateException(\"event\"); }|rolled back",
        "loops forever in onEvent|public boolean onEvent(InputEvent e, CellContext x) { while (x != null) { clicks++; } return true; }|rolled back",
        "draws NaN and huge numbers|public void render(Canvas c, CellContext x) { c.fillRect(Float.NaN, 1e30f, -1e30f, Float.POSITIVE_INFINITY, 0); }|swapped"})
    void aFaultyButtonNeverTakesTheDesktopDown(String fault, String member, String expected) throws Exception {
        String source = Assets.cellSource("Button").replace("    @State int clicks;", "    @State int clicks;\n    "
                + member + "\n");
        String renamedRender = source.contains("public void render(Canvas c, CellContext x)")
                ? source.replace("    @Override\n    public void render(Canvas canvas, CellContext context) {",
                        "    public void originalRender(Canvas canvas, CellContext context) {")
                : source;
        String renamedEvent = renamedRender.contains("public boolean onEvent(InputEvent e, CellContext x)")
                ? renamedRender.replace("    @Override\n    public boolean onEvent(InputEvent event, CellContext context) {",
                        "    public boolean originalOnEvent(InputEvent event, CellContext context) {")
                : renamedRender;
        long good = tissue.cells().get(1).generation();

        SwapOutcome outcome = tissue.swap("button", "Button.java", renamedEvent).get(60, TimeUnit.SECONDS);
        assertThat(outcome.diagnostics()).as("the fixture compiles").noneMatch(d -> d.severity()
                == dev.cellshell.livecompiler.Diagnostic.Severity.ERROR);
        click();

        CellView button = tissue.cells().get(1);
        switch (expected) {
            case "refused" -> {
                assertThat(outcome.swapped()).as(fault).isFalse();
                assertThat(button.generation()).isEqualTo(good);
                assertThat(sink.texts("button")).containsExactly("Click me (1)");
            }
            case "rolled back" -> {
                assertThat(outcome.swapped()).as(fault).isTrue();
                assertThat(button.generation()).isEqualTo(good);
                assertThat(button.lastError()).contains("rolled back");
            }
            default -> assertThat(outcome.swapped()).as(fault).isTrue();
        }
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }
}
