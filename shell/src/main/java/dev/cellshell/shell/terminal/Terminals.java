package dev.cellshell.shell.terminal;

import dev.cellshell.runtime.TerminalScreens;
import dev.cellshell.terminal.Emulator;
import dev.cellshell.terminal.InputEncoder;
import dev.cellshell.terminal.Screen;
import dev.cellshell.terminal.Style;
import dev.cellshell.terminal.TerminalSession;
import dev.cellshell.widgets.Pty;
import dev.cellshell.widgets.TerminalScreen;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Pty} service: one {@link TerminalSession} per cell id, owned by the shell so that it outlives the
 * cell's generations (a swap finds the program still running) and ends when the cell leaves the desktop. A session
 * starts on a thread of its own (pty4j's first start takes a few hundred milliseconds, longer than a cell call may
 * wait): until it runs the cell sees an empty screen, and it is drawn again when the program's first output comes.
 */
public final class Terminals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Terminals.class);

    /** What the sessions tell the desktop, and what they read from it. */
    public interface Owner {
        /** The cell's screen changed: draw it again (soon; this is called once per read from the program). */
        void changed(String cellId);

        /** The program rang the bell. */
        void bell(String cellId);

        /** The cell's {@code command} prop: what to run instead of the login shell ({@code ""} for the shell). */
        String command(String cellId);
    }

    private final Owner owner;
    private final Path home;
    private final int scrollback;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "terminal-start");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    /** The theme's terminal foreground and background (0xAARRGGBB), what a program asking for them is told. */
    private volatile int foreground = 0xffd8dee9;
    private volatile int background = 0xff21252e;

    /** The theme changed: programs asking for the terminal's colours (OSC 10/11, as vim does) get these. */
    public void useColors(int foreground, int background) {
        this.foreground = foreground;
        this.background = background;
        for (Entry entry : entries.values()) {
            TerminalSession session = entry.now();
            if (session != null) {
                session.read(e -> {
                    e.useColors(foreground, background);
                    return null;
                });
            }
        }
    }

    /** A cell's session: starting, running (or exited), or failed to start. */
    private static final class Entry {
        final CompletableFuture<TerminalSession> session;
        /** The scrolled-back offset last answered, and the scrollback's push count then (read under the session lock). */
        int lastBack;
        long lastOff;

        Entry(CompletableFuture<TerminalSession> session) {
            this.session = session;
        }

        TerminalSession now() {
            return session.isDone() && !session.isCompletedExceptionally() ? session.join() : null;
        }

        String failure() {
            if (!session.isCompletedExceptionally()) {
                return null;
            }
            try {
                session.join();
                return null;
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return String.valueOf(cause.getMessage());
            }
        }
    }

    public Terminals(Owner owner, Path home, int scrollback) {
        this.owner = owner;
        this.home = home;
        this.scrollback = scrollback;
    }

    /** The {@link Pty} a cell sees. */
    public Pty forCell(String cellId) {
        return new Pty() {
            @Override
            public TerminalScreen screen(int columns, int rows, int scrolledBack) {
                return Terminals.this.screen(cellId, columns, rows, scrolledBack);
            }

            @Override
            public void type(String text) {
                send(cellId, InputEncoder.text(text));
            }

            @Override
            public boolean key(int keyCode, int modifiers) {
                return Terminals.this.key(cellId, keyCode, modifiers);
            }

            @Override
            public void paste(String text) {
                TerminalSession session = running(cellId);
                if (session != null) {
                    boolean bracketed = session.read(Emulator::bracketedPaste);
                    session.send(InputEncoder.paste(text, bracketed));
                }
            }

            @Override
            public boolean mouse(String kind, int column, int row, int button, int modifiers) {
                return Terminals.this.mouse(cellId, kind, column, row, button, modifiers);
            }

            @Override
            public void restart() {
                Terminals.this.restart(cellId);
            }
        };
    }

    /**
     * The screen of the cell's session, sized {@code columns} × {@code rows} (started on the first call, resized when
     * the size differs), seen {@code scrolledBack} lines back.
     */
    private TerminalScreen screen(String cellId, int columns, int rows, int scrolledBack) {
        if (columns < 1 || rows < 1 || columns > TerminalScreens.MAX_COLUMNS || rows > TerminalScreens.MAX_ROWS) {
            throw new IllegalArgumentException("a terminal is 1–" + TerminalScreens.MAX_COLUMNS + " columns and 1–"
                    + TerminalScreens.MAX_ROWS + " rows, not " + columns + "×" + rows);
        }
        Entry entry = entry(cellId, columns, rows);
        TerminalSession session = entry.now();
        if (session == null) {
            String failure = entry.failure();
            List<List<TerminalScreen.Run>> lines = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                String message = "cannot start: " + failure;
                lines.add(r == 0 && failure != null ? List.of(new TerminalScreen.Run(0, Math.min(columns,
                        message.length()), message.substring(0, Math.min(columns, message.length())), 1,
                        TerminalScreen.DEFAULT_COLOR, 0)) : List.of());
            }
            return new TerminalScreen(columns, rows, 0, 0, failure == null, 0, failure == null ? "" : "cannot start",
                    failure == null, failure == null ? 0 : -1, 0, 0, false, lines);
        }
        session.resize(columns, rows);
        boolean running = session.running();
        int exitCode = session.exitCode();
        return session.read(emulator -> {
            // A view scrolled back stays on the same lines while output pushes more into the scrollback (the cell
            // asks again with the offset it was given; one it changed itself is taken as it is).
            long off = emulator.screen().scrolledOff();
            int back = scrolledBack;
            if (back > 0 && back == entry.lastBack) {
                back = (int) Math.min(Integer.MAX_VALUE, back + (off - entry.lastOff));
            }
            back = Math.max(0, Math.min(back, emulator.screen().historySize()));
            entry.lastBack = back;
            entry.lastOff = off;
            return snapshot(emulator, back, running, exitCode);
        });
    }

    /** The emulator's screen {@code back} lines back as runs of equally styled text (a wide character alone). */
    private static TerminalScreen snapshot(Emulator emulator, int back, boolean running, int exitCode) {
        Screen screen = emulator.screen();
        int columns = screen.columns();
        List<List<TerminalScreen.Run>> lines = new ArrayList<>(screen.rows());
        StringBuilder text = new StringBuilder(columns);
        for (int r = 0; r < screen.rows(); r++) {
            List<TerminalScreen.Run> runs = new ArrayList<>();
            Screen.Line line = screen.line(r, back);
            int end = Math.min(columns, line.length());
            while (end > 0 && line.charAt(end - 1) == 0 && line.styleAt(end - 1) == 0) {
                end--;
            }
            int c = 0;
            while (c < end) {
                long style = line.styleAt(c);
                int attributes = Style.attributes(style);
                if ((attributes & Style.SPACER) != 0) {
                    c++;
                    continue;
                }
                int fg = Style.foreground(style);
                int bg = Style.background(style);
                int sgr = attributes & 0xff;
                text.setLength(0);
                if ((attributes & Style.WIDE) != 0) {
                    runs.add(new TerminalScreen.Run(c, Math.min(2, columns - c), text.appendCodePoint(line.charAt(c))
                            .toString(), fg, bg, sgr));
                    c += 2;
                    continue;
                }
                int start = c;
                while (c < end && line.styleAt(c) == style) {
                    int cp = line.charAt(c);
                    text.appendCodePoint(cp == 0 ? ' ' : cp);
                    c++;
                }
                runs.add(new TerminalScreen.Run(start, c - start, text.toString(), fg, bg, sgr));
            }
            lines.add(runs);
        }
        return new TerminalScreen(columns, screen.rows(), screen.cursorColumn(), screen.cursorRow(),
                emulator.cursorVisible() && back == 0, emulator.cursorShape(), emulator.title(), running, exitCode,
                screen.historySize(), back, emulator.mouseTracking() != Emulator.MouseTracking.NONE, lines);
    }

    private Entry entry(String cellId, int columns, int rows) {
        if (closed) {
            throw new IllegalStateException("the shell is closing: no new terminals");
        }
        return entries.computeIfAbsent(cellId, id -> {
            CompletableFuture<TerminalSession> future = CompletableFuture.supplyAsync(() -> start(id, columns, rows),
                    starter);
            future.whenComplete((s, e) -> owner.changed(id));
            return new Entry(future);
        });
    }

    private TerminalSession start(String cellId, int columns, int rows) {
        String command = owner.command(cellId);
        TerminalSession.Launch launch = command == null || command.isBlank() ? TerminalSession.Launch.loginShell(home)
                : new TerminalSession.Launch(List.of("/bin/sh", "-c", command), home, Map.of());
        try {
            TerminalSession session = TerminalSession.start(launch, columns, rows, scrollback,
                    new TerminalSession.Events() {
                        @Override
                        public void changed() {
                            owner.changed(cellId);
                        }

                        @Override
                        public void bell() {
                            owner.bell(cellId);
                        }
                    });
            session.read(e -> {
                e.useColors(foreground, background);
                return null;
            });
            LOG.info("terminal of cell '{}': {} started (pid {})", cellId, String.join(" ", launch.command()),
                    session.pid());
            if (closed) {
                session.close(); // the shell closes while it started (a cell that left closes it as it completes)
            }
            return session;
        } catch (IOException e) {
            LOG.error("terminal of cell '{}': {} cannot start: {}", cellId, launch.command(), e.toString());
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TerminalSession running(String cellId) {
        Entry entry = entries.get(cellId);
        return entry == null ? null : entry.now();
    }

    private void send(String cellId, byte[] bytes) {
        TerminalSession session = running(cellId);
        if (session != null && session.running()) {
            session.send(bytes);
        }
    }

    private boolean key(String cellId, int keyCode, int modifiers) {
        TerminalSession session = running(cellId);
        if (session == null) {
            return false;
        }
        if (!session.running()) {
            if (keyCode == 257 || keyCode == 335) {
                restart(cellId);
                return true;
            }
            return false;
        }
        byte[] bytes = InputEncoder.key(keyCode, modifiers, session.read(Emulator::applicationCursor));
        if (bytes == null) {
            return false;
        }
        session.send(bytes);
        return true;
    }

    private boolean mouse(String cellId, String kind, int column, int row, int button, int modifiers) {
        TerminalSession session = running(cellId);
        if (session == null || !session.running()) {
            return false;
        }
        InputEncoder.MouseKind mouseKind = switch (kind) {
            case "press" -> InputEncoder.MouseKind.PRESS;
            case "release" -> InputEncoder.MouseKind.RELEASE;
            case "move" -> InputEncoder.MouseKind.MOVE;
            case "wheel-up" -> InputEncoder.MouseKind.WHEEL_UP;
            case "wheel-down" -> InputEncoder.MouseKind.WHEEL_DOWN;
            default -> throw new IllegalArgumentException("a mouse event is press, release, move, wheel-up or "
                    + "wheel-down, not '" + kind + "'");
        };
        byte[] bytes = session.read(e -> InputEncoder.mouse(mouseKind, button, column, row, modifiers,
                e.mouseTracking(), e.sgrMouse()));
        if (bytes == null) {
            return false;
        }
        session.send(bytes);
        return true;
    }

    private void restart(String cellId) {
        Entry entry = entries.get(cellId);
        if (entry == null) {
            return;
        }
        TerminalSession session = entry.now();
        if (session == null) {
            entries.remove(cellId); // failed to start: the next screen() tries again
            owner.changed(cellId);
            return;
        }
        if (!session.running()) {
            starter.execute(() -> {
                try {
                    session.restart();
                } catch (IOException e) {
                    LOG.error("terminal of cell '{}': restart failed: {}", cellId, e.toString());
                }
                owner.changed(cellId);
            });
        }
    }

    /**
     * What {@code cell show} says of the cell's terminal (empty when it has none): the visible screen's text, the
     * cursor, the title, the size, whether the program runs and its exit code.
     */
    public Map<String, String> describe(String cellId) {
        Entry entry = entries.get(cellId);
        if (entry == null) {
            return Map.of();
        }
        TerminalSession session = entry.now();
        Map<String, String> about = new LinkedHashMap<>();
        if (session == null) {
            String failure = entry.failure();
            about.put("running", "false");
            about.put("screen", failure == null ? "" : "cannot start: " + failure);
            return about;
        }
        session.read(e -> {
            Screen screen = e.screen();
            about.put("screen", screen.text());
            about.put("cursor", screen.cursorRow() + "," + screen.cursorColumn());
            about.put("size", screen.columns() + "x" + screen.rows());
            about.put("title", e.title());
            about.put("alternate", Boolean.toString(screen.onAlternate()));
            about.put("scrollback", Integer.toString(screen.historySize()));
            return null;
        });
        about.put("running", Boolean.toString(session.running()));
        about.put("exitCode", session.running() ? "" : Integer.toString(session.exitCode()));
        about.put("pid", Long.toString(session.pid()));
        return about;
    }

    /** Ends the cell's program (it left the desktop). */
    public void close(String cellId) {
        Entry entry = entries.remove(cellId);
        if (entry != null) {
            entry.session.thenAccept(TerminalSession::close);
        }
    }

    /** Ends every program (the shell closes). */
    @Override
    public void close() {
        closed = true;
        for (String id : List.copyOf(entries.keySet())) {
            Entry entry = entries.remove(id);
            TerminalSession session = entry == null ? null : entry.now();
            if (session != null) {
                session.close();
            } else if (entry != null) {
                entry.session.thenAccept(TerminalSession::close); // still starting
            }
        }
        starter.shutdownNow();
    }
}
