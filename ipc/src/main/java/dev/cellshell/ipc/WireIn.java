package dev.cellshell.ipc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads message fields, turning every overrun or impossible length into a {@link ProtocolException}. */
final class WireIn {

    private final ByteBuffer in;

    WireIn(ByteBuffer in) {
        this.in = in;
    }

    private void need(int bytes, String what) throws ProtocolException {
        if (in.remaining() < bytes) {
            throw new ProtocolException("message truncated: " + what + " needs " + bytes + " bytes, "
                    + in.remaining() + " left");
        }
    }

    int u8() throws ProtocolException {
        need(1, "byte");
        return in.get() & 0xFF;
    }

    boolean bool() throws ProtocolException {
        return u8() != 0;
    }

    int i32() throws ProtocolException {
        need(4, "int");
        return in.getInt();
    }

    long i64() throws ProtocolException {
        need(8, "long");
        return in.getLong();
    }

    float f32() throws ProtocolException {
        need(4, "float");
        return in.getFloat();
    }

    /** A UTF-8 string; malformed UTF-8 is refused, never replaced. */
    String str() throws ProtocolException {
        byte[] utf8 = bytes();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("a string field is not valid UTF-8");
        }
    }

    byte[] bytes() throws ProtocolException {
        int length = i32();
        if (length < 0 || length > in.remaining()) {
            throw new ProtocolException("message truncated: field of " + length + " bytes, " + in.remaining()
                    + " left");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    /** A count of following items, each at least {@code minItemBytes} long: bounded by what is left. */
    int count(int minItemBytes) throws ProtocolException {
        int count = i32();
        if (count < 0 || (long) count * minItemBytes > in.remaining()) {
            throw new ProtocolException("message truncated: " + count + " items cannot fit in " + in.remaining()
                    + " bytes");
        }
        return count;
    }

    void end() throws ProtocolException {
        if (in.hasRemaining()) {
            throw new ProtocolException("message has " + in.remaining() + " unexpected trailing bytes");
        }
    }
}
