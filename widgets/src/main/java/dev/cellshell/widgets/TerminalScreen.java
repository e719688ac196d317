package dev.cellshell.widgets;

import java.util.List;

/**
 * What a {@link Pty} shows: its rows as runs of equally styled text, the cursor, the title the program set and
 * whether it still runs. A wide character (CJK, emoji) is a run of its own, two columns wide; any other run's text
 * has one character per column. Trailing blank cells of the default style are left out of a row.
 *
 * @param cursorShape as the program asked (DECSCUSR): 0–2 block, 3–4 underline, 5–6 bar
 * @param scrollback lines in the scrollback; {@code scrolledBack} is how far back this view is
 * @param mouseReporting whether the program takes mouse events ({@link Pty#mouse})
 * @param lines {@code rows} rows, each a list of runs left to right
 */
public record TerminalScreen(int columns, int rows, int cursorColumn, int cursorRow, boolean cursorVisible,
        int cursorShape, String title, boolean running, int exitCode, int scrollback, int scrolledBack,
        boolean mouseReporting, List<List<Run>> lines) {

    /** The terminal's own foreground or background (the theme's), rather than a palette colour. */
    public static final int DEFAULT_COLOR = -1;
    /** Set in a colour that is 24-bit RGB in its low bits; without it a colour is a palette index 0–255. */
    public static final int RGB = 0x1000000;

    public static final int BOLD = 1, DIM = 1 << 1, ITALIC = 1 << 2, UNDERLINE = 1 << 3, BLINK = 1 << 4,
            INVERSE = 1 << 5, HIDDEN = 1 << 6, STRIKE = 1 << 7;

    public TerminalScreen {
        title = title == null ? "" : title;
        lines = List.copyOf(lines);
    }

    /**
     * Equally styled text starting at {@code column}, {@code width} columns wide.
     *
     * @param foreground {@link #DEFAULT_COLOR}, a palette index 0–255, or {@link #RGB} {@code | 0xRRGGBB}
     */
    public record Run(int column, int width, String text, int foreground, int background, int attributes) {

        public boolean has(int attribute) {
            return (attributes & attribute) != 0;
        }
    }

    /** Row {@code row}'s text, blank cells as spaces, trailing blanks dropped. */
    public String text(int row) {
        StringBuilder text = new StringBuilder();
        for (Run run : lines.get(row)) {
            while (text.length() < run.column()) {
                text.append(' ');
            }
            text.append(run.text());
            for (int pad = run.text().codePointCount(0, run.text().length()); pad < run.width(); pad++) {
                text.append(' ');
            }
        }
        return text.toString().stripTrailing();
    }

    /**
     * The standard 16 colours of xterm's 256-colour palette are the theme's; 16–231 are the 6×6×6 cube and 232–255
     * the grey ramp. Answers {@code 0xRRGGBB} for an index of 16 and above.
     */
    public static int paletteRgb(int index) {
        if (index >= 232) {
            int level = 8 + (index - 232) * 10;
            return level << 16 | level << 8 | level;
        }
        int cube = index - 16;
        int r = cube / 36;
        int g = (cube / 6) % 6;
        int b = cube % 6;
        return step(r) << 16 | step(g) << 8 | step(b);
    }

    private static int step(int v) {
        return v == 0 ? 0 : 55 + 40 * v;
    }
}
