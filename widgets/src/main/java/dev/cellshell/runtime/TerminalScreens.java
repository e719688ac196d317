package dev.cellshell.runtime;

import dev.cellshell.widgets.TerminalScreen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link TerminalScreen} as the {@code int[]} a service answer carries from the shell to a cell host (the host
 * checks every value that crosses, and ints are cheap to check): a header, the title's code points, then per row
 * its runs (column, width, foreground, background, attributes, length, code points).
 */
public final class TerminalScreens {

    private static final int MAGIC = 0x54524d31; // "TRM1"
    /** Rows and columns a screen may have: what {@link #decode} accepts. */
    public static final int MAX_COLUMNS = 1000, MAX_ROWS = 500;

    private TerminalScreens() {
    }

    /** {@code screen} as ints, for {@link #decode}. */
    public static int[] encode(TerminalScreen screen) {
        Encoder out = new Encoder(screen.columns(), screen.rows(), screen.cursorColumn(), screen.cursorRow(),
                screen.cursorVisible(), screen.cursorShape(), screen.title(), screen.running(), screen.exitCode(),
                screen.scrollback(), screen.scrolledBack(), screen.mouseReporting());
        for (List<TerminalScreen.Run> row : screen.lines()) {
            out.row();
            for (TerminalScreen.Run run : row) {
                int[] codePoints = run.text().codePoints().toArray();
                out.run(run.column(), run.width(), run.foreground(), run.background(), run.attributes(), codePoints,
                        0, codePoints.length);
            }
        }
        return out.toArray();
    }

    /** Builds the encoded form row by row. */
    private static final class Encoder {
        private int[] data = new int[1024];
        private int size;
        private int runCountAt = -1;

        Encoder(int columns, int rows, int cursorColumn, int cursorRow, boolean cursorVisible,
                int cursorShape, String title, boolean running, int exitCode, int scrollback, int scrolledBack,
                boolean mouseReporting) {
            add(MAGIC);
            add(columns);
            add(rows);
            add(cursorColumn);
            add(cursorRow);
            add((cursorVisible ? 1 : 0) | (running ? 2 : 0) | (mouseReporting ? 4 : 0));
            add(cursorShape);
            add(exitCode);
            add(scrollback);
            add(scrolledBack);
            int[] titleCodePoints = title.codePoints().toArray();
            add(titleCodePoints.length);
            for (int cp : titleCodePoints) {
                add(cp);
            }
        }

        /** Starts the next row. */
        Encoder row() {
            runCountAt = size;
            add(0);
            return this;
        }

        /** Adds a run to the current row: {@code codePoints[from, to)}. */
        Encoder run(int column, int width, int foreground, int background, int attributes, int[] codePoints,
                int from, int to) {
            data[runCountAt]++;
            add(column);
            add(width);
            add(foreground);
            add(background);
            add(attributes);
            add(to - from);
            for (int i = from; i < to; i++) {
                add(codePoints[i]);
            }
            return this;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }

        private void add(int value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }
    }

    /**
     * @throws IllegalArgumentException when {@code data} is not a well-formed screen
     */
    public static TerminalScreen decode(int[] data) {
        Reader in = new Reader(data);
        if (in.next() != MAGIC) {
            throw new IllegalArgumentException("not a terminal screen");
        }
        int columns = in.bounded(1, MAX_COLUMNS);
        int rows = in.bounded(1, MAX_ROWS);
        int cursorColumn = in.bounded(0, columns - 1);
        int cursorRow = in.bounded(0, rows - 1);
        int flags = in.next();
        int cursorShape = in.next();
        int exitCode = in.next();
        int scrollback = in.bounded(0, Integer.MAX_VALUE);
        int scrolledBack = in.bounded(0, scrollback);
        String title = in.text(in.bounded(0, 1024));
        List<List<TerminalScreen.Run>> lines = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int runs = in.bounded(0, columns);
            List<TerminalScreen.Run> row = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                int column = in.bounded(0, columns - 1);
                int width = in.bounded(1, columns - column);
                int foreground = in.next();
                int background = in.next();
                int attributes = in.next();
                String text = in.text(in.bounded(0, width));
                row.add(new TerminalScreen.Run(column, width, text, foreground, background, attributes));
            }
            lines.add(row);
        }
        if (in.at != data.length) {
            throw new IllegalArgumentException("a terminal screen with " + (data.length - in.at) + " values too many");
        }
        return new TerminalScreen(columns, rows, cursorColumn, cursorRow, (flags & 1) != 0, cursorShape, title,
                (flags & 2) != 0, exitCode, scrollback, scrolledBack, (flags & 4) != 0, lines);
    }

    private static final class Reader {
        private final int[] data;
        private int at;

        Reader(int[] data) {
            this.data = data;
        }

        int next() {
            if (at >= data.length) {
                throw new IllegalArgumentException("a terminal screen cut short");
            }
            return data[at++];
        }

        int bounded(int min, int max) {
            int v = next();
            if (v < min || v > max) {
                throw new IllegalArgumentException("a terminal screen with " + v + " where " + min + "–" + max
                        + " belongs");
            }
            return v;
        }

        String text(int codePoints) {
            StringBuilder text = new StringBuilder(codePoints);
            for (int i = 0; i < codePoints; i++) {
                int cp = next();
                text.appendCodePoint(Character.isValidCodePoint(cp) ? cp : 0xfffd);
            }
            return text.toString();
        }
    }
}
