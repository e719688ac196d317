package dev.cellshell.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * One end of a Unix-domain socket speaking protocol {@code M}. Sending is thread-safe; receive from one thread.
 */
public final class Connection<M> implements AutoCloseable {

    private final SocketChannel channel;
    private final Codec<M> codec;
    private final Object writeLock = new Object();

    public Connection(SocketChannel channel, Codec<M> codec) {
        this.channel = channel;
        this.codec = codec;
    }

    /** Connects to the socket file at {@code path}. */
    public static <M> Connection<M> open(Path path, Codec<M> codec) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new Connection<>(channel, codec);
    }

    public void send(M message) throws IOException {
        byte[] frame = codec.encode(message);
        synchronized (writeLock) {
            Frames.write(channel, frame);
        }
    }

    /**
     * Blocks for the next message.
     *
     * @return the message, or {@code null} when the peer closed the connection between messages
     * @throws ProtocolException when the peer sent something malformed
     */
    public M receive() throws IOException {
        Frames.Frame frame = Frames.read(channel);
        return frame == null ? null : codec.decode(frame);
    }

    /** Sends {@code request} and waits for one reply. */
    public M call(M request) throws IOException {
        send(request);
        M reply = receive();
        if (reply == null) {
            throw new IOException("the peer closed the connection without replying");
        }
        return reply;
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket that is already broken has nothing left to report.
        }
    }
}
