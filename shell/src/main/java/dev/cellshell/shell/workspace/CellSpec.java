package dev.cellshell.shell.workspace;

import java.util.Map;

/**
 * One cell as the tissue declares it: id, type, where it is (an anchor with a margin, or absolute bounds),
 * its size and props. {@code x}/{@code y} are resolved against the desktop when the tissue is read.
 *
 * @param anchor where the cell is pinned, or {@code null} for absolute bounds (or a place in its container)
 * @param parent the id of the container cell this one is inside, empty at the top level; its container places it
 * @param layout how this cell places the cells inside it, or {@code null} when it is no container
 */
public record CellSpec(String id, String type, Anchor anchor, float margin, float x, float y, float width,
        float height, Map<String, String> props, String parent, Layout layout) {

    public CellSpec {
        props = Map.copyOf(props);
        parent = parent == null ? "" : parent;
    }

    /** A top-level cell at absolute bounds. */
    public static CellSpec at(String id, String type, float x, float y, float width, float height,
            Map<String, String> props) {
        return new CellSpec(id, type, null, 0, x, y, width, height, props, "", null);
    }

    /** This cell pinned to {@code anchor} on a desktop of the given size, at the top level. */
    public CellSpec pinned(Anchor to, float newMargin, float desktopWidth, float desktopHeight) {
        float[] corner = to.place(width, height, newMargin, desktopWidth, desktopHeight);
        return new CellSpec(id, type, to, newMargin, corner[0], corner[1], width, height, props, "", layout);
    }

    public CellSpec withProps(Map<String, String> next) {
        return new CellSpec(id, type, anchor, margin, x, y, width, height, next, parent, layout);
    }

    /** This cell with its top-left corner at (x, y), nothing else changed. */
    public CellSpec withCorner(float newX, float newY) {
        return new CellSpec(id, type, anchor, margin, newX, newY, width, height, props, parent, layout);
    }

    /** This cell at absolute bounds at the top level (out of any container). */
    public CellSpec atTopLevel(float newX, float newY) {
        return new CellSpec(id, type, null, 0, newX, newY, width, height, props, "", layout);
    }

    /** This cell inside {@code container} (which places it). */
    public CellSpec inside(String container) {
        return new CellSpec(id, type, null, 0, x, y, width, height, props, container, layout);
    }

    public CellSpec withLayout(Layout next) {
        return new CellSpec(id, type, anchor, margin, x, y, width, height, props, parent, next);
    }

}
