package dev.cellshell.runtime;

import dev.cellshell.widgets.Color;
import dev.cellshell.widgets.Props;
import java.util.Map;
import java.util.TreeMap;

/** The {@link Props} the tissue and the host hand a cell: immutable string values; change one with {@link #with}. */
public final class PropValues implements Props {

    private static final PropValues EMPTY = new PropValues(Map.of());

    private final Map<String, String> values;

    private PropValues(Map<String, String> values) {
        this.values = values;
    }

    public static PropValues empty() {
        return EMPTY;
    }

    public static PropValues of(Map<String, String> values) {
        return new PropValues(Map.copyOf(values));
    }

    public PropValues with(String key, String value) {
        Map<String, String> next = new TreeMap<>(values);
        next.put(key, value);
        return new PropValues(Map.copyOf(next));
    }

    @Override
    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    @Override
    public int color(String key, int fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Color.parse(text.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    @Override
    public float number(String key, float fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            float value = Float.parseFloat(text.trim());
            return Float.isFinite(value) ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PropValues p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return new TreeMap<>(values).toString();
    }
}
