package dev.cellshell.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Framing shared by every protocol: {@code int length | byte version | byte tag | int sequence | payload}, where
 * length counts the bytes after itself and the sequence numbers a connection's frames 1, 2, 3… in each direction
 * (a gap or repeat means a confused peer). A frame longer than {@link #MAX_FRAME_BYTES}, shorter than its header,
 * or of another protocol version is refused before anything is allocated for it. Tag {@link #ERROR_TAG} is the
 * same in every protocol: a UTF-8 message saying why the sender is closing the connection.
 */
public final class Frames {

    public static final byte VERSION = 2;
    /** Bytes after the length prefix and before the payload: version, tag, sequence. */
    static final int HEADER = 1 + 1 + 4;
    /** The tag of an error frame, in every protocol. */
    public static final int ERROR_TAG = 0xFF;
    /** Big enough for a full-scene publish or a PNG screenshot of a 4K desktop. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private static final int INITIAL_READ_BYTES = 64 * 1024;

    private Frames() {
    }

    /** A frame whose length and version have been checked; {@link #payload} starts after the header. */
    public record Frame(int tag, int sequence, ByteBuffer payload) {
    }

    /** A whole frame with sequence 0; {@link Connection} stamps the real sequence number when sending. */
    static byte[] encode(int tag, byte[] payload) {
        if (payload.length + HEADER > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("message of " + payload.length + " bytes exceeds the frame limit");
        }
        ByteBuffer frame = ByteBuffer.allocate(4 + HEADER + payload.length);
        frame.putInt(HEADER + payload.length).put(VERSION).put((byte) tag).putInt(0).put(payload);
        return frame.array();
    }

    static void stamp(byte[] frame, int sequence) {
        ByteBuffer.wrap(frame).putInt(4 + 2, sequence);
    }

    /** An error frame carrying {@code message}. */
    static byte[] error(String message) {
        return encode(ERROR_TAG, new WireOut().str(message).toByteArray());
    }

    /** Decodes one complete frame held in {@code bytes} (length prefix included). */
    public static Frame decode(ByteBuffer bytes) throws ProtocolException {
        if (bytes.remaining() < 4) {
            throw new ProtocolException("frame truncated: " + bytes.remaining() + " bytes, no length prefix");
        }
        int length = checkedLength(bytes.getInt());
        if (bytes.remaining() < length) {
            throw new ProtocolException("frame truncated: length says " + length + " bytes, " + bytes.remaining()
                    + " present");
        }
        ByteBuffer body = bytes.slice(bytes.position(), length);
        bytes.position(bytes.position() + length);
        return checkedBody(body);
    }

    /**
     * Reads the next frame from {@code channel}, blocking.
     *
     * @return the frame, or {@code null} when the peer closed the connection cleanly between frames
     * @throws EOFException when the peer closed mid-frame
     */
    public static Frame read(ReadableByteChannel channel) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(4);
        if (!fill(channel, prefix, true)) {
            return null;
        }
        int length = checkedLength(prefix.flip().getInt());
        // Grow with what actually arrives: a peer announcing 64 MiB and sending nothing costs 64 KiB, not 64 MiB.
        ByteBuffer body = ByteBuffer.allocate(Math.min(length, INITIAL_READ_BYTES));
        while (true) {
            fill(channel, body, false);
            if (body.capacity() == length) {
                break;
            }
            ByteBuffer larger = ByteBuffer.allocate((int) Math.min(length, 2L * body.capacity()));
            larger.put(body.flip());
            body = larger;
        }
        return checkedBody(body.flip());
    }

    static void write(WritableByteChannel channel, byte[] frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static int checkedLength(int length) throws ProtocolException {
        if (length < HEADER) {
            throw new ProtocolException("frame length " + length + " is shorter than its header");
        }
        if (length > MAX_FRAME_BYTES) {
            throw new ProtocolException("frame length " + length + " exceeds the limit of " + MAX_FRAME_BYTES);
        }
        return length;
    }

    private static Frame checkedBody(ByteBuffer body) throws ProtocolException {
        byte version = body.get();
        if (version != VERSION) {
            throw new ProtocolException("the peer speaks protocol version " + version + "; this side speaks "
                    + VERSION + " (are both from the same CellShell build?)");
        }
        int tag = body.get() & 0xFF;
        int sequence = body.getInt();
        return new Frame(tag, sequence, body.slice());
    }

    private static boolean fill(ReadableByteChannel channel, ByteBuffer buffer, boolean eofAllowedAtStart)
            throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (eofAllowedAtStart && buffer.position() == 0) {
                    return false;
                }
                throw new EOFException("connection closed mid-frame after " + buffer.position() + " of "
                        + buffer.capacity() + " bytes");
            }
        }
        return true;
    }
}
