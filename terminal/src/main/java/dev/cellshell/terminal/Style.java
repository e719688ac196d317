package dev.cellshell.terminal;

/**
 * How a character cell looks, packed in a {@code long}: foreground colour in bits 0–25, background in 26–51,
 * attributes in 52–63. A colour is 26 bits: its kind in the top two ({@code 0} the terminal's default, {@code 1} a
 * palette index in the low 8 bits, {@code 2} a 24-bit RGB). {@code 0} is the default style.
 */
public final class Style {

    public static final int BOLD = 1, DIM = 1 << 1, ITALIC = 1 << 2, UNDERLINE = 1 << 3, BLINK = 1 << 4,
            INVERSE = 1 << 5, HIDDEN = 1 << 6, STRIKE = 1 << 7,
            /** This cell holds the left half of a wide character. */
            WIDE = 1 << 8,
            /** This cell is the right half of the wide character before it (drawn by that one). */
            SPACER = 1 << 9;

    /** The attributes SGR sets (not the layout flags {@link #WIDE}, {@link #SPACER}). */
    static final int SGR_ATTRIBUTES = 0xff;

    /** A colour as cells see it: {@code -1} the default, 0–255 a palette index, {@code 0x1000000 | rgb} RGB. */
    public static final int DEFAULT_COLOR = -1;
    public static final int RGB_FLAG = 0x1000000;

    private static final long COLOR_MASK = (1L << 26) - 1;

    private Style() {
    }

    public static int foreground(long style) {
        return color((int) (style & COLOR_MASK));
    }

    public static int background(long style) {
        return color((int) ((style >>> 26) & COLOR_MASK));
    }

    public static int attributes(long style) {
        return (int) (style >>> 52);
    }

    static long withForeground(long style, int color) {
        return (style & ~COLOR_MASK) | packed(color);
    }

    static long withBackground(long style, int color) {
        return (style & ~(COLOR_MASK << 26)) | ((long) packed(color) << 26);
    }

    static long withAttributes(long style, int attributes) {
        return (style & ((1L << 52) - 1)) | ((long) attributes << 52);
    }

    /** Only the background of {@code style}: what erased cells get (xterm's background colour erase). */
    static long erased(long style) {
        return style & (COLOR_MASK << 26);
    }

    private static int packed(int color) {
        if (color == DEFAULT_COLOR) {
            return 0;
        }
        if ((color & RGB_FLAG) != 0) {
            return (2 << 24) | (color & 0xffffff);
        }
        return (1 << 24) | (color & 0xff);
    }

    private static int color(int packed) {
        return switch (packed >>> 24) {
            case 1 -> packed & 0xff;
            case 2 -> RGB_FLAG | (packed & 0xffffff);
            default -> DEFAULT_COLOR;
        };
    }
}
