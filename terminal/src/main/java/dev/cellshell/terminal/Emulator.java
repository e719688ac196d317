package dev.cellshell.terminal;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An xterm-256color terminal: what the {@link Parser} finds, applied to a {@link Screen}. It keeps the pen (colours
 * and attributes for what is printed next), the modes programs set (application cursor keys, autowrap, origin,
 * insert, bracketed paste, mouse reporting, the alternate screen), the character sets (DEC line drawing), the saved
 * cursor and the window title, and answers the questions programs ask (device attributes, cursor position) through
 * {@code reply}. Not thread-safe: {@link #feed} and every read happen under the owner's lock.
 */
public final class Emulator implements Parser.Handler {

    /** Which mouse events the program asked for (DECSET 1000/1002/1003). */
    public enum MouseTracking { NONE, CLICKS, DRAGS, MOTION }

    /** What the program told the terminal besides the screen. */
    public interface Listener {
        default void bell() {
        }

        default void titleChanged(String title) {
        }
    }

    private final Screen screen;
    private final Parser parser = new Parser(this);
    private final Consumer<byte[]> reply;
    private final Listener listener;
    private long pen;
    private boolean autowrap = true;
    private boolean insert;
    private boolean origin;
    private boolean applicationCursor;
    private boolean applicationKeypad;
    private boolean cursorVisible = true;
    private boolean bracketedPaste;
    private boolean focusEvents;
    private boolean reverseVideo;
    private boolean sgrMouse;
    private int cursorShape; // DECSCUSR: 0/1 blinking block, 2 block, 3/4 underline, 5/6 bar
    private MouseTracking mouse = MouseTracking.NONE;
    private String title = "";
    /** The colours the terminal is drawn with (0xRRGGBB), told to programs that ask (OSC 10 and 11). */
    private int defaultForeground = 0xc0c0c0;
    private int defaultBackground = 0x000000;
    /** G0 and G1: true where the DEC special graphics set is designated; {@code shifted} selects G1. */
    private final boolean[] lineDrawing = new boolean[2];
    private boolean shifted;
    private int lastPrinted = ' ';
    private Saved saved = new Saved(0, 0, 0, false, false, false);
    private Saved savedNormal;

    private record Saved(int row, int column, long pen, boolean origin, boolean g0, boolean g1) {
    }

    public Emulator(int columns, int rows, int scrollback, Consumer<byte[]> reply, Listener listener) {
        this.screen = new Screen(columns, rows, scrollback);
        this.reply = reply;
        this.listener = listener;
    }

    public Emulator(int columns, int rows) {
        this(columns, rows, Screen.DEFAULT_SCROLLBACK, bytes -> { }, new Listener() { });
    }

    public void feed(byte[] bytes, int from, int to) {
        parser.feed(bytes, from, to);
    }

    public void feed(byte[] bytes) {
        parser.feed(bytes, 0, bytes.length);
    }

    public void feed(String text) {
        feed(text.getBytes(StandardCharsets.UTF_8));
    }

    public Screen screen() {
        return screen;
    }

    public void resize(int columns, int rows) {
        screen.resize(columns, rows);
    }

    public String title() {
        return title;
    }

    /** The colours the terminal is drawn with (the theme's), for programs that ask: vim picks light or dark by them. */
    public void useColors(int foreground, int background) {
        defaultForeground = foreground & 0xffffff;
        defaultBackground = background & 0xffffff;
    }

    public boolean cursorVisible() {
        return cursorVisible;
    }

    public int cursorShape() {
        return cursorShape;
    }

    public boolean applicationCursor() {
        return applicationCursor;
    }

    public boolean applicationKeypad() {
        return applicationKeypad;
    }

    public boolean bracketedPaste() {
        return bracketedPaste;
    }

    public boolean focusEvents() {
        return focusEvents;
    }

    public boolean reverseVideo() {
        return reverseVideo;
    }

    public MouseTracking mouseTracking() {
        return mouse;
    }

    public boolean sgrMouse() {
        return sgrMouse;
    }

    // --- Parser.Handler --------------------------------------------------------------------------------------------

    @Override
    public void print(int codePoint) {
        int cp = translate(codePoint);
        int width = CharWidth.of(cp);
        if (width == 0) {
            return; // combining marks and format characters are not drawn on their own
        }
        screen.print(cp, width, pen, autowrap, insert);
        lastPrinted = cp;
    }

    @Override
    public void printAscii(byte[] bytes, int from, int to) {
        if (lineDrawing[shifted ? 1 : 0]) {
            for (int i = from; i < to; i++) {
                print(bytes[i]);
            }
            return;
        }
        screen.printAscii(bytes, from, to, pen, autowrap, insert);
        lastPrinted = bytes[to - 1];
    }

    /** DEC special graphics: the line-drawing characters of {@code 0x5f–0x7e}, as Unicode. */
    private static final String DEC_GRAPHICS =
            "\u00a0\u25c6\u2592\u2409\u240c\u240d\u240a\u00b0\u00b1\u2424\u240b\u2518\u2510\u250c\u2514\u253c"
            + "\u23ba\u23bb\u2500\u23bc\u23bd\u251c\u2524\u2534\u252c\u2502\u2264\u2265\u03c0\u2260\u00a3\u00b7";

    private int translate(int cp) {
        if (lineDrawing[shifted ? 1 : 0] && cp >= 0x5f && cp <= 0x7e) {
            return DEC_GRAPHICS.charAt(cp - 0x5f);
        }
        return cp;
    }

    @Override
    public void execute(int control) {
        switch (control) {
            case 0x07 -> listener.bell();
            case 0x08 -> screen.backspace();
            case 0x09 -> screen.tab(1);
            case 0x0a, 0x0b, 0x0c -> screen.newLine();
            case 0x0d -> screen.carriageReturn();
            case 0x0e -> shifted = true;
            case 0x0f -> shifted = false;
            default -> { }
        }
    }

    @Override
    public void esc(int intermediates, int finalByte) {
        if (intermediates == 0) {
            switch (finalByte) {
                case '7' -> saveCursor();
                case '8' -> restoreCursor();
                case 'D' -> screen.newLine();
                case 'E' -> {
                    screen.newLine();
                    screen.carriageReturn();
                }
                case 'H' -> screen.setTab();
                case 'M' -> screen.reverseIndex();
                case 'c' -> reset();
                case '=' -> applicationKeypad = true;
                case '>' -> applicationKeypad = false;
                default -> { }
            }
        } else if (intermediates == '(' || intermediates == ')') {
            lineDrawing[intermediates == '(' ? 0 : 1] = finalByte == '0';
        } else if (intermediates == '#' && finalByte == '8') {
            screen.fillWithE();
        }
    }

    @Override
    public void osc(String text) {
        int semicolon = text.indexOf(';');
        String command = semicolon < 0 ? text : text.substring(0, semicolon);
        String argument = semicolon < 0 ? "" : text.substring(semicolon + 1);
        switch (command) {
            case "0", "2" -> {
                title = argument.length() > 256 ? argument.substring(0, 256) : argument;
                listener.titleChanged(title);
            }
            case "10", "11" -> {
                if (argument.equals("?")) {
                    // vim asks for the background to pick its colours (light or dark)
                    int rgb = command.equals("10") ? defaultForeground : defaultBackground;
                    respond("\u001b]" + command + ";rgb:" + channel(rgb >> 16) + "/" + channel(rgb >> 8) + "/"
                            + channel(rgb) + "\u001b\\");
                }
            }
            default -> { } // 1 icon name, 4 palette, 7 folder, 8 links, 52 clipboard (not from a program): ignored
        }
    }

    @Override
    public void csi(Parser.Params p, int marker, int intermediates, int finalByte) {
        if (marker == '?') {
            if (finalByte == 'h' || finalByte == 'l') {
                for (int i = 0; i < Math.max(1, p.count()); i++) {
                    privateMode(p.get(i, 0), finalByte == 'h');
                }
            }
            return;
        }
        if (marker == '>') {
            if (finalByte == 'c') {
                respond("\u001b[>0;276;0c"); // secondary device attributes: an xterm
            }
            return;
        }
        if (marker != 0) {
            return;
        }
        if (intermediates == ' ' && finalByte == 'q') {
            cursorShape = p.get(0, 0);
            return;
        }
        if (intermediates == '!' && finalByte == 'p') {
            softReset();
            return;
        }
        if (intermediates != 0) {
            return;
        }
        long blank = Style.erased(pen);
        int row = screen.cursorRow();
        int column = screen.cursorColumn();
        switch (finalByte) {
            case '@' -> screen.insertBlanks(p.positive(0, 1), blank);
            case 'A' -> screen.up(p.positive(0, 1));
            case 'B', 'e' -> screen.down(p.positive(0, 1));
            case 'C', 'a' -> screen.moveTo(row, column + p.positive(0, 1));
            case 'D' -> screen.moveTo(row, column - p.positive(0, 1));
            case 'E' -> {
                screen.down(p.positive(0, 1));
                screen.carriageReturn();
            }
            case 'F' -> {
                screen.up(p.positive(0, 1));
                screen.carriageReturn();
            }
            case 'G', '`' -> screen.moveTo(row, p.positive(0, 1) - 1);
            case 'H', 'f' -> cursorTo(p.positive(0, 1) - 1, p.positive(1, 1) - 1);
            case 'I' -> screen.tab(p.positive(0, 1));
            case 'J' -> screen.eraseInDisplay(p.get(0, 0), blank);
            case 'K' -> screen.eraseInLine(p.get(0, 0), blank);
            case 'L' -> screen.insertLines(p.positive(0, 1), blank);
            case 'M' -> screen.deleteLines(p.positive(0, 1), blank);
            case 'P' -> screen.deleteChars(p.positive(0, 1), blank);
            case 'S' -> screen.scrollUp(p.positive(0, 1), blank);
            case 'T' -> screen.scrollDown(p.positive(0, 1), blank);
            case 'X' -> screen.eraseChars(p.positive(0, 1), blank);
            case 'Z' -> screen.backTab(p.positive(0, 1));
            case 'b' -> repeat(Math.min(p.positive(0, 1), 65535));
            case 'c' -> respond("\u001b[?62;22c"); // VT220 with ANSI colour
            case 'd' -> cursorTo(p.positive(0, 1) - 1, column);
            case 'g' -> screen.clearTab(p.get(0, 0) == 3);
            case 'h', 'l' -> {
                for (int i = 0; i < p.count(); i++) {
                    if (p.get(i, 0) == 4) {
                        insert = finalByte == 'h';
                    }
                }
            }
            case 'm' -> sgr(p);
            case 'n' -> {
                if (p.get(0, 0) == 5) {
                    respond("\u001b[0n");
                } else if (p.get(0, 0) == 6) {
                    int reportedRow = origin ? row - screen.top() : row;
                    respond("\u001b[" + (reportedRow + 1) + ";" + (column + 1) + "R");
                }
            }
            case 'r' -> {
                screen.setRegion(p.positive(0, 1) - 1, p.positive(1, screen.rows()) - 1);
                cursorTo(0, 0);
            }
            case 's' -> saveCursor();
            case 'u' -> restoreCursor();
            case 't' -> {
                if (p.get(0, 0) == 18) {
                    respond("\u001b[8;" + screen.rows() + ";" + screen.columns() + "t");
                }
            }
            default -> { }
        }
    }

    /** CUP/VPA honouring origin mode (rows counted from the region's top, kept inside it). */
    private void cursorTo(int row, int column) {
        if (origin) {
            screen.moveTo(Math.min(screen.bottom(), screen.top() + row), column);
        } else {
            screen.moveTo(row, column);
        }
    }

    private void repeat(int times) {
        if (lastPrinted < 0x20) {
            return;
        }
        int width = CharWidth.of(lastPrinted);
        for (int i = 0; i < times && width > 0; i++) {
            screen.print(lastPrinted, width, pen, autowrap, insert);
        }
    }

    private void privateMode(int mode, boolean on) {
        switch (mode) {
            case 1 -> applicationCursor = on;
            case 5 -> {
                reverseVideo = on;
                screen.touchAll();
            }
            case 6 -> {
                origin = on;
                cursorTo(0, 0);
            }
            case 7 -> autowrap = on;
            case 25 -> {
                cursorVisible = on;
                screen.touchAll();
            }
            case 47, 1047 -> screen.useAlternate(on, on);
            case 1048 -> {
                if (on) {
                    saveCursor();
                } else {
                    restoreCursor();
                }
            }
            case 1049 -> {
                if (on) {
                    saveCursor();
                    savedNormal = saved;
                    screen.useAlternate(true, true);
                } else {
                    screen.useAlternate(false, false);
                    if (savedNormal != null) {
                        saved = savedNormal;
                    }
                    restoreCursor();
                }
            }
            case 1000 -> mouse = on ? MouseTracking.CLICKS : MouseTracking.NONE;
            case 1002 -> mouse = on ? MouseTracking.DRAGS : MouseTracking.NONE;
            case 1003 -> mouse = on ? MouseTracking.MOTION : MouseTracking.NONE;
            case 1004 -> focusEvents = on;
            case 1006 -> sgrMouse = on;
            case 2004 -> bracketedPaste = on;
            default -> { }
        }
    }

    private void sgr(Parser.Params p) {
        if (p.count() == 0) {
            pen = 0;
            return;
        }
        int i = 0;
        while (i < p.count()) {
            int code = p.get(i, 0);
            int attributes = Style.attributes(pen);
            switch (code) {
                case 0 -> pen = 0;
                case 1 -> attributes |= Style.BOLD;
                case 2 -> attributes |= Style.DIM;
                case 3 -> attributes |= Style.ITALIC;
                case 4 -> {
                    // 4:0 is "no underline" in the colon form (kitty's curly underlines etc. are drawn plain)
                    if (i + 1 < p.count() && p.isSub(i + 1)) {
                        attributes = p.get(i + 1, 1) == 0 ? attributes & ~Style.UNDERLINE : attributes | Style.UNDERLINE;
                        i++;
                    } else {
                        attributes |= Style.UNDERLINE;
                    }
                }
                case 5, 6 -> attributes |= Style.BLINK;
                case 7 -> attributes |= Style.INVERSE;
                case 8 -> attributes |= Style.HIDDEN;
                case 9 -> attributes |= Style.STRIKE;
                case 21 -> attributes |= Style.UNDERLINE;
                case 22 -> attributes &= ~(Style.BOLD | Style.DIM);
                case 23 -> attributes &= ~Style.ITALIC;
                case 24 -> attributes &= ~Style.UNDERLINE;
                case 25 -> attributes &= ~Style.BLINK;
                case 27 -> attributes &= ~Style.INVERSE;
                case 28 -> attributes &= ~Style.HIDDEN;
                case 29 -> attributes &= ~Style.STRIKE;
                case 39 -> pen = Style.withForeground(pen, Style.DEFAULT_COLOR);
                case 49 -> pen = Style.withBackground(pen, Style.DEFAULT_COLOR);
                case 38, 48, 58 -> {
                    int[] color = new int[1];
                    i = extendedColor(p, i, color);
                    if (color[0] != Integer.MIN_VALUE) {
                        if (code == 38) {
                            pen = Style.withForeground(pen, color[0]);
                        } else if (code == 48) {
                            pen = Style.withBackground(pen, color[0]);
                        } // 58: underline colour, not kept
                    }
                    continue;
                }
                default -> {
                    if (code >= 30 && code <= 37) {
                        pen = Style.withForeground(pen, code - 30);
                    } else if (code >= 40 && code <= 47) {
                        pen = Style.withBackground(pen, code - 40);
                    } else if (code >= 90 && code <= 97) {
                        pen = Style.withForeground(pen, code - 90 + 8);
                    } else if (code >= 100 && code <= 107) {
                        pen = Style.withBackground(pen, code - 100 + 8);
                    }
                }
            }
            if (code != 0 && attributes != Style.attributes(pen)) {
                pen = Style.withAttributes(pen, attributes & Style.SGR_ATTRIBUTES);
            }
            i++;
        }
    }

    /**
     * Reads {@code 38;5;N}, {@code 38;2;R;G;B} and their colon forms ({@code 38:5:N}, {@code 38:2:R:G:B},
     * {@code 38:2:CS:R:G:B}) starting at {@code at}; puts the colour (or {@link Integer#MIN_VALUE} when malformed)
     * in {@code out[0]} and answers the index after what it read.
     */
    private static int extendedColor(Parser.Params p, int at, int[] out) {
        out[0] = Integer.MIN_VALUE;
        boolean colon = at + 1 < p.count() && p.isSub(at + 1);
        if (colon) {
            int end = at + 1;
            while (end < p.count() && p.isSub(end)) {
                end++;
            }
            int kind = p.get(at + 1, -1);
            int n = end - (at + 2); // sub-parameters after the kind
            if (kind == 5 && n >= 1) {
                out[0] = clamp(p.get(at + 2, 0)) & 0xff;
            } else if (kind == 2 && n >= 3) {
                int first = at + 2 + (n >= 4 ? 1 : 0); // a colour-space id comes first when there are four
                out[0] = Style.RGB_FLAG | clamp(p.get(first, 0)) << 16 | clamp(p.get(first + 1, 0)) << 8
                        | clamp(p.get(first + 2, 0));
            }
            return end;
        }
        int kind = p.get(at + 1, -1);
        if (kind == 5 && at + 2 < p.count()) {
            out[0] = clamp(p.get(at + 2, 0));
            return at + 3;
        }
        if (kind == 2 && at + 4 < p.count()) {
            out[0] = Style.RGB_FLAG | clamp(p.get(at + 2, 0)) << 16 | clamp(p.get(at + 3, 0)) << 8
                    | clamp(p.get(at + 4, 0));
            return at + 5;
        }
        return p.count(); // malformed: the rest of the sequence cannot be read reliably
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private void saveCursor() {
        saved = new Saved(screen.cursorRow(), screen.cursorColumn(), pen, origin, lineDrawing[0], lineDrawing[1]);
    }

    private void restoreCursor() {
        pen = saved.pen();
        origin = saved.origin();
        lineDrawing[0] = saved.g0();
        lineDrawing[1] = saved.g1();
        screen.moveTo(saved.row(), saved.column());
    }

    /** DECSTR: modes and pen back to their defaults, the screen kept. */
    private void softReset() {
        pen = 0;
        autowrap = true;
        insert = false;
        origin = false;
        applicationCursor = false;
        applicationKeypad = false;
        cursorVisible = true;
        lineDrawing[0] = false;
        lineDrawing[1] = false;
        shifted = false;
        screen.resetRegion();
        saved = new Saved(0, 0, 0, false, false, false);
    }

    /** RIS: everything back to the start, the screen cleared (the scrollback kept, as xterm does). */
    private void reset() {
        softReset();
        mouse = MouseTracking.NONE;
        sgrMouse = false;
        bracketedPaste = false;
        focusEvents = false;
        reverseVideo = false;
        cursorShape = 0;
        screen.useAlternate(false, false);
        screen.eraseInDisplay(2, 0);
        screen.moveTo(0, 0);
        title = "";
    }

    /** One colour channel as xterm reports it: 16 bits, four hex digits. */
    private static String channel(int value) {
        return String.format(java.util.Locale.ROOT, "%02x%02x", value & 0xff, value & 0xff);
    }

    private void respond(String text) {
        reply.accept(text.getBytes(StandardCharsets.US_ASCII));
    }
}
