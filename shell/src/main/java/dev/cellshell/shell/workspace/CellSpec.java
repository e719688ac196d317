package dev.cellshell.shell.workspace;

import java.util.Map;

/** One cell as the tissue definition declares it: id, type, bounds (desktop pixels) and props. */
public record CellSpec(String id, String type, float x, float y, float width, float height,
        Map<String, String> props) {

    public CellSpec {
        props = Map.copyOf(props);
    }

    public boolean contains(float px, float py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }
}
