package dev.cellshell.widgets.kit;

import dev.cellshell.widgets.Rect;

/**
 * Boxes one after another down a column or along a row of an area, with a gap between them:
 * {@code Stack rows = Stack.column(area, 8); Rect title = rows.next(24); Rect body = rows.rest();}. Never hands out
 * more than the area holds (a box is cut, then empty).
 */
public final class Stack {

    private final Rect area;
    private final boolean vertical;
    private final float gap;
    private float used;

    private Stack(Rect area, boolean vertical, float gap) {
        this.area = area;
        this.vertical = vertical;
        this.gap = Math.max(0, gap);
    }

    /** Boxes from the top of {@code area} down. */
    public static Stack column(Rect area, float gap) {
        return new Stack(area, true, gap);
    }

    /** Boxes from the left of {@code area} across. */
    public static Stack row(Rect area, float gap) {
        return new Stack(area, false, gap);
    }

    /** The next box, {@code size} tall (column) or wide (row), full across; then a gap. */
    public Rect next(float size) {
        float length = vertical ? area.h() : area.w();
        float start = Math.min(used, length);
        float take = Math.max(0, Math.min(size, length - start));
        used = start + take + gap;
        return vertical ? new Rect(area.x(), area.y() + start, area.w(), take)
                : new Rect(area.x() + start, area.y(), take, area.h());
    }

    /** Everything not handed out yet. */
    public Rect rest() {
        float length = vertical ? area.h() : area.w();
        return next(Math.max(0, length - Math.min(used, length)));
    }

    /** {@code area} cut into {@code n} equal rows with {@code gap} between them. */
    public static Rect[] rows(Rect area, int n, float gap) {
        return split(column(area, gap), area.h(), n, gap);
    }

    /** {@code area} cut into {@code n} equal columns with {@code gap} between them. */
    public static Rect[] columns(Rect area, int n, float gap) {
        return split(row(area, gap), area.w(), n, gap);
    }

    private static Rect[] split(Stack stack, float length, int n, float gap) {
        if (n < 1) {
            throw new IllegalArgumentException("split into at least 1, not " + n);
        }
        float each = Math.max(0, (length - gap * (n - 1)) / n);
        Rect[] boxes = new Rect[n];
        for (int i = 0; i < n; i++) {
            boxes[i] = stack.next(each);
        }
        return boxes;
    }
}
