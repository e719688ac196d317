package dev.cellshell.shell.workspace;

import java.util.Map;

/**
 * One cell as the tissue declares it: id, type, where it is (an anchor with a margin, or absolute bounds),
 * its size and props. {@code x}/{@code y} are resolved against the desktop when the tissue is read.
 *
 * @param anchor where the cell is pinned, or {@code null} for absolute bounds
 */
public record CellSpec(String id, String type, Anchor anchor, float margin, float x, float y, float width,
        float height, Map<String, String> props) {

    public CellSpec {
        props = Map.copyOf(props);
    }

    /** A cell at absolute bounds. */
    public static CellSpec at(String id, String type, float x, float y, float width, float height,
            Map<String, String> props) {
        return new CellSpec(id, type, null, 0, x, y, width, height, props);
    }

    /** This cell pinned to {@code anchor} on a desktop of the given size. */
    public CellSpec pinned(Anchor to, float newMargin, float desktopWidth, float desktopHeight) {
        float[] corner = to.place(width, height, newMargin, desktopWidth, desktopHeight);
        return new CellSpec(id, type, to, newMargin, corner[0], corner[1], width, height, props);
    }

    public CellSpec withProps(Map<String, String> next) {
        return new CellSpec(id, type, anchor, margin, x, y, width, height, next);
    }

}
