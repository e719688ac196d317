package dev.cellshell.widgets;

import java.util.Arrays;

/**
 * How an outline is stroked: width, the shape of line ends and corners, and an optional dash pattern (on, off, …
 * lengths). {@code Stroke.of(2).withCap(Stroke.Cap.ROUND).withDash(6, 4)}.
 */
public record Stroke(float width, Cap cap, Join join, float[] dash) {

    /** Most entries a dash pattern may have. */
    public static final int MAX_DASH = 16;

    public enum Cap { BUTT, ROUND, SQUARE }

    public enum Join { MITER, ROUND, BEVEL }

    /** @throws IllegalArgumentException for a negative width or a dash pattern that is odd, long or not positive */
    public Stroke {
        if (!(width >= 0 && width <= 10_000)) {
            throw new IllegalArgumentException("stroke width must be 0-10000, not " + width);
        }
        java.util.Objects.requireNonNull(cap, "cap");
        java.util.Objects.requireNonNull(join, "join");
        dash = dash == null ? new float[0] : dash.clone();
        if (dash.length % 2 != 0 || dash.length > MAX_DASH) {
            throw new IllegalArgumentException("a dash pattern is an even number (at most " + MAX_DASH
                    + ") of on/off lengths, not " + dash.length);
        }
        for (float d : dash) {
            if (!(d > 0 && d <= 10_000)) {
                throw new IllegalArgumentException("dash lengths must be more than 0, not " + d);
            }
        }
    }

    /** A solid stroke of {@code width} with butt ends and mitred corners. */
    public static Stroke of(float width) {
        return new Stroke(width, Cap.BUTT, Join.MITER, null);
    }

    public Stroke withCap(Cap newCap) {
        return new Stroke(width, newCap, join, dash);
    }

    public Stroke withJoin(Join newJoin) {
        return new Stroke(width, cap, newJoin, dash);
    }

    public Stroke withDash(float... onOff) {
        return new Stroke(width, cap, join, onOff);
    }

    @Override
    public float[] dash() {
        return dash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stroke s && s.width == width && s.cap == cap && s.join == join
                && Arrays.equals(s.dash, dash);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, cap, join, Arrays.hashCode(dash));
    }

    @Override
    public String toString() {
        return "Stroke[" + width + ", " + cap + ", " + join + (dash.length == 0 ? "" : ", dash "
                + Arrays.toString(dash)) + "]";
    }
}
