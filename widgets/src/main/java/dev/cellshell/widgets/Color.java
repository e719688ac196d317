package dev.cellshell.widgets;

/** Colours are ARGB ints (0xAARRGGBB), as Skia takes them; this class parses and builds them. */
public final class Color {

    public static final int BLACK = 0xFF000000;
    public static final int WHITE = 0xFFFFFFFF;
    public static final int TRANSPARENT = 0;

    private Color() {
    }

    public static int rgb(int r, int g, int b) {
        return argb(255, r, g, b);
    }

    public static int argb(int a, int r, int g, int b) {
        return (a & 0xFF) << 24 | (r & 0xFF) << 16 | (g & 0xFF) << 8 | b & 0xFF;
    }

    /**
     * Parses {@code #RRGGBB} or {@code #AARRGGBB}.
     *
     * @throws IllegalArgumentException naming the text when it is not a colour
     */
    public static int parse(String text) {
        String hex = text.startsWith("#") ? text.substring(1) : text;
        if (hex.length() != 6 && hex.length() != 8) {
            throw new IllegalArgumentException("not a colour (want #RRGGBB or #AARRGGBB): '" + text + "'");
        }
        try {
            long value = Long.parseLong(hex, 16);
            return hex.length() == 6 ? (int) (0xFF000000L | value) : (int) value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a colour (want #RRGGBB or #AARRGGBB): '" + text + "'", e);
        }
    }

    public static String format(int argb) {
        return (argb >>> 24) == 0xFF
                ? String.format("#%06X", argb & 0xFFFFFF)
                : String.format("#%08X", argb);
    }
}
