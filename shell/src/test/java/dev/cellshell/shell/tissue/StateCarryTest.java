package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.GenerationLoader;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.host.StateCarrier;
import dev.cellshell.widgets.Cell;
import dev.cellshell.widgets.InputEvent;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paired fixtures: {@code CounterV1} is clicked three times (count = 3, label = "three"), then swapped for a
 * {@code CounterV2} that changes one thing; each test says which state survives and which is reset.
 */
class StateCarryTest {

    private static final LiveCompiler COMPILER = new LiveCompiler(StateCarryTest.class.getClassLoader());
    private static long generations;

    /** A Counter whose class body is {@code members}; a key press increments {@code count}. */
    private static String counter(String header, String members) {
        return """
                import dev.cellshell.widgets.*;
                %s
                public class Counter %s {
                    %s
                    public void render(Canvas canvas, CellContext context) {
                        canvas.drawText("count", 0, 10, 12, Color.BLACK, Align.LEFT);
                    }
                }
                """.formatted("", header, members);
    }

    private static final String COUNTER_V1 = counter("implements Cell", """
            @State int count;
            @State String label = "none";
            static int loads = 7;
            public boolean onEvent(InputEvent e, CellContext c) { count++; label = "three"; loads++; return true; }
            """);

    private static Cell load(String source) throws Exception {
        CompileResult result = COMPILER.compile(List.of(new SourceFile("Counter.java", source)));
        assertThat(result.errors()).as("fixture compiles").isEmpty();
        return (Cell) new GenerationLoader("Counter", ++generations, result.classes(),
                StateCarryTest.class.getClassLoader()).loadClass("Counter").getDeclaredConstructor().newInstance();
    }

    private record Swapped(Cell cell, List<String> notes, StateCarrier.Report report) {
        Object field(String name) throws Exception {
            for (Class<?> c = cell.getClass(); c != null; c = c.getSuperclass()) {
                try {
                    Field f = c.getDeclaredField(name);
                    f.setAccessible(true);
                    return f.get(cell);
                } catch (NoSuchFieldException next) {
                    // look in the superclass
                }
            }
            throw new NoSuchFieldException(name);
        }
    }

    private static Swapped swapFromClickedV1(String v2) throws Exception {
        Cell v1 = load(COUNTER_V1);
        for (int i = 0; i < 3; i++) {
            v1.onEvent(new InputEvent.Key(true, 65, "a", 0), null);
        }
        List<String> notes = new ArrayList<>();
        Map<String, StateCarrier.Value> state = StateCarrier.read(v1, notes);
        Cell fresh = load(v2);
        StateCarrier.Report report = StateCarrier.carry(state, 1, fresh);
        notes.addAll(report.notes());
        return new Swapped(fresh, notes, report);
    }

    @Test
    void aBodyChangeKeepsEveryStateField() throws Exception {
        Swapped s = swapFromClickedV1(COUNTER_V1.replace("count++;", "count += 1;"));
        assertThat(s.field("count")).isEqualTo(3);
        assertThat(s.field("label")).isEqualTo("three");
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void anAddedFieldStartsFromItsDeclaration() throws Exception {
        Swapped s = swapFromClickedV1(COUNTER_V1.replace("@State int count;", "@State int count; @State int max = 99;"));
        assertThat(s.field("count")).isEqualTo(3);
        assertThat(s.field("max")).isEqualTo(99);
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void aRemovedFieldIsDroppedWithANote() throws Exception {
        Swapped s = swapFromClickedV1(COUNTER_V1.replace("@State String label = \"none\";", "String label;"));
        assertThat(s.field("count")).isEqualTo(3);
        assertThat(s.field("label")).isNull();
        assertThat(s.notes()).containsExactly(
                "state field label dropped: the new code has no @State field of that name");
    }

    @Test
    void aRenamedFieldStartsAgainAndTheOldNameIsDroppedButOfferedToOnReload() throws Exception {
        Swapped s = swapFromClickedV1(COUNTER_V1.replace("@State int count;", "@State int total;")
                .replace("count++", "total++"));
        assertThat(s.field("total")).isEqualTo(0);
        assertThat(s.notes()).contains("state field count dropped: the new code has no @State field of that name");
        assertThat(s.report().previous().get("count")).contains(3);
    }

    @Test
    void wideningAndBoxingCarryTheValue() throws Exception {
        assertThat(swapFromClickedV1(COUNTER_V1.replace("@State int count;", "@State long count;")
                .replace("count++", "count += 1")).field("count")).isEqualTo(3L);
        assertThat(swapFromClickedV1(COUNTER_V1.replace("@State int count;", "@State Integer count = 0;"))
                .field("count")).isEqualTo(3);
        assertThat(swapFromClickedV1(COUNTER_V1.replace("@State int count;", "@State double count;")
                .replace("count++", "count += 1")).field("count")).isEqualTo(3.0);
    }

    @Test
    void anIncompatibleTypeChangeResetsTheFieldWithANote() throws Exception {
        Swapped narrowed = swapFromClickedV1(COUNTER_V1.replace("@State int count;", "@State short count = 1;")
                .replace("count++", "count += 1"));
        assertThat(narrowed.field("count")).isEqualTo((short) 1);
        assertThat(narrowed.notes()).containsExactly("state field count reset: its type changed from int to short");

        Swapped retyped = swapFromClickedV1(COUNTER_V1.replace("@State int count;", "@State String count = \"zero\";")
                .replace("count++", "count += \"!\""));
        assertThat(retyped.field("count")).isEqualTo("zero");
        assertThat(retyped.field("label")).isEqualTo("three");
        assertThat(retyped.notes()).containsExactly(
                "state field count reset: its type changed from int to java.lang.String");
    }

    @Test
    void anAddedNestedClassAndRecordDoNotDisturbState() throws Exception {
        Swapped s = swapFromClickedV1(COUNTER_V1.replace("static int loads = 7;",
                "static int loads = 7; record Pair(int a, int b) { } static class Helper { int twice(int x) { return 2 * x; } }"));
        assertThat(s.field("count")).isEqualTo(3);
        assertThat(s.cell().getClass().getDeclaredClasses()).hasSize(2);
    }

    @Test
    void aChangedSuperclassKeepsStateDeclaredInIt() throws Exception {
        String v2 = counter("extends Base", """
                static int loads = 7;
                public boolean onEvent(InputEvent e, CellContext c) { count++; return true; }
                """) + """
                abstract class Base implements Cell {
                    @State int count;
                    @State String label = "none";
                }
                """;
        Swapped s = swapFromClickedV1(v2);
        assertThat(s.field("count")).isEqualTo(3);
        assertThat(s.field("label")).isEqualTo("three");
    }

    @Test
    void aChangedInterfaceListKeepsState() throws Exception {
        Swapped s = swapFromClickedV1(COUNTER_V1.replace("public class Counter implements Cell {",
                "public class Counter implements Cell, Comparable<Counter> {")
                .replace("static int loads = 7;",
                        "static int loads = 7; public int compareTo(Counter o) { return Integer.compare(count, o.count); }"));
        assertThat(s.field("count")).isEqualTo(3);
        assertThat(s.cell()).isInstanceOf(Comparable.class);
    }

    @Test
    void staticStateIsNotCarriedBecauseANewGenerationIsANewClass() throws Exception {
        Swapped s = swapFromClickedV1(COUNTER_V1);
        assertThat(s.field("loads")).isEqualTo(7);
    }

    @Test
    void onReloadCanMigrateWhatTheCarryCannot() throws Exception {
        String v2 = COUNTER_V1.replace("@State int count;", "@State int total;").replace("count++", "total++")
                .replace("static int loads = 7;", """
                        static int loads = 7;
                        public void onReload(PreviousState previous) {
                            total = (Integer) previous.get("count").orElse(0) * 10;
                        }
                        """);
        Swapped s = swapFromClickedV1(v2);
        s.cell().onReload(s.report().previous());
        assertThat(s.field("total")).isEqualTo(30);
    }
}
