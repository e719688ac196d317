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
    private int sent;
    private int received;

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
        write(codec.encode(message));
    }

    private void write(byte[] frame) throws IOException {
        synchronized (writeLock) {
            Frames.stamp(frame, ++sent);
            Frames.write(channel, frame);
        }
    }

    /**
     * Blocks for the next message.
     *
     * @return the message, or {@code null} when the peer closed the connection between messages
     * @throws ProtocolException when the peer sent something malformed or out of sequence
     * @throws PeerError when the peer sent an error frame (it is closing the connection)
     */
    public M receive() throws IOException {
        Frames.Frame frame = Frames.read(channel);
        if (frame == null) {
            return null;
        }
        if (frame.sequence() != received + 1) {
            throw new ProtocolException("frame out of sequence: expected " + (received + 1) + ", got "
                    + frame.sequence());
        }
        received++;
        if (frame.tag() == Frames.ERROR_TAG) {
            WireIn in = new WireIn(frame.payload());
            throw new PeerError(in.str());
        }
        return codec.decode(frame);
    }

    /** The peer said why it is closing the connection. */
    public static final class PeerError extends IOException {
        public PeerError(String message) {
            super(message);
        }
    }

    /** Tells the peer why, then closes: the answer to a malformed frame. Best effort; never throws. */
    public void refuse(String why) {
        try {
            write(Frames.error(why));
        } catch (IOException | RuntimeException ignored) {
            // The peer is gone or the channel broken: closing is all that is left.
        }
        close();
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
