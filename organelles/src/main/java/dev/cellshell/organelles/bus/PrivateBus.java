package dev.cellshell.organelles.bus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A session bus of one's own: Debian's {@code dbus-daemon --session}, started forked and killed on close. What the
 * tests and benchmarks talk to, so nothing touches the person's own bus.
 */
public final class PrivateBus implements AutoCloseable {

    private final String address;
    private final long pid;

    private PrivateBus(String address, long pid) {
        this.address = address;
        this.pid = pid;
    }

    /** @throws IOException when {@code dbus-daemon} is missing or does not start (package {@code dbus-daemon}) */
    public static PrivateBus start() throws IOException {
        Process daemon;
        try {
            daemon = new ProcessBuilder("dbus-daemon", "--session", "--fork", "--nopidfile", "--print-address=1",
                    "--print-pid=1").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("dbus-daemon cannot be started (install the package dbus-daemon): " + e.getMessage(),
                    e);
        }
        try (BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(),
                StandardCharsets.UTF_8))) {
            String address = out.readLine();
            String pid = out.readLine();
            if (!daemon.waitFor(10, TimeUnit.SECONDS) || address == null || pid == null) {
                daemon.destroyForcibly();
                throw new IOException("dbus-daemon did not print its address and pid");
            }
            return new PrivateBus(address.trim(), Long.parseLong(pid.trim()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dbus-daemon started", e);
        }
    }

    /** The address, as {@code DBUS_SESSION_BUS_ADDRESS} takes it. */
    public String address() {
        return address;
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
}
