package dev.cellshell.shell.host;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.HostCodec;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Answer;
import dev.cellshell.ipc.HostMessage.Hello;
import dev.cellshell.ipc.HostMessage.ServiceCall;
import dev.cellshell.ipc.HostMessage.ServiceReply;
import dev.cellshell.ipc.HostValues;
import dev.cellshell.ipc.SocketServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cell host as a child process. Every call has a hard deadline: a host that does not answer in time is killed
 * (with everything it started), whatever its cell code is doing — a blocking JDK call, a loop that swallows the
 * budget's timeout, a stream that never ends. Its messages are read on a thread of their own, so the caller waits
 * on a queue with a timeout and never on the socket.
 */
public final class HostProcess implements CellHost {

    private static final Logger LOG = LoggerFactory.getLogger(HostProcess.class);
    /** How long one call may take before the host is killed; the cooperative budget inside is 200 ms. */
    public static final long DEADLINE_MILLIS = Long.getLong("cellshell.host.deadlineMillis", 1_000);
    private static final long START_MILLIS = 30_000;

    private final String name;
    private final Process process;
    private final Connection<HostMessage> connection;
    private final ServiceDesk desk;
    private final java.util.function.BiConsumer<CellHost, String> deaths;
    private final List<String> walls;
    private final long hostPid;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private volatile boolean dead;
    /** A call is waiting for an answer: a death seen now is that call's to report (and maybe its cell's fault). */
    private volatile boolean calling;

    private record Gone(String why) {
    }

    private HostProcess(String name, Process process, Connection<HostMessage> connection, ServiceDesk desk,
            java.util.function.BiConsumer<CellHost, String> deaths, Hello hello) {
        this.name = name;
        this.deaths = deaths;
        this.process = process;
        this.connection = connection;
        this.desk = desk;
        this.walls = List.copyOf(hello.walls());
        this.hostPid = process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .map(ProcessHandle::pid).findFirst().orElse(process.pid());
        Thread reader = new Thread(this::read, "host-reader-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a host and waits for its hello.
     *
     * @param deaths told (on the host's reader thread) when the host dies between calls, e.g. killed from outside
     */
    public static HostProcess start(String name, HostLaunch launch, ServiceDesk desk,
            java.util.function.BiConsumer<CellHost, String> deaths) throws IOException {
        Path socket = launch.runDirectory().resolve("host-" + name + ".sock");
        Files.createDirectories(launch.logDirectory());
        Path log = launch.logDirectory().resolve("host-" + name + ".log");
        try (SocketServer server = SocketServer.bind(socket)) {
            ProcessBuilder builder = new ProcessBuilder(launch.command(name, socket));
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process process = builder.start();
            CompletableFuture<Connection<HostMessage>> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept(new HostCodec());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try {
                Connection<HostMessage> connection = accepted.get(START_MILLIS, TimeUnit.MILLISECONDS);
                HostMessage first = CompletableFuture.supplyAsync(() -> {
                    try {
                        return connection.receive();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).get(START_MILLIS, TimeUnit.MILLISECONDS);
                if (!(first instanceof Hello hello)) {
                    throw new IOException("cell host " + name + " began with " + first + " instead of hello");
                }
                return new HostProcess(name, process, connection, desk, deaths, hello);
            } catch (Exception e) {
                kill(process);
                String why = e instanceof java.util.concurrent.ExecutionException ? e.getCause().toString()
                        : e.toString();
                throw new IOException("cell host " + name + " did not start (" + why + "); see " + log, e);
            }
        }
    }

    private void read() {
        Gone gone;
        try {
            while (true) {
                HostMessage message = connection.receive();
                if (message == null) {
                    gone = new Gone("closed its connection");
                    break;
                }
                inbox.add(message);
            }
        } catch (IOException | RuntimeException e) {
            gone = new Gone("broke the protocol or its connection: " + e.getMessage());
        }
        inbox.add(gone);
        if (!dead && !calling) {
            deaths.accept(this, "cell host " + name + " " + gone.why());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer call(String cellId, HostMessage request) throws HostDied {
        if (dead) {
            throw new HostDied("cell host " + name + " is gone", false);
        }
        calling = true;
        try {
            return await(cellId, request);
        } finally {
            calling = false;
        }
    }

    private Answer await(String cellId, HostMessage request) throws HostDied {
        try {
            connection.send(request);
        } catch (IOException e) {
            throw died("was gone before " + what(request) + " (" + e.getMessage() + ")", false);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
        while (true) {
            Object next;
            try {
                next = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw died("was interrupted waiting for " + what(request), false);
            }
            if (next == null) {
                throw died("did not answer " + what(request) + " within " + DEADLINE_MILLIS + " ms: killed", true);
            }
            if (next instanceof Answer answer) {
                return answer;
            }
            if (next instanceof ServiceCall service) {
                serve(cellId, service);
            } else if (next instanceof Gone gone) {
                int code = exitCode();
                // 137 is SIGKILL: from outside (a cell cannot send signals), so not the running cell's fault.
                throw died(gone.why() + " during " + what(request) + (code < 0 ? "" : " (exit code " + code + ")"),
                        code != 137);
            } else {
                throw died("sent " + next.getClass().getSimpleName() + " in the middle of " + what(request), true);
            }
        }
    }

    private void serve(String cellId, ServiceCall call) throws HostDied {
        Object value = null;
        String error = "";
        if (cellId.isEmpty()) {
            error = "no cell is running: service calls are refused";
        } else {
            try {
                value = desk.answer(cellId, call);
                if (!HostValues.isValue(value)) {
                    error = call.service() + "." + call.method() + " answered a value that cannot cross";
                    value = null;
                }
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        }
        try {
            connection.send(new ServiceReply(value, error));
        } catch (IOException e) {
            throw died("could not be answered a service call: " + e.getMessage(), false);
        }
    }

    private int exitCode() {
        try {
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    private static String what(HostMessage request) {
        return request.getClass().getSimpleName();
    }

    private HostDied died(String why, boolean cellsFault) {
        dead = true;
        String message = "cell host " + name + " " + why;
        LOG.error("{}", message);
        close();
        return new HostDied(message, cellsFault);
    }

    @Override
    public List<String> walls() {
        return walls;
    }

    @Override
    public long pid() {
        return hostPid;
    }

    @Override
    public boolean alive() {
        return !dead && process.isAlive();
    }

    @Override
    public void close() {
        dead = true;
        connection.close();
        kill(process);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
