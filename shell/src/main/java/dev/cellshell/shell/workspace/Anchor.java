package dev.cellshell.shell.workspace;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The nine places a cell can be pinned to on the desktop, with a margin from the edges. */
public enum Anchor {
    TOP_LEFT, TOP, TOP_RIGHT, LEFT, CENTER, RIGHT, BOTTOM_LEFT, BOTTOM, BOTTOM_RIGHT;

    /** {@code top-right} → {@link #TOP_RIGHT}; names the valid ones when {@code name} is not one. */
    public static Anchor of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown anchor '" + name + "' (one of " + Arrays.stream(values())
                    .map(Anchor::id).collect(Collectors.joining(", ")) + ")");
        }
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The top-left corner of a {@code width}×{@code height} cell placed here on the desktop. */
    public float[] place(float width, float height, float margin, float desktopWidth, float desktopHeight) {
        int column = ordinal() % 3;
        int row = ordinal() / 3;
        float x = column == 0 ? margin : column == 1 ? (desktopWidth - width) / 2 : desktopWidth - margin - width;
        float y = row == 0 ? margin : row == 1 ? (desktopHeight - height) / 2 : desktopHeight - margin - height;
        return new float[] {x, y};
    }
}
