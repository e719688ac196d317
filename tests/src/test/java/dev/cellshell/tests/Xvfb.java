package dev.cellshell.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private X server for tests that need a real window. Fails loudly, never skips, when Xvfb is missing. */
public final class Xvfb implements AutoCloseable {

    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    public static Xvfb start() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            throw new AssertionError("Xvfb is not installed: run the tests with ./cell test, which installs xvfb");
        }
        for (int n = 90; n < 140; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder("/usr/bin/Xvfb", ":" + n, "-screen", "0", "1280x720x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(socket)) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket)) {
                return new Xvfb(p, ":" + n);
            }
            p.destroyForcibly();
        }
        throw new AssertionError("could not start Xvfb on any display :90–:139");
    }

    public String display() {
        return display;
    }

    /** Runs an X client (xdotool, import) against this display and returns its exit code. */
    int run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return p.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
