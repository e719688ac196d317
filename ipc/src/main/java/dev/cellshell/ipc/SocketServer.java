package dev.cellshell.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Predicate;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening Unix-domain socket at a path, mode 0600. A stale socket file left by a dead process is replaced; a
 * live one (something answers on it) is refused, so two shells never share a workspace. Every accepted peer's
 * credentials are read ({@code SO_PEERCRED}); a peer running as another user is closed without a word.
 */
public final class SocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final Predicate<UnixDomainPrincipal> admit;

    private SocketServer(Path path, ServerSocketChannel server, Predicate<UnixDomainPrincipal> admit) {
        this.path = path;
        this.server = server;
        this.admit = admit;
    }

    /** Peers running as the same user as this process. */
    public static Predicate<UnixDomainPrincipal> sameUser() {
        String me = System.getProperty("user.name");
        return peer -> peer.user().getName().equals(me);
    }

    public static SocketServer bind(Path path) throws IOException {
        return bind(path, sameUser());
    }

    /** Binds at {@code path}, admitting only peers {@code admit} accepts. */
    public static SocketServer bind(Path path, Predicate<UnixDomainPrincipal> admit) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (Files.exists(path)) {
            if (isAlive(path)) {
                throw new IOException("another process is already listening on " + path);
            }
            Files.delete(path);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        return new SocketServer(path, server, admit);
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

    /** Blocks for the next client the credentials check admits. */
    public <M> Connection<M> accept(Codec<M> codec) throws IOException {
        while (true) {
            SocketChannel channel = server.accept();
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (admit.test(peer)) {
                return new Connection<>(channel, codec);
            }
            LOG.warn("refused a connection on {} from user {}", path, peer.user().getName());
            channel.close();
        }
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
