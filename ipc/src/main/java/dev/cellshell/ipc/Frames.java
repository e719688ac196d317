package dev.cellshell.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Framing shared by every protocol: {@code int length | byte version | byte tag | payload}, where length counts
 * the bytes after itself. A frame longer than {@link #MAX_FRAME_BYTES}, shorter than its header, or of another
 * protocol version is refused before anything is allocated for it.
 */
public final class Frames {

    public static final byte VERSION = 1;
    /** Big enough for a full-scene publish or a PNG screenshot of a 4K desktop. */
    public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private Frames() {
    }

    /** A frame whose payload has been checked for length and version; {@link #payload} starts after the tag. */
    public record Frame(int tag, ByteBuffer payload) {
    }

    static byte[] encode(int tag, byte[] payload) {
        if (payload.length + 2 > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("message of " + payload.length + " bytes exceeds the frame limit");
        }
        ByteBuffer frame = ByteBuffer.allocate(4 + 2 + payload.length);
        frame.putInt(2 + payload.length).put(VERSION).put((byte) tag).put(payload);
        return frame.array();
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
        ByteBuffer body = ByteBuffer.allocate(length);
        fill(channel, body, false);
        return checkedBody(body.flip());
    }

    static void write(WritableByteChannel channel, byte[] frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static int checkedLength(int length) throws ProtocolException {
        if (length < 2) {
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
            throw new ProtocolException("protocol version " + version + " is not " + VERSION);
        }
        int tag = body.get() & 0xFF;
        return new Frame(tag, body.slice());
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
