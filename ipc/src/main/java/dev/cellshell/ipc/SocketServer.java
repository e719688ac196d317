package dev.cellshell.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A listening Unix-domain socket at a path. A stale socket file left by a dead process is replaced; a live one
 * (something answers on it) is refused, so two shells never share a workspace.
 */
public final class SocketServer implements AutoCloseable {

    private final Path path;
    private final ServerSocketChannel server;

    private SocketServer(Path path, ServerSocketChannel server) {
        this.path = path;
        this.server = server;
    }

    public static SocketServer bind(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (Files.exists(path)) {
            if (isAlive(path)) {
                throw new IOException("another process is already listening on " + path);
            }
            Files.delete(path);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return new SocketServer(path, server);
    }

    /** True when a process accepts connections on the socket file at {@code path}. */
    public static boolean isAlive(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Blocks for the next client. */
    public <M> Connection<M> accept(Codec<M> codec) throws IOException {
        return new Connection<>(server.accept(), codec);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The socket file lives in the workspace's run folder; a leftover is replaced on the next bind.
        }
    }
}
