package dev.cellshell.livecompiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.Cell;
import dev.cellshell.runtime.DisplayList;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Instrumented cell code stops at its next budget tick: endless loops and recursion cannot hang the tissue. */
class BudgetTest {

    private static final LiveCompiler COMPILER = new LiveCompiler(BudgetTest.class.getClassLoader());

    @AfterEach
    void disarm() {
        Budget.disarm();
    }

    private Cell load(String body) throws Exception {
        CompileResult result = COMPILER.compile(List.of(new SourceFile("Runaway.java", """
                import dev.cellshell.widgets.*;
                public class Runaway implements Cell {
                    int n;
                    public void render(Canvas canvas, CellContext context) {
                        %s
                    }
                    int deeper(int i) { return deeper(i + 1) + 1; }
                }
                """.formatted(body))));
        assertThat(result.errors()).isEmpty();
        return (Cell) new GenerationLoader("Runaway", 1, result.classes(), getClass().getClassLoader())
                .loadClass("Runaway").getDeclaredConstructor().newInstance();
    }

    private static void renderWithBudget(Cell cell) {
        Budget.arm(Duration.ofMillis(50).toNanos(), "runaway render");
        DisplayList.record(c -> cell.render(c, null));
    }

    @Test
    void anEndlessLoopIsStoppedWithACellTimeout() throws Exception {
        Cell cell = load("while (true) { n++; }");
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> renderWithBudget(cell))
                        .isInstanceOf(Budget.CellTimeout.class)
                        .hasMessageContaining("runaway render ran past its time budget"));
    }

    @Test
    void anEndlessLoopThatCatchesExceptionsIsStoppedToo() throws Exception {
        Cell cell = load("for (;;) { try { n += Integer.parseInt(\"x\"); } catch (Exception e) { n++; } }");
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> renderWithBudget(cell)).isInstanceOf(Budget.CellTimeout.class));
    }

    @Test
    void endlessRecursionEndsInAStackOverflowError() throws Exception {
        Cell cell = load("n = deeper(0);");
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> renderWithBudget(cell)).isInstanceOf(StackOverflowError.class));
    }

    @Test
    void codeThatFinishesInItsBudgetIsNotDisturbed() throws Exception {
        Cell cell = load("for (int i = 0; i < 100_000; i++) { n += i % 7; }");
        renderWithBudget(cell);
        Budget.disarm();
        Cell again = load("for (int i = 0; i < 1_000_000; i++) { n += i % 7; }");
        DisplayList.record(c -> again.render(c, null));
    }

    /** A parallel API's pool thread running cell code is stopped even after the cell's own call returned. */
    @Test
    void cellCodeOnAnotherThreadIsStoppedAtItsNextCheck() throws Exception {
        Cell cell = load("while (true) { n++; }");
        Budget.arm(Duration.ofSeconds(60).toNanos(), "cell 'x' render");
        Budget.disarm();
        java.util.concurrent.CompletableFuture<Void> pool = java.util.concurrent.CompletableFuture.runAsync(() ->
                DisplayList.record(c -> cell.render(c, null)));
        assertThatThrownBy(() -> pool.get(20, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(Budget.CellTimeout.class)
                .hasMessageContaining("cell code may run only on its cell host's thread");
    }
}
