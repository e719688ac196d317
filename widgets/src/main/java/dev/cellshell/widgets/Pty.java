package dev.cellshell.widgets;

/**
 * A terminal: a program in a pseudo-terminal that the shell runs for this cell (the person's login shell, or the
 * cell's {@code command} prop), with an xterm-256color emulator and 10,000 lines of scrollback. The program, its
 * screen and its scrollback belong to the shell, not to the cell's generation: a new generation of the cell's code
 * (a save, a swap) finds the same program still running. The cell is drawn again whenever the screen changes (at
 * most once a frame). Declare it with {@code @Uses(Pty.class)}; it is the person's own power (whatever the cell
 * types runs as them), so only cells they put on the desktop should have it.
 */
public interface Pty extends Service {

    /**
     * The screen, sized {@code columns} × {@code rows} (the pseudo-terminal follows: the program gets SIGWINCH),
     * seen {@code scrolledBack} lines back into the scrollback (0: the live screen). The program starts on the first
     * call.
     */
    TerminalScreen screen(int columns, int rows, int scrolledBack);

    /** Typed text, sent to the program as UTF-8. */
    void type(String text);

    /**
     * A key pressed, by its number ({@link InputEvent.Key#keyCode()}) and modifier bits, sent as xterm sends it in
     * the modes the program set (arrows in application mode for vim, control and alt with letters). Enter starts the
     * program again when it has exited.
     *
     * @return false when the key sends nothing by itself (a letter without control or alt: its text comes as typed
     *     text)
     */
    boolean key(int keyCode, int modifiers);

    /** Pasted text: line breaks as Enter, bracketed when the program asked (so a shell does not run it at once). */
    void paste(String text);

    /**
     * A mouse event at a character cell (0-based), reported to the program when it asked for mouse events.
     *
     * @param kind {@code press}, {@code release}, {@code move}, {@code wheel-up} or {@code wheel-down}
     * @param button 1 left, 2 middle, 3 right, 0 none
     * @return true when the program took it (then the cell should not select text with it)
     */
    boolean mouse(String kind, int column, int row, int button, int modifiers);

    /** Starts the program again after it exited (nothing while it runs). */
    void restart();
}
