package dev.cellshell.widgets;

/**
 * A drop shadow for {@link Canvas#drawShadow}: offset by (dx, dy), softened by {@code blur} (the Gaussian's sigma,
 * in logical pixels, 0–100), in {@code color} (usually translucent black).
 */
public record Shadow(float dx, float dy, float blur, int color) {

    public static final float MAX_BLUR = 100;

    public Shadow {
        if (!Float.isFinite(dx) || !Float.isFinite(dy) || !(blur >= 0 && blur <= MAX_BLUR)) {
            throw new IllegalArgumentException("a shadow's offset must be finite and its blur 0-" + MAX_BLUR
                    + ", not (" + dx + ", " + dy + ", " + blur + ")");
        }
    }
}
