package dev.cellshell.shell.intent;

import java.util.List;
import java.util.Map;

/**
 * What the intent engine knows of the desktop when a request comes: the cells back to front, the selected cell
 * ("this"), the types that can be spawned with their usual sizes, the variants each type declares, and the props
 * each type declares with {@code @Prop} (type → prop → its kind, range and fallback).
 */
public record Desktop(float width, float height, String theme, List<Cell> cells, String selected,
        Map<String, float[]> types, Map<String, Map<String, List<String>>> variants, List<String> themes,
        Map<String, Map<String, TypedProp>> propKinds, System system) {

    /**
     * What the engine knows of the system around the desktop: the installed applications, how many workspaces the
     * window manager has, and the panels (surface name → the edge it is on).
     */
    public record System(List<dev.cellshell.widgets.App> apps, int workspaces, Map<String, String> panels) {
        public static final System NONE = new System(List.of(), 0, Map.of());

        public System {
            apps = List.copyOf(apps);
            panels = Map.copyOf(panels);
        }
    }

    /** A desktop that knows nothing of the system around it. */
    public Desktop(float width, float height, String theme, List<Cell> cells, String selected,
            Map<String, float[]> types, Map<String, Map<String, List<String>>> variants, List<String> themes,
            Map<String, Map<String, TypedProp>> propKinds) {
        this(width, height, theme, cells, selected, types, variants, themes, propKinds, System.NONE);
    }

    /** A declared prop as the engine needs it: NUMBER, COLOR, FLAG or TEXT, a number's range, its fallback. */
    public record TypedProp(String kind, double min, double max, String fallback) {
    }

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
        propKinds = Map.copyOf(propKinds);
    }

    /** A desktop whose types declare no typed props (what the engine knew before {@code @Prop}). */
    public Desktop(float width, float height, String theme, List<Cell> cells, String selected,
            Map<String, float[]> types, Map<String, Map<String, List<String>>> variants, List<String> themes) {
        this(width, height, theme, cells, selected, types, variants, themes, Map.of(), System.NONE);
    }

    /** The colour props {@code type} declares, in declaration order; empty when it declares none. */
    List<String> colorProps(String type) {
        return propKinds.getOrDefault(type, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().kind().equals("COLOR")).map(Map.Entry::getKey).toList();
    }

    Cell cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
