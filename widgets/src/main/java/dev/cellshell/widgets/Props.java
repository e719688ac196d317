package dev.cellshell.widgets;

import java.util.Map;
import java.util.TreeMap;

/**
 * A cell's props: named string values with typed readers. Immutable; change one with {@link #with}. Owned by the
 * tissue, so they survive every swap of the cell's source.
 */
public final class Props {

    private static final Props EMPTY = new Props(Map.of());

    private final Map<String, String> values;

    private Props(Map<String, String> values) {
        this.values = values;
    }

    public static Props empty() {
        return EMPTY;
    }

    public static Props of(Map<String, String> values) {
        return new Props(Map.copyOf(values));
    }

    public Props with(String key, String value) {
        Map<String, String> next = new TreeMap<>(values);
        next.put(key, value);
        return new Props(Map.copyOf(next));
    }

    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** The prop as a colour; {@code fallback} when absent or not a colour. */
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

    /** The prop as a number; {@code fallback} when absent or not a number. */
    public float number(String key, float fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Float.parseFloat(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Props p && p.values.equals(values);
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
