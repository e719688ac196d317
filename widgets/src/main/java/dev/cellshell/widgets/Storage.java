package dev.cellshell.widgets;

import java.util.Map;

/**
 * The cell's own small persistent store of text values, in the workspace ({@code data/<cell id>.properties}),
 * written atomically before {@code put} returns. For what a person typed or chose (notes, settings); {@code @State}
 * is for what must survive a swap.
 */
public interface Storage extends Service {

    String get(String key, String fallback);

    /** Saves {@code value} under {@code key}; an empty value removes the key. */
    void put(String key, String value);

    /** Everything stored, by key. */
    Map<String, String> all();
}
