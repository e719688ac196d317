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
                new Desktop.Cell("card", "Card", 300, 40, 200, 100, Map.of()));
        Map<String, Map<String, String>> kinds = Map.of(
                "Gauge", Map.of("needle", "COLOR", "max", "NUMBER"),
                "Card", new java.util.LinkedHashMap<>(Map.of("textColor", "COLOR")));
        return new Desktop(1280, 720, "dark", cells, "", Map.of("Gauge", new float[] {200, 200}, "Card",
                new float[] {200, 100}), Map.of(), List.of("dark"), kinds);
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
