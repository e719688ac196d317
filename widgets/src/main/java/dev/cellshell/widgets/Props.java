package dev.cellshell.widgets;

import java.util.Map;

/**
 * A cell's props ({@link CellContext#props()}): named values owned by the tissue, set with {@code cell set}, the
 * props inspector or plain language, kept across every swap. Declare them on the class with {@link Prop} so tools
 * can offer them; read them with the typed readers.
 */
public interface Props {

    String string(String key, String fallback);

    /** The prop as a colour; {@code fallback} when absent or not a colour. */
    int color(String key, int fallback);

    /** The prop as a number; {@code fallback} when absent or not a number. */
    float number(String key, float fallback);

    /** The prop as {@code true}/{@code false} (also yes/no, on/off); {@code fallback} when absent or neither. */
    default boolean flag(String key, boolean fallback) {
        String text = string(key, "").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> fallback;
        };
    }

    /** The prop as the constant of {@code fallback}'s enum with that name (case ignored); {@code fallback} otherwise. */
    default <E extends Enum<E>> E choice(String key, E fallback) {
        String text = string(key, "").trim();
        for (E value : fallback.getDeclaringClass().getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        return fallback;
    }

    /** Every prop, by name. */
    Map<String, String> asMap();
}
