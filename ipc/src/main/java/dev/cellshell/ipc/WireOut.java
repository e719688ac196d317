package dev.cellshell.ipc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes message fields big-endian into a growing buffer. */
final class WireOut {

    private final ByteArrayOutputStream out;

    WireOut() {
        this(128);
    }

    /** Sized for what is to be written: a drawing of megabytes is then copied once, not doubled its way up. */
    WireOut(int expectedBytes) {
        out = new ByteArrayOutputStream(Math.max(128, expectedBytes));
    }

    WireOut u8(int value) {
        out.write(value);
        return this;
    }

    WireOut bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    WireOut i32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    WireOut i64(long value) {
        return i32((int) (value >>> 32)).i32((int) value);
    }

    WireOut f32(float value) {
        return i32(Float.floatToIntBits(value));
    }

    WireOut str(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    WireOut bytes(byte[] value) {
        i32(value.length);
        out.writeBytes(value);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
