package dev.cellshell.shell.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a container cell places the cells inside it: in a {@code row} (left to right, centred vertically), a
 * {@code column} (top to bottom, centred horizontally), a {@code grid} of {@code columns} (each cell centred in its
 * slot), or a {@code stack} (all centred on top of each other, later ones in front). Children keep their own size;
 * {@code padding} is kept inside the container's edge and {@code gap} between children. Pure arithmetic.
 */
public record Layout(Kind kind, float gap, float padding, int columns) {

    public enum Kind { ROW, COLUMN, GRID, STACK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code row} → ROW; names the kinds there are when {@code name} is none of them. */
        public static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.id().equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown layout '" + name + "' (row, column, grid, stack)");
        }
    }

    public Layout {
        if (gap < 0 || padding < 0 || !Float.isFinite(gap) || !Float.isFinite(padding)) {
            throw new IllegalArgumentException("layout gap and padding are numbers of pixels, 0 or more");
        }
        if (columns < 0) {
            throw new IllegalArgumentException("a grid has 1 or more columns, not " + columns);
        }
    }

    /** Where each child's top-left corner goes, in desktop coordinates, inside {@code container}. */
    public List<float[]> place(CellSpec container, List<CellSpec> children) {
        List<float[]> corners = new ArrayList<>(children.size());
        float left = container.x() + padding;
        float top = container.y() + padding;
        float innerWidth = Math.max(0, container.width() - 2 * padding);
        float innerHeight = Math.max(0, container.height() - 2 * padding);
        switch (kind) {
            case ROW -> {
                float x = left;
                for (CellSpec child : children) {
                    corners.add(new float[] {x, top + (innerHeight - child.height()) / 2});
                    x += child.width() + gap;
                }
            }
            case COLUMN -> {
                float y = top;
                for (CellSpec child : children) {
                    corners.add(new float[] {left + (innerWidth - child.width()) / 2, y});
                    y += child.height() + gap;
                }
            }
            case GRID -> {
                int across = columns > 0 ? columns : Math.max(1, (int) Math.ceil(Math.sqrt(children.size())));
                int rows = Math.max(1, (int) Math.ceil(children.size() / (double) across));
                float slotWidth = (innerWidth - (across - 1) * gap) / across;
                float slotHeight = (innerHeight - (rows - 1) * gap) / rows;
                for (int i = 0; i < children.size(); i++) {
                    CellSpec child = children.get(i);
                    float slotX = left + (i % across) * (slotWidth + gap);
                    float slotY = top + (i / across) * (slotHeight + gap);
                    corners.add(new float[] {slotX + (slotWidth - child.width()) / 2,
                        slotY + (slotHeight - child.height()) / 2});
                }
            }
            case STACK -> {
                for (CellSpec child : children) {
                    corners.add(new float[] {left + (innerWidth - child.width()) / 2,
                        top + (innerHeight - child.height()) / 2});
                }
            }
            default -> throw new IllegalStateException("layout " + kind);
        }
        return corners;
    }
}
