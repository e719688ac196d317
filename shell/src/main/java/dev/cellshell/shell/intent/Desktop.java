package dev.cellshell.shell.intent;

import java.util.List;
import java.util.Map;

/**
 * What the intent engine knows of the desktop when a request comes: the cells back to front, the selected cell
 * ("this"), the types that can be spawned with their usual sizes, and the variants each type declares.
 */
public record Desktop(float width, float height, String theme, List<Cell> cells, String selected,
        Map<String, float[]> types, Map<String, Map<String, List<String>>> variants, List<String> themes) {

    /** One cell as the engine sees it. */
    public record Cell(String id, String type, float x, float y, float width, float height,
            Map<String, String> props) {

        /** The text a person sees on it (its {@code text} or {@code title} prop), lower case; empty when none. */
        String visibleText() {
            return props.getOrDefault("text", props.getOrDefault("title", "")).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Desktop {
        cells = List.copyOf(cells);
        types = Map.copyOf(types);
        variants = Map.copyOf(variants);
        themes = List.copyOf(themes);
    }

    Cell cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
