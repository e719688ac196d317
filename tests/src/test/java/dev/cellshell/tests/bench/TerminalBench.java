package dev.cellshell.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.workspace.Workspace;
import dev.cellshell.tests.XServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./cell termbench [MB] [SAMPLES] [--parts-only]}: the Terminal cell side by side with Debian's xterm under the same private
 * Xvfb, measured from outside as a person feels it. Throughput: {@code cat} of a text file (default 50 MB) timed by
 * the shell inside the terminal. Keystroke to pixel: a key pressed through XTest until the pixels of the terminal's
 * first rows change on the X server (read back with XGetImage), p50/p95. Idle CPU with a prompt open, over 10 s, of
 * every process of each side. Memory per terminal: the PSS the desktop's processes gain per Terminal cell spawned (and
 * xterm's own). Prints JSON.
 */
public final class TerminalBench {

    private static final Path ROOT = Path.of(System.getProperty("cellshell.root", ".")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The few Xlib and XTest calls the probe needs. */
    interface Xlib extends Library {
        Xlib X = Native.load("X11", Xlib.class);

        Pointer XOpenDisplay(String name);

        long XDefaultRootWindow(Pointer display);

        Pointer XGetImage(Pointer display, long drawable, int x, int y, int width, int height, NativeLong planes,
                int format);

        int XDestroyImage(Pointer image);

        long XStringToKeysym(String name);

        byte XKeysymToKeycode(Pointer display, long keysym);

        int XSync(Pointer display, boolean discard);

        int XCloseDisplay(Pointer display);
    }

    interface XTest extends Library {
        XTest T = Native.load("Xtst", XTest.class);

        int XTestFakeKeyEvent(Pointer display, int keycode, boolean press, NativeLong delay);

        int XTestFakeButtonEvent(Pointer display, int button, boolean press, NativeLong delay);

        int XTestFakeMotionEvent(Pointer display, int screen, int x, int y, NativeLong delay);
    }

    /** Reads a rectangle of the screen and presses keys, as a person's X client would. */
    static final class Probe implements AutoCloseable {
        private static final int Z_PIXMAP = 2;
        private final Pointer display;
        private final long root;
        private final NativeLong now = new NativeLong(0);

        Probe(String name) {
            display = Xlib.X.XOpenDisplay(name);
            if (display == null) {
                throw new IllegalStateException("cannot open display " + name);
            }
            root = Xlib.X.XDefaultRootWindow(display);
        }

        byte[] pixels(int x, int y, int w, int h) {
            Pointer image = Xlib.X.XGetImage(display, root, x, y, w, h, new NativeLong(-1), Z_PIXMAP);
            if (image == null) {
                throw new IllegalStateException("XGetImage failed for " + w + "x" + h + "+" + x + "+" + y);
            }
            try {
                int bytesPerLine = image.getInt(44);
                return image.getPointer(16).getByteArray(0, bytesPerLine * h);
            } finally {
                Xlib.X.XDestroyImage(image);
            }
        }

        void key(String keysym, boolean press) {
            int code = Xlib.X.XKeysymToKeycode(display, Xlib.X.XStringToKeysym(keysym)) & 0xff;
            XTest.T.XTestFakeKeyEvent(display, code, press, now);
            Xlib.X.XSync(display, false);
        }

        void click(int x, int y) {
            XTest.T.XTestFakeMotionEvent(display, -1, x, y, now);
            XTest.T.XTestFakeButtonEvent(display, 1, true, now);
            XTest.T.XTestFakeButtonEvent(display, 1, false, now);
            Xlib.X.XSync(display, false);
        }

        void moveTo(int x, int y) {
            XTest.T.XTestFakeMotionEvent(display, -1, x, y, now);
            Xlib.X.XSync(display, false);
        }

        /**
         * Presses and releases {@code keysym} and answers the milliseconds until the rectangle's pixels differ from
         * what they were before the press (NaN after 2 s).
         */
        double keyToPixel(String keysym, int[] rect) {
            byte[] before = pixels(rect[0], rect[1], rect[2], rect[3]);
            long pressed = System.nanoTime();
            key(keysym, true);
            key(keysym, false);
            while (System.nanoTime() - pressed < TimeUnit.SECONDS.toNanos(2)) {
                if (!Arrays.equals(before, pixels(rect[0], rect[1], rect[2], rect[3]))) {
                    return (System.nanoTime() - pressed) / 1e6;
                }
            }
            return Double.NaN;
        }

        /** How long one look at the rectangle takes (the resolution of {@link #keyToPixel}). */
        double pollMillis(int[] rect) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                pixels(rect[0], rect[1], rect[2], rect[3]);
            }
            return (System.nanoTime() - start) / 50 / 1e6;
        }

        @Override
        public void close() {
            Xlib.X.XCloseDisplay(display);
        }
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path dir = Files.createTempDirectory("termbench");
        Path text = dir.resolve("text.txt");
        writeText(text, megabytes);
        Path login = dir.resolve("login-shell");
        Files.writeString(login, "#!/bin/sh\nexport PS1='$ '\nexec /bin/sh -i\n");
        Files.setPosixFilePermissions(login, PosixFilePermissions.fromString("rwxr-xr-x"));
        String parts = parts(text, login);
        if (args.length > 2 && args[2].equals("--parts-only")) {
            System.out.println("{\"file_mb\": " + megabytes + ", \"parts\": " + parts + "}");
            return;
        }
        try (XServer x = XServer.xvfb(1600, 900); Probe probe = new Probe(x.display())) {
            String xterm = xterm(x, probe, text, login, samples);
            String cell = terminalCell(x, probe, dir, text, login, samples);
            System.out.println("{\"file_mb\": " + megabytes + ", \"xterm\": " + xterm + ", \"terminal_cell\": " + cell
                    + ", \"parts\": " + parts + "}");
        }
    }

    /**
     * The Terminal cell's path in parts, without a desktop: the emulator alone on the file's bytes (64 KB at a time,
     * as the reader hands them over), and a {@code TerminalSession} (pty4j, reader thread, emulator) running the cat
     * with nothing drawing.
     */
    private static String parts(Path text, Path login) throws Exception {
        byte[] bytes = Files.readAllBytes(text);
        List<Double> emulator = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            dev.cellshell.terminal.Emulator e = new dev.cellshell.terminal.Emulator(83, 23);
            long start = System.nanoTime();
            for (int at = 0; at < bytes.length; at += 65536) {
                e.feed(bytes, at, Math.min(bytes.length, at + 65536));
            }
            emulator.add(bytes.length / 1e6 / ((System.nanoTime() - start) / 1e9));
        }
        List<Double> session = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            java.util.concurrent.CountDownLatch exited = new java.util.concurrent.CountDownLatch(1);
            long start = System.nanoTime();
            try (dev.cellshell.terminal.TerminalSession s = dev.cellshell.terminal.TerminalSession.start(
                    new dev.cellshell.terminal.TerminalSession.Launch(List.of("cat", text.toString()),
                            text.getParent(), Map.of()), 83, 23, 10_000, new dev.cellshell.terminal.TerminalSession.Events() {
                                @Override
                                public void changed() {
                                }

                                @Override
                                public void exited(int code) {
                                    exited.countDown();
                                }
                            })) {
                exited.await(600, TimeUnit.SECONDS);
                session.add(bytes.length / 1e6 / ((System.nanoTime() - start) / 1e9));
            }
        }
        // Heap of one emulator whose 10,000-line scrollback is full of the file's lines (83 columns).
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        dev.cellshell.terminal.Emulator full = new dev.cellshell.terminal.Emulator(83, 23);
        full.feed(bytes, 0, Math.min(bytes.length, 12_000 * 80));
        int kept = full.screen().historySize();
        System.gc();
        long heldBytes = runtime.totalMemory() - runtime.freeMemory() - before;
        java.lang.ref.Reference.reachabilityFence(full);
        return String.format(Locale.ROOT, "{\"emulator_alone_mb_per_s\": %s, \"pty_session_no_drawing_mb_per_s\": %s, "
                + "\"emulator_heap_mb_with_full_scrollback\": %.1f, \"scrollback_lines\": %d}",
                stats(emulator), stats(session), heldBytes / 1e6, kept);
    }

    private static void writeText(Path file, int megabytes) throws IOException {
        StringBuilder block = new StringBuilder();
        for (int i = 0; block.length() < 1 << 20; i++) {
            block.append(String.format(Locale.ROOT, "%07d the quick brown fox jumps over the lazy dog; "
                    + "0123456789 abcdefghij ABCDEFGHIJ\n", i));
        }
        byte[] bytes = block.toString().getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < megabytes; i++) {
                out.write(bytes, 0, 1 << 20);
            }
        }
    }

    private static final String TIMED_CAT = "t0=$(date +%%s%%N); cat %s; t1=$(date +%%s%%N); echo DONE-$((t1-t0))";

    private static String xterm(XServer x, Probe probe, Path text, Path login, int samples) throws Exception {
        double mb = Files.size(text) / 1e6;
        // Throughput: xterm runs the timed cat and exits; three runs.
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            Path out = text.resolveSibling("xterm-" + run + ".txt");
            Process p = x.spawn("xterm", "-geometry", "100x30+0+0", "-e", "sh", "-c",
                    String.format(Locale.ROOT, TIMED_CAT, text) + " > /dev/null; echo $((t1-t0)) > " + out);
            // The echo above went to /dev/null: xterm's screen gets the cat, the file gets the time.
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("xterm's cat did not end in 600 s");
            }
            rates.add(mb / (Long.parseLong(Files.readString(out).trim()) / 1e9));
        }
        // Keystroke to pixel at a prompt, idle CPU, memory.
        ProcessBuilder builder = new ProcessBuilder("xterm", "-geometry", "100x30+0+0", "-e", login.toString());
        builder.environment().put("DISPLAY", x.display());
        Process term = builder.start();
        try {
            Thread.sleep(1500);
            int[] rect = {0, 0, 600, 60};
            probe.moveTo(300, 200);
            Thread.sleep(300);
            List<Double> typed = keystrokes(probe, rect, samples);
            long[] pids = family(term.toHandle());
            double idle = idleCpuPercent(pids);
            return String.format(Locale.ROOT, "{\"cat_mb_per_s\": %s, \"keystroke_to_pixel_ms\": %s, "
                    + "\"probe_look_ms\": %.2f, \"idle_cpu_percent\": %.3f, \"pss_mb\": %.1f, \"rss_mb\": %.1f}",
                    stats(rates), stats(typed), probe.pollMillis(rect), idle, pss(pids) / 1024.0, rss(pids) / 1024.0);
        } finally {
            term.destroy();
            term.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static List<Double> keystrokes(Probe probe, int[] rect, int samples) throws InterruptedException {
        List<Double> typed = new ArrayList<>();
        for (int i = 0; i < samples + 5; i++) {
            double a = probe.keyToPixel("a", rect);
            Thread.sleep(60);
            double back = probe.keyToPixel("BackSpace", rect);
            Thread.sleep(60);
            if (i >= 5) { // the first few warm up
                typed.add(a);
                typed.add(back);
            }
        }
        return typed;
    }

    private static String terminalCell(XServer x, Probe probe, Path dir, Path text, Path login, int samples)
            throws Exception {
        Path workspace = dir.resolve("workspace");
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("cell").toString(), "run", "--no-workbench",
                "--workspace", workspace.toString(), "--template", "demo").redirectErrorStream(true)
                .redirectOutput(dir.resolve("shell.log").toFile());
        builder.environment().put("DISPLAY", x.display());
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        builder.environment().put("SHELL", login.toString());
        Process shell = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                try {
                    if (((ControlMessage.StatusReply) call(workspace, new ControlMessage.StatusRequest()))
                            .presentedScene() > 0) {
                        break;
                    }
                } catch (IOException notYet) {
                    // no control socket yet
                }
                if (System.nanoTime() > deadline || !shell.isAlive()) {
                    throw new IllegalStateException("the desktop did not start: " + Files.readString(
                            dir.resolve("shell.log")));
                }
                Thread.sleep(50);
            }
            Thread.sleep(2000);
            long[] before = family(shell.toHandle());
            double idleWithout = idleCpuPercent(before);
            long pssBefore = pss(before);
            change(workspace, "spawn", "", Map.of(), "Terminal", "center");
            awaitScreen(workspace, "terminal", s -> s.startsWith("$"));

            // Throughput: the same timed cat, typed into the Terminal cell.
            double mb = Files.size(text) / 1e6;
            List<Double> rates = new ArrayList<>();
            Pattern done = Pattern.compile("DONE-(\\d+)");
            for (int run = 0; run < 3; run++) {
                change(workspace, "type", "terminal", Map.of("text", "clear; " + String.format(Locale.ROOT,
                        TIMED_CAT, text) + "\n"), "", "");
                String screen = awaitScreen(workspace, "terminal", s -> done.matcher(s).find());
                Matcher m = done.matcher(screen);
                m.find();
                rates.add(mb / (Long.parseLong(m.group(1)) / 1e9));
            }
            change(workspace, "type", "terminal", Map.of("text", "clear\n"), "", "");
            awaitScreen(workspace, "terminal", s -> s.startsWith("$") && !s.contains("DONE"));

            // Keystroke to pixel: focus the cell with a click on it, then keys through the X server.
            int[] cell = cellOnScreen(workspace, "terminal");
            probe.click(cell[0] + cell[2] / 2, cell[1] + cell[3] / 2);
            Thread.sleep(500);
            int[] rect = {cell[0] + 2, cell[1] + 28, cell[2] - 4, cell[3] - 30}; // the grid, below the header
            List<Double> typed = keystrokes(probe, rect, samples);
            if (typed.stream().anyMatch(v -> v.isNaN())) {
                System.err.println("termbench: keys that never reached the screen; the terminal shows:\n"
                        + cli(workspace, "show", "terminal"));
            }

            Thread.sleep(1000);
            long[] pids = family(shell.toHandle());
            double idle = idleCpuPercent(pids);
            long pssOne = pss(pids);
            for (int i = 2; i <= 5; i++) {
                change(workspace, "spawn", "", Map.of(), "Terminal", "center");
                awaitScreen(workspace, "terminal-" + i, s -> s.startsWith("$"));
            }
            Thread.sleep(1000);
            long pssFive = pss(family(shell.toHandle()));
            return String.format(Locale.ROOT, "{\"cat_mb_per_s\": %s, \"keystroke_to_pixel_ms\": %s, "
                    + "\"probe_look_ms\": %.2f, \"idle_cpu_percent_all_processes\": %.3f, "
                    + "\"idle_cpu_percent_same_desktop_without_terminal\": %.3f, "
                    + "\"desktop_pss_mb_without_terminal\": %.1f, \"pss_mb_first_terminal\": %.1f, "
                    + "\"pss_mb_per_further_terminal\": %.1f, \"processes\": %d}",
                    stats(rates), stats(typed), probe.pollMillis(rect), idle, idleWithout, pssBefore / 1024.0,
                    (pssOne - pssBefore) / 1024.0, (pssFive - pssOne) / 4 / 1024.0, pids.length);
        } finally {
            shell.destroy();
            shell.waitFor(30, TimeUnit.SECONDS);
            shell.destroyForcibly();
        }
    }

    static int[] cellOnScreen(Path workspace, String id) throws Exception {
        String surfaces = cli(workspace, "surfaces", "--json");
        int ox = 0;
        int oy = 0;
        for (String line : surfaces.split("\n")) {
            JsonNode s = line.isBlank() ? null : JSON.readTree(line);
            if (s != null && s.path("role").asText("desktop").equals("desktop")
                    && s.path("surface").asText().equals("desktop")) {
                String[] parts = s.get("bounds").asText().split("[x+]");
                ox = Integer.parseInt(parts[2]);
                oy = Integer.parseInt(parts[3]);
            }
        }
        JsonNode bounds = JSON.readTree(cli(workspace, "show", id, "--json")).get("bounds");
        return new int[] {ox + bounds.get(0).asInt(), oy + bounds.get(1).asInt(), bounds.get(2).asInt(),
            bounds.get(3).asInt()};
    }

    static String cli(Path workspace, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("cell").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--workspace", workspace.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        Process p = builder.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String awaitScreen(Path workspace, String id, java.util.function.Predicate<String> done)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            ControlMessage.StatusReply status = (ControlMessage.StatusReply) call(workspace,
                    new ControlMessage.StatusRequest());
            String screen = status.cells().stream().filter(c -> c.cellId().equals(id)).findFirst()
                    .map(c -> c.terminal().getOrDefault("screen", "")).orElse("");
            if (done.test(screen)) {
                return screen;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("terminal " + id + " never showed what was awaited");
    }

    static ControlMessage call(Path workspace, ControlMessage request) throws IOException {
        try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace), ControlMessage.CODEC)) {
            return c.call(request);
        }
    }

    private static void change(Path workspace, String verb, String cellId, Map<String, String> props, String type,
            String anchor) throws Exception {
        ControlMessage reply = call(workspace, new ControlMessage.ChangeRequest(verb, cellId, type, anchor, 0, 0, 0,
                props));
        if (reply instanceof ControlMessage.ChangeReply c && !c.done()) {
            throw new IllegalStateException(verb + " refused: " + c.message());
        }
        if (reply instanceof ControlMessage.Failure f) {
            throw new IllegalStateException(verb + " failed: " + f.message());
        }
    }

    /** A process and everything under it. */
    static long[] family(ProcessHandle top) {
        List<Long> pids = new ArrayList<>();
        pids.add(top.pid());
        top.descendants().forEach(p -> pids.add(p.pid()));
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    /** CPU of all of {@code pids} over 10 s, as a percentage of one core. */
    private static double idleCpuPercent(long[] pids) throws Exception {
        long before = 0;
        for (long pid : pids) {
            before += ticks(pid);
        }
        Thread.sleep(10_000);
        long after = 0;
        for (long pid : pids) {
            after += ticks(pid);
        }
        return (after - before) / 100.0 / 10.0 * 100;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** Proportional set size in KB, summed (shared pages counted once across the processes). */
    static long pss(long[] pids) {
        return rollup(pids, "Pss:");
    }

    private static long rss(long[] pids) {
        return rollup(pids, "Rss:");
    }

    private static long rollup(long[] pids, String field) {
        long total = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                    if (line.startsWith(field)) {
                        total += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException gone) {
                // the process ended
            }
        }
        return total;
    }

    static String stats(List<Double> values) {
        double[] sorted = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        long missed = values.stream().filter(v -> v.isNaN()).count();
        if (sorted.length == 0) {
            return "{\"n\": 0, \"missed\": " + missed + "}";
        }
        return String.format(Locale.ROOT, "{\"p50\": %.2f, \"p95\": %.2f, \"min\": %.2f, \"n\": %d, \"missed\": %d}",
                p(sorted, 50), p(sorted, 95), sorted[0], sorted.length, missed);
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length)
                - 1))];
    }
}
