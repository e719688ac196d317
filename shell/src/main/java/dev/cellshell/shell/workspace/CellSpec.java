package dev.cellshell.shell.workspace;

import java.util.Map;

/**
 * One cell as the tissue declares it: id, type, where it is (an anchor with a margin, or absolute bounds),
 * its size and props. {@code x}/{@code y} are resolved against the desktop when the tissue is read.
 *
 * @param anchor where the cell is pinned, or {@code null} for absolute bounds (or a place in its container)
 * @param parent the id of the container cell this one is inside, empty at the top level; its container places it
 * @param layout how this cell places the cells inside it, or {@code null} when it is no container
 * @param isolation {@value #SHARED} (the cell host of the built-in and the person's own cells), {@value #SOLO}
 *     (a cell host of its own), or {@code node:NAME} (a cell host on the paired node NAME, through the gateway)
 * @param surface the name of the surface the cell is on (its x and y are in that surface's coordinates); empty:
 *     the tissue's first surface. A cell inside a container is on its container's surface.
 */
public record CellSpec(String id, String type, Anchor anchor, float margin, float x, float y, float width,
        float height, Map<String, String> props, String parent, Layout layout, String isolation, String surface) {

    public static final String SHARED = "shared";
    public static final String SOLO = "solo";
    /** The prefix of an isolation that names another node. */
    public static final String NODE = "node:";

    public CellSpec {
        props = Map.copyOf(props);
        parent = parent == null ? "" : parent;
        isolation = isolation == null || isolation.isEmpty() ? SHARED : isolation;
        surface = surface == null ? "" : surface;
        if (!isolation.equals(SHARED) && !isolation.equals(SOLO)
                && !(isolation.startsWith(NODE) && isolation.substring(NODE.length()).matches("[a-z][a-z0-9-]{0,31}"))) {
            throw new IllegalArgumentException("isolation is shared, solo or node:NAME, not '" + isolation + "'");
        }
    }

    public CellSpec(String id, String type, Anchor anchor, float margin, float x, float y, float width,
            float height, Map<String, String> props, String parent, Layout layout) {
        this(id, type, anchor, margin, x, y, width, height, props, parent, layout, SHARED, "");
    }

    public CellSpec(String id, String type, Anchor anchor, float margin, float x, float y, float width,
            float height, Map<String, String> props, String parent, Layout layout, String isolation) {
        this(id, type, anchor, margin, x, y, width, height, props, parent, layout, isolation, "");
    }

    /** This cell on the surface named {@code name} (empty: the first one). */
    public CellSpec onSurface(String name) {
        return new CellSpec(id, type, anchor, margin, x, y, width, height, props, parent, layout, isolation, name);
    }

    /** The node this cell runs on, or empty when it runs on this one. */
    public String node() {
        return nodeOf(isolation);
    }

    /** The node an isolation names ({@code node:NAME}), or empty. */
    public static String nodeOf(String isolation) {
        return isolation.startsWith(NODE) ? isolation.substring(NODE.length()) : "";
    }

    /** This cell in a cell host of its own ({@value #SOLO}) or the shared one. */
    public CellSpec withIsolation(String next) {
        return new CellSpec(id, type, anchor, margin, x, y, width, height, props, parent, layout, next, surface);
    }

    /** A top-level cell at absolute bounds. */
    public static CellSpec at(String id, String type, float x, float y, float width, float height,
            Map<String, String> props) {
        return new CellSpec(id, type, null, 0, x, y, width, height, props, "", null, SHARED);
    }

    /** This cell pinned to {@code anchor} on a desktop of the given size, at the top level. */
    public CellSpec pinned(Anchor to, float newMargin, float desktopWidth, float desktopHeight) {
        float[] corner = to.place(width, height, newMargin, desktopWidth, desktopHeight);
        return new CellSpec(id, type, to, newMargin, corner[0], corner[1], width, height, props, "", layout,
                isolation, surface);
    }

    public CellSpec withProps(Map<String, String> next) {
        return new CellSpec(id, type, anchor, margin, x, y, width, height, next, parent, layout, isolation, surface);
    }

    /** This cell with its top-left corner at (x, y), nothing else changed. */
    public CellSpec withCorner(float newX, float newY) {
        return new CellSpec(id, type, anchor, margin, newX, newY, width, height, props, parent, layout, isolation, surface);
    }

    /** This cell at absolute bounds at the top level (out of any container). */
    public CellSpec atTopLevel(float newX, float newY) {
        return new CellSpec(id, type, null, 0, newX, newY, width, height, props, "", layout, isolation, surface);
    }

    /** This cell inside {@code container} (which places it). */
    public CellSpec inside(String container) {
        return new CellSpec(id, type, null, 0, x, y, width, height, props, container, layout, isolation, surface);
    }

    public CellSpec withLayout(Layout next) {
        return new CellSpec(id, type, anchor, margin, x, y, width, height, props, parent, next, isolation, surface);
    }

}
