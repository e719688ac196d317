package dev.cellshell.compositor.paint;

import java.util.List;

/**
 * What the compositor draws over the cells: outlines (the cell under the pointer in inspect mode, the workbench's
 * selection) and a line of frame statistics. Not cell content: never in a backing, always on top.
 *
 * @param outlined ids of the cells to outline with their id tag
 * @param stats the statistics line, or empty for none
 */
public record Decorations(List<String> outlined, String stats) {

    public static final Decorations NONE = new Decorations(List.of(), "");

    public Decorations {
        outlined = List.copyOf(outlined);
    }
}
