package dev.cellshell.livecompiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.Cell;
import dev.cellshell.runtime.DisplayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCompilerTest {

    private static final LiveCompiler COMPILER = new LiveCompiler(LiveCompilerTest.class.getClassLoader());

    private static SourceFile greeter(String greeting) {
        return new SourceFile("Greeter.java", """
                import dev.cellshell.widgets.*;

                public class Greeter implements Cell {
                    public void render(Canvas canvas, CellContext context) {
                        canvas.drawText("%s", 0, 10, 12, Color.BLACK, Align.LEFT);
                    }
                }
                """.formatted(greeting));
    }

    @Test
    void validSourceCompilesToALoadableCell() throws Exception {
        CompileResult result = COMPILER.compile(List.of(greeter("hello")));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.classes()).containsOnlyKeys("Greeter");
        GenerationLoader loader = new GenerationLoader("Greeter", 1, result.classes(), getClass().getClassLoader());
        Cell cell = (Cell) loader.loadClass("Greeter").getDeclaredConstructor().newInstance();
        DisplayList list = DisplayList.record(c -> cell.render(c, null));
        assertThat(list.size()).isGreaterThan(1);
    }

    @Test
    void brokenSourceReportsLineColumnAndMessageAndYieldsNoClasses() {
        SourceFile broken = new SourceFile("Broken.java", """
                import dev.cellshell.widgets.*;

                public class Broken implements Cell {
                    public void render(Canvas canvas, CellContext context) {
                        canvas.fillRect(0, 0, 10, 10, undefinedColour);
                    }
                }
                """);

        CompileResult result = COMPILER.compile(List.of(broken));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.classes()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("Broken.java");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.column()).isEqualTo(39);
            assertThat(d.length()).as("the compiler's range: the name").isEqualTo("undefinedColour".length());
            assertThat(d.message()).contains("undefinedColour cannot be resolved");
            assertThat(d.excerpt()).contains("canvas.fillRect(0, 0, 10, 10, undefinedColour);");
            assertThat(d.format()).startsWith("Broken.java:5:39: error: ");
        });
    }

    @Test
    void syntaxErrorsAreAllReportedNotJustTheFirst() {
        SourceFile broken = new SourceFile("Two.java", """
                public class Two {
                    int a = ;
                    int b = ;
                }
                """);
        assertThat(COMPILER.compile(List.of(broken)).errors()).extracting(Diagnostic::line).contains(2, 3);
    }

    @Test
    void eachGenerationLoadsItsOwnVersionOfTheSameClassName() throws Exception {
        CompileResult first = COMPILER.compile(List.of(greeter("one")));
        CompileResult second = COMPILER.compile(List.of(greeter("two")));
        ClassLoader host = getClass().getClassLoader();

        Class<?> v1 = new GenerationLoader("Greeter", 1, first.classes(), host).loadClass("Greeter");
        Class<?> v2 = new GenerationLoader("Greeter", 2, second.classes(), host).loadClass("Greeter");

        assertThat(v1).isNotSameAs(v2);
        assertThat(v1.getName()).isEqualTo(v2.getName());
        assertThat(Cell.class.isAssignableFrom(v2)).as("the widgets API comes from the host").isTrue();
    }

    @Test
    void helperTypesInSeveralFilesCompileTogether() {
        SourceFile helper = new SourceFile("Palette.java", """
                record Palette(int background) {
                    static Palette dark() { return new Palette(0xFF202020); }
                }
                """);
        SourceFile cell = new SourceFile("Themed.java", """
                import dev.cellshell.widgets.*;
                public class Themed implements Cell {
                    public void render(Canvas c, CellContext ctx) { c.clear(Palette.dark().background()); }
                }
                """);
        CompileResult result = COMPILER.compile(List.of(helper, cell));
        assertThat(result.errors()).isEmpty();
        assertThat(result.classes()).containsOnlyKeys("Palette", "Themed");
    }

    @Test
    void aCompileWhoseTextIsGoneIsDroppedBeforeOrWhileItRunsAndTheNextOneIsWhole() {
        assertThatThrownBy(() -> COMPILER.compile(List.of(greeter("old")), () -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> COMPILER.compile(List.of(greeter("typing")), () -> asked.incrementAndGet() > 2))
                .as("ECJ asks between its phases; the third answer stops it")
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(asked.get()).isGreaterThan(2);

        CompileResult next = COMPILER.compile(List.of(greeter("done")), () -> false);
        assertThat(next.succeeded()).isTrue();
        assertThat(next.classes()).containsOnlyKeys("Greeter");
    }
}

