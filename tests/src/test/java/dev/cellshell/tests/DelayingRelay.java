package dev.cellshell.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay that delays every byte by a fixed time each way, in order: what this kernel's missing {@code netem}
 * would do for latency. Each accepted connection opens one to the target; a reader and a writer per direction, the
 * writer sending each chunk when it is due. Closing one side closes the other.
 */
public final class DelayingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private volatile long delayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private DelayingRelay(ServerSocket server, InetSocketAddress target, long delayMillis) {
        this.server = server;
        this.target = target;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        this.acceptor = new Thread(this::acceptAll, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code listen} and relays to {@code target}, each direction delayed by {@code oneWayMillis}. */
    public static DelayingRelay start(InetSocketAddress listen, InetSocketAddress target, long oneWayMillis)
            throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen);
        return new DelayingRelay(server, target, oneWayMillis);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The one-way delay from now on (connections open now too). */
    public void delay(long oneWayMillis) {
        delayNanos = TimeUnit.MILLISECONDS.toNanos(oneWayMillis);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket();
                out.connect(target, 5_000);
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
                sockets.add(in);
                sockets.add(out);
                pipe(in, out, "up");
                pipe(out, in, "down");
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection close
            }
        }
    }

    private record Chunk(byte[] bytes, long due) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Chunk) other).due);
        }
    }

    private void pipe(Socket from, Socket to, String name) {
        BlockingQueue<Chunk> queue = new DelayQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    // due times never go backwards, so chunks leave in the order they came (DelayQueue sorts by due)
                    queue.add(new Chunk(java.util.Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
                }
            } catch (IOException e) {
                // the socket closed
            }
            queue.add(new Chunk(new byte[0], System.nanoTime() + delayNanos));
        }, "relay-" + name + "-read");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk.bytes().length == 0) {
                        break;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // closed
            } finally {
                close(from);
                close(to);
            }
        }, "relay-" + name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(DelayingRelay::close);
    }
}
