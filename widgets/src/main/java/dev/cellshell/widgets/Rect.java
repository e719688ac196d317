package dev.cellshell.widgets;

/**
 * A rectangle in a cell's coordinates: where to draw, clip or take input. Immutable; the helpers carve smaller
 * boxes out of a bigger one, so a cell computes its layout once and uses it both to draw and to hit-test.
 */
public record Rect(float x, float y, float w, float h) {

    /** The whole cell. */
    public static Rect of(CellContext context) {
        return new Rect(0, 0, context.width(), context.height());
    }

    public static Rect of(float x, float y, float w, float h) {
        return new Rect(x, y, w, h);
    }

    public float right() {
        return x + w;
    }

    public float bottom() {
        return y + h;
    }

    public float centerX() {
        return x + w / 2;
    }

    public float centerY() {
        return y + h / 2;
    }

    /** Smaller by {@code d} on every side (never negative in size). */
    public Rect inset(float d) {
        return inset(d, d);
    }

    public Rect inset(float dx, float dy) {
        return new Rect(x + dx, y + dy, Math.max(0, w - 2 * dx), Math.max(0, h - 2 * dy));
    }

    /** The top {@code height} of this box (all of it when shorter). */
    public Rect top(float height) {
        return new Rect(x, y, w, Math.min(h, Math.max(0, height)));
    }

    /** What is left below the top {@code height}. */
    public Rect belowTop(float height) {
        float cut = Math.min(h, Math.max(0, height));
        return new Rect(x, y + cut, w, h - cut);
    }

    /** The left {@code width} of this box. */
    public Rect left(float width) {
        return new Rect(x, y, Math.min(w, Math.max(0, width)), h);
    }

    /** What is right of the left {@code width}. */
    public Rect rightOf(float width) {
        float cut = Math.min(w, Math.max(0, width));
        return new Rect(x + cut, y, w - cut, h);
    }

    public Rect translate(float dx, float dy) {
        return new Rect(x + dx, y + dy, w, h);
    }

    public boolean contains(float px, float py) {
        return px >= x && py >= y && px < x + w && py < y + h;
    }
}
