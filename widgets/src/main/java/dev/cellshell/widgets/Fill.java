package dev.cellshell.widgets;

import java.util.Arrays;

/**
 * What the inside of a shape is painted with: one colour, or a linear or radial gradient between 2–16 colours.
 * Gradient coordinates are the cell's own, like the shape's.
 */
public sealed interface Fill {

    /** Most colours a gradient may have. */
    int MAX_COLORS = 16;

    static Fill solid(int color) {
        return new Solid(color);
    }

    /** Colours spread evenly from (x0, y0) to (x1, y1). */
    static Fill linear(float x0, float y0, float x1, float y1, int... colors) {
        return new Linear(x0, y0, x1, y1, colors, null);
    }

    /** Colours spread evenly from the centre to {@code radius}. */
    static Fill radial(float cx, float cy, float radius, int... colors) {
        return new Radial(cx, cy, radius, colors, null);
    }

    record Solid(int color) implements Fill {
    }

    /** @param stops where each colour sits, 0–1 ascending; {@code null} spreads them evenly */
    record Linear(float x0, float y0, float x1, float y1, int[] colors, float[] stops) implements Fill {

        public Linear {
            colors = Gradients.colors(colors);
            stops = Gradients.stops(stops, colors.length);
            Gradients.finite(x0, y0, x1, y1);
        }

        @Override
        public int[] colors() {
            return colors.clone();
        }

        @Override
        public float[] stops() {
            return stops.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Linear l && l.x0 == x0 && l.y0 == y0 && l.x1 == x1 && l.y1 == y1
                    && Arrays.equals(l.colors, colors) && Arrays.equals(l.stops, stops);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(colors) * 31 + Arrays.hashCode(stops);
        }

        @Override
        public String toString() {
            return "Linear[" + x0 + ", " + y0 + " -> " + x1 + ", " + y1 + ", " + Gradients.describe(colors, stops) + "]";
        }
    }

    /** @param stops where each colour sits, 0–1 ascending; {@code null} spreads them evenly */
    record Radial(float cx, float cy, float radius, int[] colors, float[] stops) implements Fill {

        public Radial {
            colors = Gradients.colors(colors);
            stops = Gradients.stops(stops, colors.length);
            Gradients.finite(cx, cy, radius);
            if (!(radius > 0)) {
                throw new IllegalArgumentException("a radial gradient's radius must be more than 0, not " + radius);
            }
        }

        @Override
        public int[] colors() {
            return colors.clone();
        }

        @Override
        public float[] stops() {
            return stops.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Radial r && r.cx == cx && r.cy == cy && r.radius == radius
                    && Arrays.equals(r.colors, colors) && Arrays.equals(r.stops, stops);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(colors) * 31 + Arrays.hashCode(stops);
        }

        @Override
        public String toString() {
            return "Radial[" + cx + ", " + cy + " r " + radius + ", " + Gradients.describe(colors, stops) + "]";
        }
    }
}

/** Checks shared by the gradients. */
final class Gradients {

    private Gradients() {
    }

    static int[] colors(int[] colors) {
        if (colors == null || colors.length < 2 || colors.length > Fill.MAX_COLORS) {
            throw new IllegalArgumentException("a gradient has 2-" + Fill.MAX_COLORS + " colours, not "
                    + (colors == null ? 0 : colors.length));
        }
        return colors.clone();
    }

    static float[] stops(float[] stops, int count) {
        if (stops == null) {
            float[] even = new float[count];
            for (int i = 0; i < count; i++) {
                even[i] = i / (float) (count - 1);
            }
            return even;
        }
        if (stops.length != count) {
            throw new IllegalArgumentException("a gradient needs one stop per colour (" + count + "), not "
                    + stops.length);
        }
        float last = 0;
        for (float s : stops) {
            if (!(s >= last && s <= 1)) {
                throw new IllegalArgumentException("gradient stops go up from 0 to 1: " + Arrays.toString(stops));
            }
            last = s;
        }
        return stops.clone();
    }

    static String describe(int[] colors, float[] stops) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < colors.length; i++) {
            out.append(i == 0 ? "" : ", ").append(Color.format(colors[i])).append(" at ").append(stops[i]);
        }
        return out.toString();
    }

    static void finite(float... values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("a gradient's coordinates must be finite numbers, not " + v);
            }
        }
    }
}
