package dev.cellshell.terminal;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The grid of a terminal: rows of character cells (a code point and a {@link Style} each), the cursor, the
 * scrolling region, tab stops, the normal and the alternate screen, the scrollback of the normal screen (a bounded
 * ring of lines, trimmed of trailing blanks) and which rows changed since they were last read. It knows nothing of
 * escape sequences: {@link Emulator} turns those into these operations. Not thread-safe: its owner locks.
 */
public final class Screen {

    /**
     * One row: code points (0 = empty) and styles, and whether the text ran on into the next row (autowrap). A line
     * kept in the scrollback whose cells all have the default style keeps no styles ({@code null}): most are.
     */
    public static final class Line {
        int[] chars;
        long[] styles;
        boolean wrapped;

        Line(int columns, long style) {
            chars = new int[columns];
            styles = new long[columns];
            if (style != 0) {
                Arrays.fill(styles, style);
            }
        }

        private Line(int[] chars, long[] styles, boolean wrapped) {
            this.chars = chars;
            this.styles = styles;
            this.wrapped = wrapped;
        }

        public int length() {
            return chars.length;
        }

        /** The code point at {@code column}; 0 for an empty cell or one past the line's end. */
        public int charAt(int column) {
            return column < chars.length ? chars[column] : 0;
        }

        public long styleAt(int column) {
            return styles != null && column < styles.length ? styles[column] : 0;
        }

        public boolean wrapped() {
            return wrapped;
        }

        /** The line's text, empty cells as spaces, trailing blanks dropped, wide characters once. */
        public String text() {
            StringBuilder text = new StringBuilder(chars.length);
            for (int i = 0; i < chars.length; i++) {
                if ((Style.attributes(styleAt(i)) & Style.SPACER) != 0) {
                    continue;
                }
                text.appendCodePoint(chars[i] == 0 ? ' ' : chars[i]);
            }
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            return text.substring(0, end);
        }

        void resize(int columns, long blank) {
            int old = chars.length;
            chars = Arrays.copyOf(chars, columns);
            styles = styles == null ? new long[columns] : Arrays.copyOf(styles, columns);
            if (columns > old && blank != 0) {
                Arrays.fill(styles, old, columns, blank);
            }
            if (columns < old && columns > 0 && (Style.attributes(styles[columns - 1]) & Style.WIDE) != 0) {
                chars[columns - 1] = 0; // half a wide character does not survive the cut
                styles[columns - 1] = Style.erased(styles[columns - 1]);
            }
        }

        /** A copy without the trailing empty cells of the default style: what the scrollback keeps. */
        Line trimmed() {
            int end = chars.length;
            while (end > 0 && chars[end - 1] == 0 && styles[end - 1] == 0) {
                end--;
            }
            boolean plain = true;
            for (int i = 0; i < end && plain; i++) {
                plain = styles[i] == 0;
            }
            return new Line(Arrays.copyOf(chars, end), plain ? null : Arrays.copyOf(styles, end), wrapped);
        }

        void clear(int from, int to, long blank) {
            Arrays.fill(chars, from, to, 0);
            Arrays.fill(styles, from, to, blank);
        }
    }

    public static final int DEFAULT_SCROLLBACK = 10_000;

    private int columns;
    private int rows;
    private Line[] lines;
    private Line[] normal;
    private Line[] alternate;
    private boolean onAlternate;
    private final Line[] history;
    private int historyStart;
    private int historySize;
    private int row;
    private int column;
    private boolean pendingWrap;
    private int top;
    private int bottom;
    private BitSet tabs = new BitSet();
    private final BitSet dirty = new BitSet();
    private long version;
    /** Lines pushed into the scrollback since it was created (how far the view must move to stay put). */
    private long scrolledOff;

    public Screen(int columns, int rows, int scrollback) {
        this.columns = Math.max(1, columns);
        this.rows = Math.max(1, rows);
        this.history = new Line[Math.max(0, scrollback)];
        this.normal = blankLines(this.rows, 0);
        this.alternate = blankLines(this.rows, 0);
        this.lines = normal;
        this.bottom = this.rows - 1;
        resetTabs();
        touchAll();
    }

    private Line[] blankLines(int count, long style) {
        Line[] made = new Line[count];
        for (int i = 0; i < count; i++) {
            made[i] = new Line(columns, style);
        }
        return made;
    }

    private void resetTabs() {
        tabs = new BitSet(columns);
        for (int c = 8; c < columns; c += 8) {
            tabs.set(c);
        }
    }

    // --- reading -------------------------------------------------------------------------------------------------

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int cursorRow() {
        return row;
    }

    public int cursorColumn() {
        return column;
    }

    public boolean onAlternate() {
        return onAlternate;
    }

    /** Lines in the scrollback now. */
    public int historySize() {
        return historySize;
    }

    /** Counts every change; a reader compares it with the one it saw. */
    public long version() {
        return version;
    }

    /**
     * Row {@code visibleRow} of the view scrolled back {@code back} lines into the scrollback (0: the screen itself).
     */
    public Line line(int visibleRow, int back) {
        int shown = Math.max(0, Math.min(back, historySize));
        int absolute = historySize - shown + visibleRow;
        if (absolute < historySize) {
            return history[(historyStart + absolute) % history.length];
        }
        return lines[absolute - historySize];
    }

    /** The screen's rows as text (trailing blanks dropped), one per line. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            text.append(lines[r].text()).append('\n');
        }
        return text.toString();
    }

    /** The rows changed since the last call (per-row damage), cleared by the call. */
    public BitSet takeDamage() {
        BitSet taken = (BitSet) dirty.clone();
        dirty.clear();
        return taken;
    }

    /** Lines pushed into the scrollback since the screen was made (a view scrolled back moves by as many to stay). */
    public long scrolledOff() {
        return scrolledOff;
    }

    private void touch(int r) {
        dirty.set(r);
        version++;
    }

    private void touch(int from, int toInclusive) {
        dirty.set(from, toInclusive + 1);
        version++;
    }

    void touchAll() {
        dirty.set(0, rows);
        version++;
    }

    // --- cursor --------------------------------------------------------------------------------------------------

    int top() {
        return top;
    }

    int bottom() {
        return bottom;
    }

    boolean pendingWrap() {
        return pendingWrap;
    }

    /** Moves the cursor to ({@code r}, {@code c}), clamped to the screen; a pending wrap is dropped. */
    void moveTo(int r, int c) {
        int oldRow = row;
        row = Math.max(0, Math.min(rows - 1, r));
        column = Math.max(0, Math.min(columns - 1, c));
        pendingWrap = false;
        version++;
        dirty.set(oldRow);
        dirty.set(row);
    }

    void setPendingWrap(boolean pending) {
        pendingWrap = pending;
    }

    /** Up {@code n} rows, stopping at the region's top when inside it (CUU). */
    void up(int n) {
        int limit = row >= top ? top : 0;
        moveTo(Math.max(limit, row - n), column);
    }

    /** Down {@code n} rows, stopping at the region's bottom when inside it (CUD). */
    void down(int n) {
        int limit = row <= bottom ? bottom : rows - 1;
        moveTo(Math.min(limit, row + n), column);
    }

    void carriageReturn() {
        moveTo(row, 0);
    }

    void backspace() {
        if (pendingWrap) {
            pendingWrap = false;
            return;
        }
        moveTo(row, column - 1);
    }

    void tab(int n) {
        int c = column;
        for (int i = 0; i < n; i++) {
            int next = tabs.nextSetBit(c + 1);
            c = next < 0 || next >= columns ? columns - 1 : next;
        }
        moveTo(row, c);
    }

    void backTab(int n) {
        int c = column;
        for (int i = 0; i < n && c > 0; i++) {
            int previous = tabs.previousSetBit(c - 1);
            c = Math.max(0, previous);
        }
        moveTo(row, c);
    }

    void setTab() {
        tabs.set(column);
    }

    void clearTab(boolean all) {
        if (all) {
            tabs.clear();
        } else {
            tabs.clear(column);
        }
    }

    // --- writing -------------------------------------------------------------------------------------------------

    /**
     * Puts {@code codePoint} of {@code width} columns (1 or 2) at the cursor and moves it on, wrapping first when a
     * wrap is pending and {@code autowrap} is on; {@code insert} shifts the rest of the line right.
     */
    void print(int codePoint, int width, long style, boolean autowrap, boolean insert) {
        if (pendingWrap && autowrap) {
            lines[row].wrapped = true;
            newLine();
            moveTo(row, 0);
        }
        if (width == 2 && column == columns - 1) {
            if (!autowrap || columns < 2) {
                return; // a wide character does not fit and cannot wrap: xterm drops it
            }
            Line line = lines[row];
            clearCell(line, column, Style.erased(style));
            line.wrapped = true;
            newLine();
            moveTo(row, 0);
        }
        Line line = lines[row];
        if (insert) {
            insertBlanks(width, Style.erased(style));
        }
        breakWide(line, column);
        if (width == 2) {
            breakWide(line, column + 1);
        }
        line.chars[column] = codePoint;
        line.styles[column] = width == 2 ? Style.withAttributes(style, Style.attributes(style) | Style.WIDE) : style;
        if (width == 2) {
            line.chars[column + 1] = 0;
            line.styles[column + 1] = Style.withAttributes(style, Style.attributes(style) | Style.SPACER);
        }
        touch(row);
        if (column + width >= columns) {
            column = columns - 1;
            pendingWrap = autowrap;
        } else {
            column += width;
        }
    }

    /** Prints the ASCII bytes {@code bytes[from, to)} (the common case: no width lookup, no wide characters). */
    void printAscii(byte[] bytes, int from, int to, long style, boolean autowrap, boolean insert) {
        int i = from;
        while (i < to) {
            if ((pendingWrap && autowrap) || insert) {
                print(bytes[i++], 1, style, autowrap, insert);
                continue;
            }
            Line line = lines[row];
            int room = columns - column;
            int n = Math.min(room, to - i);
            breakWide(line, column);
            breakWide(line, column + n - 1);
            for (int k = 0; k < n; k++) {
                line.chars[column + k] = bytes[i + k];
                line.styles[column + k] = style;
            }
            i += n;
            dirty.set(row);
            if (column + n >= columns) {
                column = columns - 1;
                pendingWrap = autowrap;
            } else {
                column += n;
            }
        }
        version++;
    }

    /** Half of a wide character that is overwritten takes the other half with it. */
    private void breakWide(Line line, int c) {
        if (c < 0 || c >= columns) {
            return;
        }
        int attributes = Style.attributes(line.styles[c]);
        if ((attributes & Style.SPACER) != 0 && c > 0) {
            clearCell(line, c - 1, Style.erased(line.styles[c - 1]));
            clearCell(line, c, Style.erased(line.styles[c]));
        } else if ((attributes & Style.WIDE) != 0 && c + 1 < columns) {
            clearCell(line, c + 1, Style.erased(line.styles[c + 1]));
            clearCell(line, c, Style.erased(line.styles[c]));
        }
    }

    private static void clearCell(Line line, int c, long blank) {
        line.chars[c] = 0;
        line.styles[c] = blank;
    }

    /** Line feed: down one row, scrolling the region when the cursor is on its bottom row (IND). */
    void newLine() {
        pendingWrap = false;
        if (row == bottom) {
            scrollUp(1, 0);
        } else if (row < rows - 1) {
            moveTo(row + 1, column);
        }
    }

    /** Reverse index: up one row, scrolling the region down when on its top row (RI). */
    void reverseIndex() {
        pendingWrap = false;
        if (row == top) {
            scrollDown(1, 0);
        } else if (row > 0) {
            moveTo(row - 1, column);
        }
    }

    /** Scrolls the region up {@code n} rows; lines leaving the top of the whole normal screen go to the scrollback. */
    void scrollUp(int n, long blank) {
        scrollUp(n, blank, top == 0 && !onAlternate);
    }

    private void scrollUp(int n, long blank, boolean toScrollback) {
        n = Math.min(n, bottom - top + 1);
        if (n <= 0) {
            return;
        }
        if (toScrollback) {
            for (int i = 0; i < n; i++) {
                keep(lines[i]);
            }
        }
        System.arraycopy(lines, top + n, lines, top, bottom - top + 1 - n);
        for (int r = bottom - n + 1; r <= bottom; r++) {
            lines[r] = new Line(columns, blank);
        }
        touch(top, bottom);
    }

    /** Scrolls the region down {@code n} rows (blank rows come in at its top). */
    void scrollDown(int n, long blank) {
        n = Math.min(n, bottom - top + 1);
        if (n <= 0) {
            return;
        }
        System.arraycopy(lines, top, lines, top + n, bottom - top + 1 - n);
        for (int r = top; r < top + n; r++) {
            lines[r] = new Line(columns, blank);
        }
        touch(top, bottom);
    }

    private void keep(Line line) {
        if (history.length == 0) {
            return;
        }
        Line kept = line.trimmed();
        if (historySize < history.length) {
            history[(historyStart + historySize) % history.length] = kept;
            historySize++;
        } else {
            history[historyStart] = kept;
            historyStart = (historyStart + 1) % history.length;
        }
        scrolledOff++;
    }

    /** Sets the scrolling region (0-based, inclusive); an invalid one is ignored, as xterm does. */
    void setRegion(int newTop, int newBottom) {
        int t = Math.max(0, newTop);
        int b = Math.min(rows - 1, newBottom);
        if (t < b) {
            top = t;
            bottom = b;
        }
    }

    void resetRegion() {
        top = 0;
        bottom = rows - 1;
    }

    /** Inserts {@code n} blank lines at the cursor's row, inside the region (IL). */
    void insertLines(int n, long blank) {
        if (row < top || row > bottom) {
            return;
        }
        int savedTop = top;
        top = row;
        scrollDown(n, blank);
        top = savedTop;
        moveTo(row, 0);
    }

    /** Deletes {@code n} lines at the cursor's row, inside the region (DL). */
    void deleteLines(int n, long blank) {
        if (row < top || row > bottom) {
            return;
        }
        int savedTop = top;
        top = row;
        scrollUp(n, blank, false); // lines deleted are not scrollback
        top = savedTop;
        moveTo(row, 0);
    }

    /** Shifts the rest of the line right by {@code n} blanks from the cursor (ICH). */
    void insertBlanks(int n, long blank) {
        Line line = lines[row];
        n = Math.min(n, columns - column);
        breakWide(line, column);
        System.arraycopy(line.chars, column, line.chars, column + n, columns - column - n);
        System.arraycopy(line.styles, column, line.styles, column + n, columns - column - n);
        line.clear(column, column + n, blank);
        fixCutWide(line);
        pendingWrap = false;
        touch(row);
    }

    /** Deletes {@code n} characters at the cursor, pulling the rest of the line left (DCH). */
    void deleteChars(int n, long blank) {
        Line line = lines[row];
        n = Math.min(n, columns - column);
        breakWide(line, column);
        breakWide(line, column + n - 1);
        System.arraycopy(line.chars, column + n, line.chars, column, columns - column - n);
        System.arraycopy(line.styles, column + n, line.styles, column, columns - column - n);
        line.clear(columns - n, columns, blank);
        pendingWrap = false;
        touch(row);
    }

    /** A wide character pushed half off the end of the line is cleared. */
    private void fixCutWide(Line line) {
        int last = columns - 1;
        if ((Style.attributes(line.styles[last]) & Style.WIDE) != 0) {
            clearCell(line, last, Style.erased(line.styles[last]));
        }
    }

    /** Erases {@code n} characters from the cursor without moving anything (ECH). */
    void eraseChars(int n, long blank) {
        Line line = lines[row];
        int end = Math.min(columns, column + n);
        breakWide(line, column);
        breakWide(line, end - 1);
        line.clear(column, end, blank);
        pendingWrap = false;
        touch(row);
    }

    /** EL: 0 cursor to end, 1 start to cursor, 2 the whole line. */
    void eraseInLine(int mode, long blank) {
        Line line = lines[row];
        int from = mode == 0 ? column : 0;
        int to = mode == 1 ? column + 1 : columns;
        breakWide(line, from);
        breakWide(line, to - 1);
        line.clear(from, to, blank);
        if (mode != 1) {
            line.wrapped = false;
        }
        pendingWrap = false;
        touch(row);
    }

    /** ED: 0 cursor to end, 1 start to cursor, 2 the whole screen, 3 the scrollback. */
    void eraseInDisplay(int mode, long blank) {
        switch (mode) {
            case 0 -> {
                eraseInLine(0, blank);
                for (int r = row + 1; r < rows; r++) {
                    lines[r] = new Line(columns, blank);
                }
                touch(row, rows - 1);
            }
            case 1 -> {
                eraseInLine(1, blank);
                for (int r = 0; r < row; r++) {
                    lines[r] = new Line(columns, blank);
                }
                touch(0, row);
            }
            case 2 -> {
                for (int r = 0; r < rows; r++) {
                    lines[r] = new Line(columns, blank);
                }
                touchAll();
            }
            case 3 -> {
                Arrays.fill(history, null);
                historySize = 0;
                historyStart = 0;
                touchAll();
            }
            default -> { }
        }
    }

    /** DECALN: the screen filled with E (a test pattern vttest uses). */
    void fillWithE() {
        for (Line line : lines) {
            Arrays.fill(line.chars, 'E');
            Arrays.fill(line.styles, 0);
        }
        touchAll();
    }

    /** Switches to the alternate screen (cleared when {@code clear}) or back to the normal one. */
    void useAlternate(boolean alternateScreen, boolean clear) {
        if (alternateScreen == onAlternate) {
            return;
        }
        onAlternate = alternateScreen;
        lines = alternateScreen ? alternate : normal;
        if (alternateScreen && clear) {
            for (int r = 0; r < rows; r++) {
                alternate[r] = new Line(columns, 0);
            }
        }
        pendingWrap = false;
        touchAll();
    }

    /**
     * Gives the screen a new size. Lines are cut or padded, not re-flowed (as xterm); when rows go, the ones above
     * the cursor go to the scrollback first so the cursor's line stays; when rows come, lines come back from it.
     */
    void resize(int newColumns, int newRows) {
        newColumns = Math.max(1, newColumns);
        newRows = Math.max(1, newRows);
        if (newColumns == columns && newRows == rows) {
            return;
        }
        for (Line[] screen : new Line[][] {normal, alternate}) {
            for (Line line : screen) {
                line.resize(newColumns, 0);
            }
        }
        columns = newColumns;
        normal = resizeRows(normal, newRows, true);
        alternate = resizeRows(alternate, newRows, false);
        lines = onAlternate ? alternate : normal;
        rows = newRows;
        row = Math.max(0, Math.min(rows - 1, row));
        column = Math.min(columns - 1, column);
        pendingWrap = false;
        top = 0;
        bottom = rows - 1;
        resetTabs();
        dirty.clear();
        touchAll();
    }

    /** {@code old} with {@code newRows} rows; {@code withHistory}: lines cut go to (and come back from) the scrollback. */
    private Line[] resizeRows(Line[] old, int newRows, boolean withHistory) {
        int oldRows = old.length;
        Line[] made = new Line[newRows];
        boolean cursorHere = (old == normal) != onAlternate;
        if (newRows < oldRows) {
            // Lines below the cursor go first (they are usually empty), then the ones above it into the scrollback.
            int cursor = cursorHere ? row : oldRows - 1;
            int dropBelow = Math.min(oldRows - newRows, Math.max(0, oldRows - 1 - cursor));
            int dropAbove = oldRows - newRows - dropBelow;
            for (int i = 0; i < dropAbove; i++) {
                if (withHistory) {
                    keep(old[i]);
                }
            }
            System.arraycopy(old, dropAbove, made, 0, newRows);
            if (cursorHere) {
                row -= dropAbove;
            }
        } else {
            int back = withHistory && cursorHere ? Math.min(newRows - oldRows, historySize) : 0;
            for (int i = 0; i < back; i++) {
                int index = (historyStart + historySize - back + i) % history.length;
                Line line = history[index];
                line.resize(columns, 0);
                made[i] = line;
            }
            historySize -= back;
            System.arraycopy(old, 0, made, back, oldRows);
            for (int i = back + oldRows; i < newRows; i++) {
                made[i] = new Line(columns, 0);
            }
            if (cursorHere) {
                row += back;
            }
        }
        return made;
    }
}
