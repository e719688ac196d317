package dev.cellshell.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private X server with a real window manager for desktop tests: Xvfb (one monitor of any size), or Debian's Xorg
 * with the dummy video driver (several RandR monitors, which GLFW sees and xrandr can switch off and on), with
 * openbox running on it. Fails loudly, never skips, when a package is missing.
 */
public final class XServer implements AutoCloseable {

    private final Process server;
    private final String display;
    private final Path dir;
    private final List<Process> clients = new ArrayList<>();

    private XServer(Process server, String display, Path dir) {
        this.server = server;
        this.display = display;
        this.dir = dir;
    }

    /** Xvfb with one screen of width×height. */
    public static XServer xvfb(int width, int height) throws Exception {
        need("/usr/bin/Xvfb", "xvfb");
        return start(n -> List.of("/usr/bin/Xvfb", ":" + n, "-screen", "0", width + "x" + height + "x24", "-nolisten",
                "tcp"), null);
    }

    /** Xorg's dummy driver: a 3840×1080 virtual screen whose outputs DUMMY0, DUMMY1… xrandr turns into monitors. */
    public static XServer dummyXorg() throws Exception {
        need("/usr/lib/xorg/Xorg", "xserver-xorg-core");
        need("/usr/lib/xorg/modules/drivers/dummy_drv.so", "xserver-xorg-video-dummy");
        Path dir = Files.createTempDirectory("xorg-dummy");
        Files.writeString(dir.resolve("xorg.conf"), """
                Section "ServerFlags"
                  Option "AutoAddDevices" "false"
                  Option "AutoAddGPU" "false"
                EndSection
                Section "Device"
                  Identifier "dummy"
                  Driver "dummy"
                  VideoRam 256000
                EndSection
                Section "Monitor"
                  Identifier "monitor"
                  HorizSync 5.0-1000.0
                  VertRefresh 5.0-200.0
                EndSection
                Section "Screen"
                  Identifier "screen"
                  Device "dummy"
                  Monitor "monitor"
                  DefaultDepth 24
                  SubSection "Display"
                    Depth 24
                    Virtual 3840 1080
                  EndSubSection
                EndSection
                """);
        Files.createDirectories(dir.resolve("conf.d"));
        return start(n -> List.of("/usr/lib/xorg/Xorg", ":" + n, "-config", dir.resolve("xorg.conf").toString(),
                "-configdir", dir.resolve("conf.d").toString(), "-logfile", dir.resolve("Xorg.log").toString(),
                "-noreset", "-nolisten", "tcp"), dir);
    }

    private interface Command {
        List<String> at(int display);
    }

    private static void need(String file, String pkg) {
        if (!Files.exists(Path.of(file))) {
            throw new AssertionError(file + " is missing: run the tests with ./cell test, which installs " + pkg);
        }
    }

    private static XServer start(Command command, Path dir) throws Exception {
        need("/usr/bin/openbox", "openbox");
        for (int n = 140; n < 200; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder(command.at(n)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(socket)) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket)) {
                XServer x = new XServer(p, ":" + n, dir);
                try {
                    x.startWindowManager();
                } catch (Exception | AssertionError e) {
                    x.close(); // not left running for the next test to trip over
                    throw e;
                }
                return x;
            }
            p.destroyForcibly();
        }
        throw new AssertionError("could not start an X server on any display :140–:199");
    }

    /**
     * Starts openbox and waits until it manages the screen (it sets _NET_SUPPORTING_WM_CHECK on the root). An openbox
     * that exits before it does (seen under load: it can give up on a server that has only just opened its socket)
     * is started again, up to three times; a failure says what openbox printed.
     */
    private void startWindowManager() throws Exception {
        Path log = Files.createTempFile("openbox", ".log");
        Process openbox = null;
        int starts = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (System.nanoTime() < deadline) {
                if (openbox == null || !openbox.isAlive() && starts < 3) {
                    ProcessBuilder builder = new ProcessBuilder("openbox", "--sm-disable").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                    builder.environment().put("DISPLAY", display);
                    openbox = builder.start();
                    clients.add(openbox);
                    starts++;
                }
                if (output("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id")) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("openbox did not take the screen of " + display + " within 30 s (started "
                    + starts + " times, " + (openbox.isAlive() ? "still running" : "exited with "
                    + openbox.exitValue()) + "); it printed: " + Files.readString(log).strip());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public String display() {
        return display;
    }

    /** Starts an X client in the background; it is killed when the server closes. */
    public Process spawn(String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        clients.add(p);
        return p;
    }

    /** Runs an X client to its end and returns what it printed (stdout and stderr). */
    public String output(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Runs an X client with {@code input} on its standard input; fails the test when it does not exit with 0. */
    public String feed(String input, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + text);
        }
        return text;
    }

    /** Runs an X client and fails the test when it does not exit with 0. */
    public String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /** The X window id of the first client window with exactly this name, or fails. */
    String window(String name) throws Exception {
        String info = run("xwininfo", "-name", name);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Window id: (0x[0-9a-f]+)").matcher(info);
        if (!m.find()) {
            throw new AssertionError("no window named '" + name + "': " + info);
        }
        return m.group(1);
    }

    @Override
    public void close() throws Exception {
        for (Process client : clients) {
            client.destroyForcibly();
        }
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
