package dev.cellshell.shell.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plain language reads the colour props a cell type declares with {@code @Prop}, for types it never saw. */
class TypedPropsIntentTest {

    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = Engine.start();
        engine.awaitModel();
    }

    static Desktop desktop() {
        List<Desktop.Cell> cells = List.of(
                new Desktop.Cell("gauge", "Gauge", 40, 40, 200, 200, Map.of()),
                new Desktop.Cell("card", "Card", 300, 40, 200, 100, Map.of("size", "40")));
        Map<String, Map<String, Desktop.TypedProp>> kinds = Map.of(
                "Gauge", Map.of("needle", prop("COLOR"), "max", prop("NUMBER")),
                "Card", Map.of("textColor", prop("COLOR"), "size",
                        new Desktop.TypedProp("NUMBER", 6, 48, "28")));
        return new Desktop(1280, 720, "dark", cells, "", Map.of("Gauge", new float[] {200, 200}, "Card",
                new float[] {200, 100}), Map.of(), List.of("dark"), kinds);
    }

    static Desktop.TypedProp prop(String kind) {
        return new Desktop.TypedProp(kind, -Double.MAX_VALUE, Double.MAX_VALUE, "");
    }

    @Test
    void biggerTextChangesTheDeclaredTextSizeWithinItsRangeAndNotTheCell() {
        Plan plan = engine.plan("make the card text bigger", desktop());
        assertThat(plan.understood()).as(plan.message()).isTrue();
        assertThat(plan.changes()).singleElement().isInstanceOfSatisfying(Op.Set.class, set ->
                assertThat(set.props()).containsExactly(Map.entry("size", "48")));
        Plan smaller = engine.plan("make the card font a bit smaller", desktop());
        assertThat(smaller.changes()).singleElement().isInstanceOfSatisfying(Op.Set.class, set ->
                assertThat(set.props()).containsExactly(Map.entry("size", "36")));
        Plan none = engine.plan("make the gauge text bigger", desktop());
        assertThat(none.understood()).isFalse();
        assertThat(none.message()).contains("declares no text size");
    }

    @Test
    void aColourGoesToTheColourPropTheTypeDeclares() {
        Plan plan = engine.plan("make the gauge red", desktop());
        assertThat(plan.understood()).as(plan.message()).isTrue();
        assertThat(plan.changes()).singleElement().isInstanceOfSatisfying(Op.Set.class, set -> {
            assertThat(set.cell()).isEqualTo("gauge");
            assertThat(set.props()).containsOnlyKeys("needle");
        });
        Plan text = engine.plan("make the card text blue", desktop());
        assertThat(text.changes()).singleElement().isInstanceOfSatisfying(Op.Set.class, set ->
                assertThat(set.props()).containsOnlyKeys("textColor"));
    }

    @Test
    void aPartTheTypeHasNoColourForIsRefusedNamingTheColoursItHas() {
        Plan plan = engine.plan("make the gauge border green", desktop());
        assertThat(plan.understood()).isFalse();
        assertThat(plan.message()).contains("has no border colour").contains("needle");
    }
}
