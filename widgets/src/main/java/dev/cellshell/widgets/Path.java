package dev.cellshell.widgets;

import java.util.Arrays;

/**
 * An outline made of lines and curves, for {@link Canvas#fillPath} and {@link Canvas#strokePath}: a chart's line, a
 * speech bubble's tail, an icon. Built in place ({@code new Path().moveTo(0, 0).lineTo(10, 0).close()}); the canvas
 * copies it when it is drawn, so one path may be changed and drawn again.
 */
public final class Path {

    /** Most verbs one path may hold. */
    public static final int MAX_VERBS = 65_536;

    /** What each verb is; the number of points it takes follows from it. */
    public enum Verb {
        MOVE(2), LINE(2), QUAD(4), CUBIC(6), ARC(5), CLOSE(0);

        private final int floats;

        Verb(int floats) {
            this.floats = floats;
        }

        /** How many numbers follow this verb. */
        public int floats() {
            return floats;
        }
    }

    private byte[] verbs = new byte[8];
    private float[] numbers = new float[32];
    private int verbCount;
    private int numberCount;
    private boolean evenOdd;

    public Path moveTo(float x, float y) {
        return add(Verb.MOVE, x, y);
    }

    public Path lineTo(float x, float y) {
        return add(Verb.LINE, x, y);
    }

    /** A quadratic curve to (x, y) bent towards (cx, cy). */
    public Path quadTo(float cx, float cy, float x, float y) {
        return add(Verb.QUAD, cx, cy, x, y);
    }

    /** A cubic curve to (x, y) with control points (c1x, c1y) and (c2x, c2y). */
    public Path cubicTo(float c1x, float c1y, float c2x, float c2y, float x, float y) {
        return add(Verb.CUBIC, c1x, c1y, c2x, c2y, x, y);
    }

    /**
     * A circular arc around (cx, cy) of {@code radius}, from {@code startDegrees} (0 = 3 o'clock, clockwise) over
     * {@code sweepDegrees}; joined to the current point with a line.
     */
    public Path arc(float cx, float cy, float radius, float startDegrees, float sweepDegrees) {
        return add(Verb.ARC, cx, cy, radius, startDegrees, sweepDegrees);
    }

    /** Joins the current point to the start of the contour. */
    public Path close() {
        return add(Verb.CLOSE);
    }

    /** Fills by the even-odd rule (holes where contours overlap) instead of non-zero winding. */
    public Path evenOdd() {
        evenOdd = true;
        return this;
    }

    public boolean isEvenOdd() {
        return evenOdd;
    }

    public int verbCount() {
        return verbCount;
    }

    public Verb verb(int index) {
        return Verb.values()[verbs[index]];
    }

    /** The numbers of every verb in order (a copy). */
    public float[] numbers() {
        return Arrays.copyOf(numbers, numberCount);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(evenOdd ? "Path[even-odd" : "Path[");
        int at = 0;
        for (int i = 0; i < verbCount; i++) {
            Verb verb = verb(i);
            out.append(i == 0 && !evenOdd ? "" : " ").append(verb.name().toLowerCase(java.util.Locale.ROOT));
            for (int n = 0; n < verb.floats(); n++) {
                out.append(n == 0 ? " " : ",").append(numbers[at + n]);
            }
            at += verb.floats();
        }
        return out.append(']').toString();
    }

    private Path add(Verb verb, float... values) {
        if (verbCount == MAX_VERBS) {
            throw new IllegalStateException("a path holds at most " + MAX_VERBS + " verbs");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("a path's coordinates must be finite numbers, not " + v);
            }
        }
        if (verbCount == verbs.length) {
            verbs = Arrays.copyOf(verbs, verbs.length * 2);
        }
        verbs[verbCount++] = (byte) verb.ordinal();
        if (numberCount + values.length > numbers.length) {
            numbers = Arrays.copyOf(numbers, Math.max(numbers.length * 2, numberCount + values.length));
        }
        System.arraycopy(values, 0, numbers, numberCount, values.length);
        numberCount += values.length;
        return this;
    }
}
