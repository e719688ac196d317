package dev.cellshell.terminal;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program in a pseudo-terminal and the {@link Emulator} its output goes into: a reader thread feeds the emulator
 * (under this session's lock) and says the screen changed; a writer thread sends input, so that whoever types never
 * waits for a program that does not read. The emulator outlives the program: when it exits the screen stays, and
 * {@link #restart} starts it again on the same screen.
 */
public final class TerminalSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalSession.class);
    /** Input waiting for a program that does not read is capped; what does not fit is dropped (and said so). */
    static final int MAX_PENDING_INPUT = 4 << 20;

    /** What a session tells its owner; called on the session's reader thread. */
    public interface Events {
        /** The screen changed (coalesce: this comes once per read from the program, up to 64 KB). */
        void changed();

        default void bell() {
        }

        default void exited(int code) {
        }
    }

    /** How to start the program. */
    public record Launch(List<String> command, Path directory, Map<String, String> environment) {
        public Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }

        /** The person's login shell ({@code $SHELL}, else bash, else sh) in {@code directory}. */
        public static Launch loginShell(Path directory) {
            String shell = System.getenv("SHELL");
            if (shell == null || shell.isBlank() || !Files.isExecutable(Path.of(shell))) {
                shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
            }
            return new Launch(List.of(shell, "-l"), directory, Map.of());
        }
    }

    private final Launch launch;
    private final Events events;
    private final Emulator emulator;
    private final LinkedBlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger pendingBytes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile PtyProcess process;
    private volatile boolean running;
    private volatile int exitCode;
    private volatile boolean closed;
    private final Thread writer;

    private TerminalSession(Launch launch, int columns, int rows, int scrollback, Events events) {
        this.launch = launch;
        this.events = events;
        this.emulator = new Emulator(columns, rows, scrollback, this::send, new Emulator.Listener() {
            @Override
            public void bell() {
                events.bell();
            }
        });
        this.writer = new Thread(this::writeLoop, "terminal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Starts {@code launch} in a new pseudo-terminal of {@code columns} × {@code rows}. */
    public static TerminalSession start(Launch launch, int columns, int rows, int scrollback, Events events)
            throws IOException {
        TerminalSession session = new TerminalSession(launch, columns, rows, scrollback, events);
        try {
            session.spawn();
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private void spawn() throws IOException {
        useNativeFolder();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("TERM", "xterm-256color");
        environment.put("COLORTERM", "truecolor");
        environment.put("TERM_PROGRAM", "CellShell");
        String ctype = firstSet(environment, "LC_ALL", "LC_CTYPE", "LANG");
        if (ctype == null || !ctype.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8")) {
            environment.put("LC_CTYPE", "C.UTF-8"); // the emulator speaks UTF-8
            environment.remove("LC_ALL");
        }
        environment.putAll(launch.environment());
        int columns;
        int rows;
        synchronized (this) {
            columns = emulator.screen().columns();
            rows = emulator.screen().rows();
        }
        PtyProcess started = new PtyProcessBuilder(launch.command().toArray(String[]::new))
                .setEnvironment(environment)
                .setDirectory(launch.directory().toString())
                .setInitialColumns(columns)
                .setInitialRows(rows)
                .setConsole(false)
                .start();
        this.process = started;
        running = true;
        Thread reader = new Thread(() -> readLoop(started), "terminal-reader-" + started.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private static String firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** pty4j unpacks its native part once per user into the cache, not into a new temp folder every run. */
    private static void useNativeFolder() {
        if (System.getProperty("pty4j.tmpdir") == null) {
            String cache = System.getenv("XDG_CACHE_HOME");
            Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                    : Path.of(System.getProperty("user.home"), ".cache");
            Path folder = base.resolve("cellshell").resolve("pty4j-0.13.11");
            try {
                Files.createDirectories(folder);
                System.setProperty("pty4j.tmpdir", folder.toString());
            } catch (IOException e) {
                LOG.warn("pty4j's native part goes to the temp folder: {} cannot be made ({})", folder, e.toString());
            }
        }
    }

    private void readLoop(PtyProcess from) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (this) {
                    emulator.feed(buffer, 0, n);
                }
                events.changed();
            }
        } catch (IOException e) {
            // EIO when the program's side closes: the normal end of a pty.
        } catch (RuntimeException e) {
            LOG.error("terminal: the emulator failed on the output of '{}': {}", launch.command(), e.toString(), e);
        }
        int code;
        try {
            code = from.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        if (process == from) {
            exitCode = code;
            running = false;
            if (!closed) {
                LOG.info("terminal: '{}' exited with code {}", String.join(" ", launch.command()), code);
                events.exited(code);
                events.changed();
            }
        }
    }

    private void writeLoop() {
        while (!closed) {
            byte[] bytes;
            try {
                bytes = input.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (bytes == null) {
                continue;
            }
            pendingBytes.addAndGet(-bytes.length);
            PtyProcess target = process;
            if (target == null || !running) {
                continue;
            }
            try {
                OutputStream out = target.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                LOG.debug("terminal: input not written ({})", e.toString());
            }
        }
    }

    /**
     * Sends bytes to the program (typed text, keys, replies to its questions), in order, without waiting.
     *
     * @throws IllegalStateException when more than 4 MB wait for a program that does not read
     */
    public void send(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return;
        }
        int waiting = pendingBytes.addAndGet(bytes.length);
        if (waiting > MAX_PENDING_INPUT) {
            pendingBytes.addAndGet(-bytes.length);
            throw new IllegalStateException("the program is not reading its input: " + (waiting - bytes.length)
                    + " bytes still wait, so " + bytes.length + " more are not sent");
        }
        input.add(bytes);
    }

    /** Reads the emulator under this session's lock (the reader thread writes to it under the same lock). */
    public synchronized <T> T read(Function<Emulator, T> reading) {
        return reading.apply(emulator);
    }

    /** Gives the screen and the pty a new size; the program gets SIGWINCH. */
    public void resize(int columns, int rows) {
        int c = Math.max(2, Math.min(1000, columns));
        int r = Math.max(1, Math.min(500, rows));
        synchronized (this) {
            if (emulator.screen().columns() == c && emulator.screen().rows() == r) {
                return;
            }
            emulator.resize(c, r);
        }
        PtyProcess target = process;
        if (target != null && running) {
            try {
                target.setWinSize(new WinSize(c, r));
            } catch (RuntimeException e) {
                LOG.debug("terminal: window size not set ({})", e.toString());
            }
        }
    }

    public boolean running() {
        return running;
    }

    /** The exit code of the program once it has exited. */
    public int exitCode() {
        return exitCode;
    }

    /** The program's process id (the shell's, for a login shell). */
    public long pid() {
        PtyProcess target = process;
        return target == null ? -1 : target.pid();
    }

    /** Starts the program again on the same screen, after it exited. */
    public synchronized void restart() throws IOException {
        if (running || closed) {
            return;
        }
        emulator.feed("\r\n");
        spawn();
    }

    /** Ends the program and everything it started (SIGHUP as a closing terminal sends, then SIGKILL). */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        PtyProcess target = process;
        if (target == null) {
            return;
        }
        List<ProcessHandle> family = ProcessHandle.of(target.pid()).map(h -> h.descendants().toList()).orElse(List.of());
        hangUp(target.pid());
        family.forEach(p -> hangUp(p.pid()));
        try {
            if (!target.waitFor(500, TimeUnit.MILLISECONDS)) {
                target.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        running = false;
    }

    /** The C library's {@code kill}, for the hang-up a closing terminal sends. */
    private interface LibC extends com.sun.jna.Library {
        LibC INSTANCE = com.sun.jna.Native.load("c", LibC.class);

        int kill(int pid, int signal);
    }

    private static final int SIGHUP = 1;

    private static void hangUp(long pid) {
        try {
            LibC.INSTANCE.kill((int) pid, SIGHUP);
        } catch (LinkageError e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }
}
