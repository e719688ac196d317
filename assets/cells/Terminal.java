import dev.cellshell.widgets.*;
import java.util.List;

/**
 * A terminal: your login shell (or the command prop) in an xterm-256color emulator. Click it and type. The mouse
 * wheel and Shift+PageUp/PageDown scroll back through 10,000 lines; drag to select (copied at once), Ctrl+Shift+C
 * copies, Ctrl+Shift+V or a middle click pastes. The program lives in the shell, not in this code: change the colours
 * or the cursor here while vim runs, save, and vim is still there.
 */
@Uses({Pty.class, Clipboard.class})
@Prop(name = "command", fallback = "", doc = "what to run instead of your login shell, e.g. htop")
@Prop(name = "fontSize", kind = Prop.Kind.NUMBER, min = 8, max = 32, fallback = "14", doc = "text size")
@Prop(name = "cursor", fallback = "block", doc = "block, bar or underline (when the program does not choose)")
@Size(width = 720, height = 440, minWidth = 240, minHeight = 120)
public class Terminal implements Cell {

    /** Pointer buttons as cells get them: 1 left, 2 right, 3 middle (GLFW's order, counted from 1). */
    private static final int MIDDLE = 3;

    /** A pointer button in the X order the program is told (1 left, 2 middle, 3 right). */
    private static int xButton(int button) {
        return button == 2 ? 3 : button == 3 ? 2 : button;
    }


    private static final float PAD = 8;
    private static final float HEADER = 26;

    @State int scrolledBack;
    @State boolean focused;
    private boolean altHeld;
    private boolean dragging;
    private int[] selection; // {fromRow, fromColumn, toRow, toColumn} as pressed and dragged, in view cells
    private TerminalScreen shown;
    private float cellWidth = 8;
    private float lineHeight = 16;

    private TextStyle mono(CellContext context) {
        return TextStyle.of(context.props().number("fontSize", 14)).withMonospace(true);
    }

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        Rect box = Rect.of(context);
        int background = theme.color("terminal.background", theme.color(Token.SURFACE));
        int foreground = theme.color("terminal.foreground", theme.color(Token.ON_SURFACE));
        canvas.fillRoundRect(box, 10, Fill.solid(background));
        canvas.strokeRoundRect(box.inset(0.5f), 10, Stroke.of(1),
                focused ? theme.color(Token.PRIMARY) : theme.color(Token.OUTLINE));

        TextStyle mono = mono(context);
        FontMetrics metrics = context.text().metrics(mono);
        cellWidth = context.text().measure("M", mono);
        lineHeight = (float) Math.ceil(metrics.lineHeight());
        Rect grid = box.belowTop(HEADER).inset(PAD, 4);
        int columns = Math.max(2, (int) (grid.w() / cellWidth));
        int rows = Math.max(1, (int) (grid.h() / lineHeight));
        TerminalScreen screen = context.service(Pty.class).screen(columns, rows, scrolledBack);
        shown = screen;
        scrolledBack = screen.scrolledBack();

        // Header: the title the program set (or the command), and whether it runs.
        Rect header = box.top(HEADER).inset(12, 0);
        String title = !screen.title().isEmpty() ? screen.title()
                : context.props().string("command", "").isEmpty() ? "Terminal" : context.props().string("command", "");
        canvas.fillCircle(header.x() + 4, header.centerY(), 4, screen.running() ? theme.color("terminal.2",
                Color.rgb(163, 190, 140)) : theme.color("terminal.1", Color.rgb(191, 97, 106)));
        TextStyle small = TextStyle.of(12).withColor(theme.color(Token.ON_SURFACE_MUTED));
        float headerBaseline = context.text().metrics(small).baselineCentredOn(header.centerY());
        canvas.save();
        canvas.clipRect(header.x(), header.y(), header.w(), header.h());
        canvas.drawText(title, header.x() + 14, headerBaseline, small, Align.LEFT);
        if (screen.scrolledBack() > 0) {
            canvas.drawText("\u2191 " + screen.scrolledBack() + " of " + screen.scrollback() + " lines",
                    header.right(), headerBaseline, small, Align.RIGHT);
        }
        canvas.restore();

        canvas.save();
        canvas.clipRect(grid.x(), grid.y(), grid.w(), grid.h());
        float ascent = metrics.ascent();
        for (int r = 0; r < screen.rows(); r++) {
            float top = grid.y() + r * lineHeight;
            float baseline = top + (lineHeight - metrics.lineHeight()) / 2 + ascent;
            for (TerminalScreen.Run run : screen.lines().get(r)) {
                int fg = color(theme, run.foreground(), foreground, run.has(TerminalScreen.BOLD));
                int bg = run.background() == TerminalScreen.DEFAULT_COLOR ? 0 : color(theme, run.background(),
                        background, false);
                if (run.has(TerminalScreen.INVERSE)) {
                    int swap = bg == 0 ? background : bg;
                    bg = fg;
                    fg = swap;
                }
                float x = grid.x() + run.column() * cellWidth;
                float w = run.width() * cellWidth;
                if (bg != 0) {
                    canvas.fillRect(x, top, w, lineHeight, bg);
                }
                if (run.has(TerminalScreen.HIDDEN) || run.text().isBlank()) {
                    continue;
                }
                if (run.has(TerminalScreen.DIM)) {
                    fg = (fg & 0x00ffffff) | 0x99000000;
                }
                TextStyle style = mono.withColor(fg);
                if (run.has(TerminalScreen.BOLD)) {
                    style = style.bold();
                }
                if (run.has(TerminalScreen.ITALIC)) {
                    style = style.withItalic(true);
                }
                canvas.drawText(run.text(), x, baseline, style, Align.LEFT);
                if (run.has(TerminalScreen.UNDERLINE)) {
                    canvas.fillRect(x, baseline + 2, w, 1, fg);
                }
                if (run.has(TerminalScreen.STRIKE)) {
                    canvas.fillRect(x, baseline - metrics.xHeight() / 2, w, 1, fg);
                }
            }
        }
        drawSelection(canvas, grid, theme);
        if (screen.cursorVisible() && screen.running()) {
            drawCursor(canvas, context, grid, screen, theme, foreground, background, mono, metrics);
        }
        canvas.restore();

        if (!screen.running()) {
            Rect bar = box.inset(8).top(26).translate(0, box.h() - 42);
            canvas.fillRoundRect(bar, 8, Fill.solid(theme.color(Token.SURFACE_ALT)));
            TextStyle note = TextStyle.of(13).withColor(theme.color(Token.ON_SURFACE));
            canvas.drawText("process exited (code " + screen.exitCode() + ") \u2014 press Enter to restart",
                    bar.centerX(), context.text().metrics(note).baselineCentredOn(bar.centerY()), note, Align.CENTER);
        }
        canvas.hitRegion("screen", grid, 0);
    }

    private void drawCursor(Canvas canvas, CellContext context, Rect grid, TerminalScreen screen, Theme theme,
            int foreground, int background, TextStyle mono, FontMetrics metrics) {
        int cursorColor = theme.color("terminal.cursor", foreground);
        float x = grid.x() + screen.cursorColumn() * cellWidth;
        float y = grid.y() + screen.cursorRow() * lineHeight;
        int shape = screen.cursorShape();
        String fallback = context.props().string("cursor", "block");
        boolean bar = shape == 5 || shape == 6 || shape == 0 && fallback.equals("bar");
        boolean underline = shape == 3 || shape == 4 || shape == 0 && fallback.equals("underline");
        if (!focused) {
            canvas.strokeRoundRect(Rect.of(x + 0.5f, y + 0.5f, cellWidth - 1, lineHeight - 1), 0, Stroke.of(1),
                    cursorColor);
        } else if (bar) {
            canvas.fillRect(x, y, 2, lineHeight, cursorColor);
        } else if (underline) {
            canvas.fillRect(x, y + lineHeight - 2, cellWidth, 2, cursorColor);
        } else {
            canvas.fillRect(x, y, cellWidth, lineHeight, cursorColor);
            String under = characterAt(screen, screen.cursorRow(), screen.cursorColumn());
            if (!under.isBlank()) {
                float baseline = y + (lineHeight - metrics.lineHeight()) / 2 + metrics.ascent();
                canvas.drawText(under, x, baseline, mono.withColor(background), Align.LEFT);
            }
        }
    }

    private static String characterAt(TerminalScreen screen, int row, int column) {
        for (TerminalScreen.Run run : screen.lines().get(row)) {
            if (column >= run.column() && column < run.column() + run.width()) {
                int index = column - run.column();
                int count = run.text().codePointCount(0, run.text().length());
                if (index >= count) {
                    return "";
                }
                int from = run.text().offsetByCodePoints(0, index);
                return run.text().substring(from, run.text().offsetByCodePoints(from, 1));
            }
        }
        return "";
    }

    private void drawSelection(Canvas canvas, Rect grid, Theme theme) {
        int[] s = ordered();
        if (s == null) {
            return;
        }
        int color = theme.color("terminal.selection", Color.argb(90, 136, 192, 208));
        for (int r = s[0]; r <= s[2]; r++) {
            int from = r == s[0] ? s[1] : 0;
            int to = r == s[2] ? s[3] : shown.columns();
            canvas.fillRect(grid.x() + from * cellWidth, grid.y() + r * lineHeight, (to - from) * cellWidth,
                    lineHeight, color);
        }
    }

    /** The selection from its first cell to the one after its last, or null when there is none. */
    private int[] ordered() {
        if (selection == null || shown == null) {
            return null;
        }
        int[] s = selection;
        boolean forward = s[0] < s[2] || s[0] == s[2] && s[1] <= s[3];
        int[] o = forward ? new int[] {s[0], s[1], s[2], s[3]} : new int[] {s[2], s[3], s[0], s[1]};
        o[0] = Math.max(0, Math.min(shown.rows() - 1, o[0]));
        o[2] = Math.max(0, Math.min(shown.rows() - 1, o[2]));
        if (o[0] == o[2] && o[1] == o[3]) {
            return null;
        }
        return o;
    }

    private String selectedText() {
        int[] s = ordered();
        if (s == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (int r = s[0]; r <= s[2]; r++) {
            String line = shown.text(r);
            int from = Math.min(line.length(), r == s[0] ? s[1] : 0);
            int to = Math.min(line.length(), r == s[2] ? s[3] : line.length());
            text.append(line, from, Math.max(from, to));
            if (r < s[2]) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** A colour as the program gave it: the theme's own, its 16, the 256 palette, or 24-bit. */
    private static int color(Theme theme, int color, int fallback, boolean bold) {
        if (color == TerminalScreen.DEFAULT_COLOR) {
            return fallback;
        }
        if ((color & TerminalScreen.RGB) != 0) {
            return 0xff000000 | (color & 0xffffff);
        }
        int index = bold && color < 8 ? color + 8 : color;
        if (index < 16) {
            return theme.color("terminal." + index, ANSI[index]);
        }
        return 0xff000000 | TerminalScreen.paletteRgb(index);
    }

    private static final int[] ANSI = {
        0xff000000, 0xffcd0000, 0xff00cd00, 0xffcdcd00, 0xff0000ee, 0xffcd00cd, 0xff00cdcd, 0xffe5e5e5,
        0xff7f7f7f, 0xffff0000, 0xff00ff00, 0xffffff00, 0xff5c5cff, 0xffff00ff, 0xff00ffff, 0xffffffff,
    };

    private int[] cellAt(float x, float y) {
        float gx = x - PAD;
        float gy = y - HEADER - 4;
        int column = Math.max(0, (int) Math.floor(gx / cellWidth));
        int row = Math.max(0, (int) Math.floor(gy / lineHeight));
        if (shown != null) {
            column = Math.min(shown.columns() - 1, column);
            row = Math.min(shown.rows() - 1, row);
        }
        return new int[] {row, column};
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        Pty pty = context.service(Pty.class);
        if (event instanceof InputEvent.Focus focus) {
            focused = focus.gained();
            return true;
        }
        if (event instanceof InputEvent.Text typed) {
            if (altHeld) {
                return false; // sent with the key, as ESC and the letter
            }
            pty.type(typed.text());
            return follow();
        }
        if (event instanceof InputEvent.Key key) {
            if (key.key() == Key.ALT) {
                altHeld = key.pressed();
                return false;
            }
            if (!key.pressed()) {
                return false;
            }
            boolean control = key.with(InputEvent.CONTROL);
            boolean shift = key.with(InputEvent.SHIFT);
            if (control && shift && key.key() == Key.C) {
                String text = selectedText();
                if (!text.isEmpty()) {
                    context.service(Clipboard.class).setText(text);
                }
                return false;
            }
            if (control && shift && key.key() == Key.V) {
                pty.paste(context.service(Clipboard.class).text());
                return follow();
            }
            if (shift && (key.key() == Key.PAGE_UP || key.key() == Key.PAGE_DOWN)) {
                int page = shown == null ? 10 : Math.max(1, shown.rows() - 1);
                scrolledBack = Math.max(0, scrolledBack + (key.key() == Key.PAGE_UP ? page : -page));
                return true;
            }
            if (pty.key(key.keyCode(), key.modifiers())) {
                return follow();
            }
            return false;
        }
        if (event instanceof InputEvent.Scroll scroll) {
            int[] at = cellAt(scroll.x(), scroll.y());
            if (shown != null && shown.mouseReporting() && scrolledBack == 0) {
                pty.mouse(scroll.dy() > 0 ? "wheel-up" : "wheel-down", at[1], at[0], 0, scroll.modifiers());
                return false;
            }
            int lines = Math.round(scroll.dy() * 3);
            if (lines == 0) {
                return false;
            }
            scrolledBack = Math.max(0, scrolledBack + lines);
            selection = null;
            return true;
        }
        if (event instanceof InputEvent.Pointer p) {
            int[] at = cellAt(p.x(), p.y());
            boolean program = shown != null && shown.mouseReporting() && scrolledBack == 0
                    && (p.modifiers() & InputEvent.SHIFT) == 0;
            switch (p.kind()) {
                case PRESS -> {
                    if (p.button() == MIDDLE) {
                        pty.paste(context.service(Clipboard.class).text());
                        return follow();
                    }
                    if (program && pty.mouse("press", at[1], at[0], xButton(p.button()), p.modifiers())) {
                        dragging = false;
                        return false;
                    }
                    if (p.button() == 1) {
                        dragging = true;
                        selection = new int[] {at[0], at[1], at[0], at[1]};
                        return true;
                    }
                    return false;
                }
                case MOVE -> {
                    if (dragging && selection != null) {
                        int column = Math.min(shown == null ? at[1] : shown.columns(),
                                (int) Math.floor((p.x() - PAD) / cellWidth + 0.5f));
                        selection[2] = at[0];
                        selection[3] = Math.max(0, column);
                        return true;
                    }
                    if (program) {
                        pty.mouse("move", at[1], at[0], 0, p.modifiers());
                    }
                    return false;
                }
                case RELEASE -> {
                    if (dragging) {
                        dragging = false;
                        String text = selectedText();
                        if (!text.isEmpty()) {
                            context.service(Clipboard.class).setText(text);
                        } else {
                            selection = null;
                        }
                        return true;
                    }
                    if (program) {
                        pty.mouse("release", at[1], at[0], xButton(p.button()), p.modifiers());
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** Input goes to the live screen: the view returns from the scrollback and a selection goes. */
    private boolean follow() {
        boolean moved = scrolledBack != 0 || selection != null;
        scrolledBack = 0;
        selection = null;
        return moved;
    }
}
