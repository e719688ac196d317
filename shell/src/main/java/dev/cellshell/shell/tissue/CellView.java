package dev.cellshell.shell.tissue;

import java.util.Map;

/**
 * A read-only snapshot of one live cell, safe to hand to other threads.
 *
 * @param state the cell's saved {@code @State} fields as {@code name=value,…}
 * @param health {@code ok}, {@code quarantined}, or that it renders slower than the frame budget
 * @param isolation {@code shared} or {@code solo}: which cell host runs it
 */
public record CellView(String id, String type, long generation, float x, float y, float width, float height,
        Map<String, String> props, String lastError, String state, String health, String isolation, String surface) {
}
