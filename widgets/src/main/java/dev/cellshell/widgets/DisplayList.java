package dev.cellshell.widgets;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An immutable, byte-encoded recording of {@link Canvas} calls: what a cell drew in one render. The same bytes
 * travel to the compositor, are replayed onto the GPU, and are replayed onto the CPU reference painter in tests.
 *
 * <p>Encoding: one format byte ({@link #FORMAT}), then operations, each an opcode byte followed by big-endian
 * floats/ints; text is an int byte length and UTF-8 bytes. {@link #of(byte[])} validates the whole list, so a
 * list that exists can always be replayed.
 */
public final class DisplayList {

    public static final byte FORMAT = 1;
    /** Longest text run a display list accepts, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    /** Largest encoded picture a display list accepts. */
    public static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;

    private static final DisplayList EMPTY = new DisplayList(new byte[] {FORMAT});

    private final byte[] bytes;
    /** The hit regions, found on first use. */
    private volatile List<HitRegion> hitRegions;

    private DisplayList(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Where a cell takes pointer input, in its own coordinates (see {@link Canvas#hitRegion}). */
    public record HitRegion(float x, float y, float w, float h, float radius) {

        /** True when (px, py) is inside the rounded rectangle. */
        public boolean contains(float px, float py) {
            if (!(px >= x && py >= y && px < x + w && py < y + h)) {
                return false;
            }
            float r = Math.max(0, Math.min(radius, Math.min(w, h) / 2));
            float cx = Math.max(x + r, Math.min(px, x + w - r));
            float cy = Math.max(y + r, Math.min(py, y + h - r));
            float dx = px - cx;
            float dy = py - cy;
            return dx * dx + dy * dy <= r * r;
        }
    }

    /** The hit regions the cell declared; empty when it declared none (it then takes input in all its bounds). */
    public List<HitRegion> hitRegions() {
        List<HitRegion> regions = hitRegions;
        if (regions == null) {
            List<HitRegion> found = new ArrayList<>();
            replay(new Canvas() {
                @Override public void clear(int color) { }
                @Override public void fillRect(float x, float y, float w, float h, int color) { }
                @Override public void fillRoundRect(float x, float y, float w, float h, float r, int color) { }
                @Override public void strokeRoundRect(float x, float y, float w, float h, float r, float sw,
                        int color) { }
                @Override public void drawLine(float x0, float y0, float x1, float y1, float sw, int color) { }
                @Override public void fillCircle(float cx, float cy, float r, int color) { }
                @Override public void strokeCircle(float cx, float cy, float r, float sw, int color) { }
                @Override public void drawText(String text, float x, float y, float size, int color, Align align) {
                }
                @Override public void save() { }
                @Override public void restore() { }
                @Override public void translate(float dx, float dy) { }
                @Override public void rotate(float degrees) { }
                @Override public void clipRect(float x, float y, float w, float h) { }

                @Override
                public void hitRegion(float x, float y, float w, float h, float radius) {
                    found.add(new HitRegion(x, y, w, h, radius));
                }
            });
            regions = List.copyOf(found);
            hitRegions = regions;
        }
        return regions;
    }

    /** True when a pointer at cell-local (x, y) is for this cell: inside a declared hit region, or any region. */
    public boolean hits(float x, float y) {
        List<HitRegion> regions = hitRegions();
        if (regions.isEmpty()) {
            return true;
        }
        for (HitRegion region : regions) {
            if (region.contains(x, y)) {
                return true;
            }
        }
        return false;
    }

    public static DisplayList empty() {
        return EMPTY;
    }

    /** Records what {@code drawing} does to a canvas. */
    public static DisplayList record(Consumer<Canvas> drawing) {
        Recorder recorder = new Recorder();
        drawing.accept(recorder);
        return recorder.finish();
    }

    /**
     * Wraps encoded bytes after checking every operation decodes.
     *
     * @throws IllegalArgumentException saying what is wrong and at which offset
     */
    public static DisplayList of(byte[] encoded) {
        DisplayList list = new DisplayList(encoded.clone());
        list.replay(NO_OP);
        return list;
    }

    /** A copy of the encoded bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /**
     * Replays every operation onto {@code target}. Unbalanced {@code restore} calls are dropped and open
     * {@code save} calls are closed, so a cell cannot leave state behind on a shared canvas.
     */
    public void replay(Canvas target) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (!in.hasRemaining() || in.get() != FORMAT) {
            throw new IllegalArgumentException("display list: unknown format (expected " + FORMAT + ")");
        }
        int depth = 0;
        while (in.hasRemaining()) {
            int at = in.position();
            byte op = in.get();
            try {
                switch (op) {
                    case Op.CLEAR -> target.clear(in.getInt());
                    case Op.FILL_RECT -> target.fillRect(in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat(),
                            in.getInt());
                    case Op.FILL_ROUND_RECT -> target.fillRoundRect(in.getFloat(), in.getFloat(), in.getFloat(),
                            in.getFloat(), in.getFloat(), in.getInt());
                    case Op.STROKE_ROUND_RECT -> target.strokeRoundRect(in.getFloat(), in.getFloat(), in.getFloat(),
                            in.getFloat(), in.getFloat(), in.getFloat(), in.getInt());
                    case Op.LINE -> target.drawLine(in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat(),
                            in.getFloat(), in.getInt());
                    case Op.FILL_CIRCLE -> target.fillCircle(in.getFloat(), in.getFloat(), in.getFloat(), in.getInt());
                    case Op.STROKE_CIRCLE -> target.strokeCircle(in.getFloat(), in.getFloat(), in.getFloat(),
                            in.getFloat(), in.getInt());
                    case Op.TEXT -> {
                        String text = readText(in);
                        target.drawText(text, in.getFloat(), in.getFloat(), in.getFloat(), in.getInt(), readAlign(in));
                    }
                    case Op.SAVE -> {
                        depth++;
                        target.save();
                    }
                    case Op.RESTORE -> {
                        if (depth > 0) {
                            depth--;
                            target.restore();
                        }
                    }
                    case Op.TRANSLATE -> target.translate(in.getFloat(), in.getFloat());
                    case Op.ROTATE -> target.rotate(in.getFloat());
                    case Op.CLIP_RECT -> target.clipRect(in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat());
                    case Op.HIT_REGION -> target.hitRegion(in.getFloat(), in.getFloat(), in.getFloat(),
                            in.getFloat(), in.getFloat());
                    case Op.IMAGE -> {
                        int length = in.getInt();
                        if (length < 0 || length > MAX_IMAGE_BYTES || length > in.remaining()) {
                            throw new IllegalArgumentException("display list: picture of " + length
                                    + " bytes at offset " + at + " does not fit");
                        }
                        byte[] encoded = new byte[length];
                        in.get(encoded);
                        target.drawImage(encoded, in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat());
                    }
                    default -> throw new IllegalArgumentException(
                            String.format("display list: unknown operation 0x%02X at offset %d", op, at));
                }
            } catch (BufferUnderflowException e) {
                throw new IllegalArgumentException("display list: operation " + op + " at offset " + at
                        + " is truncated", e);
            }
        }
        for (; depth > 0; depth--) {
            target.restore();
        }
    }

    private static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > MAX_TEXT_BYTES || length > in.remaining()) {
            throw new IllegalArgumentException("display list: text of " + length + " bytes at offset "
                    + (in.position() - 4) + " does not fit");
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static Align readAlign(ByteBuffer in) {
        byte ordinal = in.get();
        Align[] values = Align.values();
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("display list: unknown text alignment " + ordinal);
        }
        return values[ordinal];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DisplayList d && Arrays.equals(d.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DisplayList[" + bytes.length + " bytes]";
    }

    private static final class Op {
        static final byte CLEAR = 1;
        static final byte FILL_RECT = 2;
        static final byte FILL_ROUND_RECT = 3;
        static final byte STROKE_ROUND_RECT = 4;
        static final byte LINE = 5;
        static final byte FILL_CIRCLE = 6;
        static final byte STROKE_CIRCLE = 7;
        static final byte TEXT = 8;
        static final byte SAVE = 9;
        static final byte RESTORE = 10;
        static final byte TRANSLATE = 11;
        static final byte ROTATE = 12;
        static final byte CLIP_RECT = 13;
        static final byte HIT_REGION = 14;
        static final byte IMAGE = 15;
    }

    private static final Canvas NO_OP = new Canvas() {
        @Override public void clear(int color) { }
        @Override public void fillRect(float x, float y, float w, float h, int color) { }
        @Override public void fillRoundRect(float x, float y, float w, float h, float r, int color) { }
        @Override public void strokeRoundRect(float x, float y, float w, float h, float r, float sw, int color) { }
        @Override public void drawLine(float x0, float y0, float x1, float y1, float sw, int color) { }
        @Override public void fillCircle(float cx, float cy, float r, int color) { }
        @Override public void strokeCircle(float cx, float cy, float r, float sw, int color) { }
        @Override public void drawText(String text, float x, float y, float size, int color, Align align) { }
        @Override public void save() { }
        @Override public void restore() { }
        @Override public void translate(float dx, float dy) { }
        @Override public void rotate(float degrees) { }
        @Override public void clipRect(float x, float y, float w, float h) { }
    };

    /** A {@link Canvas} that records into a new display list. Single use: {@link #finish()} ends it. */
    public static final class Recorder implements Canvas {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        private final DataOutputStream out = new DataOutputStream(buffer);
        private boolean finished;

        public Recorder() {
            buffer.write(FORMAT);
        }

        public DisplayList finish() {
            ensureOpen();
            finished = true;
            return new DisplayList(buffer.toByteArray());
        }

        @Override
        public void clear(int color) {
            op(Op.CLEAR);
            writeInt(color);
        }

        @Override
        public void fillRect(float x, float y, float w, float h, int color) {
            op(Op.FILL_RECT);
            floats(x, y, w, h);
            writeInt(color);
        }

        @Override
        public void fillRoundRect(float x, float y, float w, float h, float radius, int color) {
            op(Op.FILL_ROUND_RECT);
            floats(x, y, w, h, radius);
            writeInt(color);
        }

        @Override
        public void strokeRoundRect(float x, float y, float w, float h, float radius, float strokeWidth, int color) {
            op(Op.STROKE_ROUND_RECT);
            floats(x, y, w, h, radius, strokeWidth);
            writeInt(color);
        }

        @Override
        public void drawLine(float x0, float y0, float x1, float y1, float strokeWidth, int color) {
            op(Op.LINE);
            floats(x0, y0, x1, y1, strokeWidth);
            writeInt(color);
        }

        @Override
        public void fillCircle(float cx, float cy, float radius, int color) {
            op(Op.FILL_CIRCLE);
            floats(cx, cy, radius);
            writeInt(color);
        }

        @Override
        public void strokeCircle(float cx, float cy, float radius, float strokeWidth, int color) {
            op(Op.STROKE_CIRCLE);
            floats(cx, cy, radius, strokeWidth);
            writeInt(color);
        }

        @Override
        public void drawText(String text, float x, float y, float size, int color, Align align) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException("text run of " + utf8.length + " bytes is longer than "
                        + MAX_TEXT_BYTES);
            }
            op(Op.TEXT);
            writeInt(utf8.length);
            buffer.writeBytes(utf8);
            floats(x, y, size);
            writeInt(color);
            buffer.write(align.ordinal());
        }

        @Override
        public void save() {
            op(Op.SAVE);
        }

        @Override
        public void restore() {
            op(Op.RESTORE);
        }

        @Override
        public void translate(float dx, float dy) {
            op(Op.TRANSLATE);
            floats(dx, dy);
        }

        @Override
        public void rotate(float degrees) {
            op(Op.ROTATE);
            floats(degrees);
        }

        @Override
        public void clipRect(float x, float y, float w, float h) {
            op(Op.CLIP_RECT);
            floats(x, y, w, h);
        }

        @Override
        public void hitRegion(float x, float y, float w, float h, float radius) {
            op(Op.HIT_REGION);
            floats(x, y, w, h, radius);
        }

        @Override
        public void drawImage(byte[] encoded, float x, float y, float w, float h) {
            if (encoded.length > MAX_IMAGE_BYTES) {
                throw new IllegalArgumentException("a picture of " + encoded.length + " bytes is larger than "
                        + MAX_IMAGE_BYTES);
            }
            op(Op.IMAGE);
            writeInt(encoded.length);
            buffer.writeBytes(encoded);
            floats(x, y, w, h);
        }

        private void op(byte code) {
            ensureOpen();
            buffer.write(code);
        }

        private void ensureOpen() {
            if (finished) {
                throw new IllegalStateException("recorder already finished");
            }
        }

        private void floats(float... values) {
            try {
                for (float v : values) {
                    out.writeFloat(v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeInt(int value) {
            try {
                out.writeInt(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
