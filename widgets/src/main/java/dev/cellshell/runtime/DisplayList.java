package dev.cellshell.runtime;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An immutable, byte-encoded recording of {@link Canvas} calls: what a cell drew in one render. The same bytes
 * travel to the compositor and are replayed onto the GPU or Skia's CPU raster.
 *
 * <p>Encoding: one format byte ({@link #FORMAT}), then operations, each an opcode byte followed by big-endian
 * floats/ints (see {@link Recorder}). {@link #of(byte[])} validates the whole list — every operand is read and checked
 * as the Cell API's own types check it — so a list that exists can always be replayed; a list of another format is
 * refused with both format numbers.
 */
public final class DisplayList {

    /** The format this build writes and reads: 1 had the plain shapes and text, 2 adds styles, paths and layers. */
    public static final byte FORMAT = 2;
    /** Longest text run a display list accepts, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    /** Largest encoded picture a display list accepts. */
    public static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;
    /** Longest hit region name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 64;
    /** Widest paragraph a display list accepts. */
    public static final float MAX_PARAGRAPH_WIDTH = 100_000;

    private static final DisplayList EMPTY = new DisplayList(new byte[] {FORMAT});

    private final byte[] bytes;
    /** The hit regions, found on first use. */
    private volatile List<HitRegion> hitRegions;

    private DisplayList(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Bytes the {@link Recorder} wrote, valid by construction, with the hit regions it saw. */
    static DisplayList trusted(byte[] bytes, List<HitRegion> regions) {
        DisplayList list = new DisplayList(bytes);
        list.hitRegions = List.copyOf(regions);
        return list;
    }

    /**
     * Where a cell takes pointer input, in its own coordinates: {@code name} is empty for the unnamed regions of
     * {@link Canvas#hitRegion(float, float, float, float, float)}.
     */
    public record HitRegion(String name, float x, float y, float w, float h, float radius) {

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

    /** The hit regions the cell declared, in order; empty when it declared none (it takes input in all its bounds). */
    public List<HitRegion> hitRegions() {
        List<HitRegion> regions = hitRegions;
        if (regions == null) {
            List<HitRegion> found = new ArrayList<>();
            replay(new CanvasAdapter() {
                @Override
                public void hitRegion(float x, float y, float w, float h, float radius) {
                    found.add(new HitRegion("", x, y, w, h, radius));
                }

                @Override
                public void hitRegion(String name, Rect box, float radius) {
                    found.add(new HitRegion(name, box.x(), box.y(), box.w(), box.h(), radius));
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

    /** The name of the last-declared named region holding cell-local (x, y); {@code ""} when none does. */
    public String regionAt(float x, float y) {
        return regionAt(hitRegions(), x, y);
    }

    /** The name of the last of {@code regions} that is named and holds (x, y); {@code ""} when none does. */
    public static String regionAt(List<HitRegion> regions, float x, float y) {
        for (int i = regions.size() - 1; i >= 0; i--) {
            HitRegion region = regions.get(i);
            if (!region.name().isEmpty() && region.contains(x, y)) {
                return region.name();
            }
        }
        return "";
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
        list.replay(new CanvasAdapter());
        return list;
    }

    /** A copy of the encoded bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** How many operations the list holds (a statistic; replays it). */
    public int operationCount() {
        int[] count = {0};
        new Reader(bytes, new CanvasAdapter()).run(op -> count[0]++);
        return count[0];
    }

    /**
     * Where each operation starts in the encoded bytes, and (as the last entry) where the list ends: operation
     * {@code i} is bytes {@code [offsets[i], offsets[i + 1])}. Two lists whose operations have the same bytes draw the
     * same; what differs between two renders of a cell is what the compositor has to draw again.
     */
    public int[] operationOffsets() {
        int[][] offsets = {new int[16]};
        int[] count = {0};
        new Reader(bytes, new CanvasAdapter()).run(at -> {
            if (count[0] + 1 >= offsets[0].length) {
                offsets[0] = Arrays.copyOf(offsets[0], offsets[0].length * 2);
            }
            offsets[0][count[0]++] = at;
        });
        int[] result = Arrays.copyOf(offsets[0], count[0] + 1);
        result[count[0]] = bytes.length;
        return result;
    }

    /** True when operation {@code i} of this list (by {@link #operationOffsets}) has the same bytes as {@code j} of
     * {@code other}'s. */
    public boolean sameOperation(int[] offsets, int i, DisplayList other, int[] otherOffsets, int j) {
        return Arrays.equals(bytes, offsets[i], offsets[i + 1], other.bytes, otherOffsets[j], otherOffsets[j + 1]);
    }

    /** The name of operation {@code opcode}, as statistics show it. */
    public static String operationName(int opcode) {
        return Op.name(opcode);
    }

    /**
     * Replays every operation onto {@code target}. Unbalanced {@code restore} calls are dropped and open
     * {@code save}/{@code saveLayer} calls are closed, so a cell cannot leave state behind on a shared canvas.
     *
     * @throws IllegalArgumentException when the bytes do not decode (only for lists made with {@link #of} skipped)
     */
    public void replay(Canvas target) {
        new Reader(bytes, target).run(op -> { });
    }

    /**
     * Replays onto {@code target}, telling {@code beforeEach} the index of each operation before it reaches the
     * canvas (an unbalanced {@code restore} reaches it not at all, the closing of open saves after the last index).
     */
    public void replay(Canvas target, java.util.function.IntConsumer beforeEach) {
        int[] index = {0};
        new Reader(bytes, target).run(at -> beforeEach.accept(index[0]++));
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

    /** Decodes one list onto one canvas, checking as it goes. */
    private static final class Reader {
        private final ByteBuffer in;
        private final Canvas target;
        private int at;

        Reader(byte[] bytes, Canvas target) {
            this.in = ByteBuffer.wrap(bytes);
            this.target = target;
        }

        /** Replays every operation; {@code eachOp} hears the offset of each before it is decoded. */
        void run(java.util.function.IntConsumer eachOp) {
            if (!in.hasRemaining()) {
                throw new IllegalArgumentException("display list: empty (no format byte)");
            }
            byte format = in.get();
            if (format != FORMAT) {
                throw new IllegalArgumentException("display list: format " + format + ", but this build reads format "
                        + FORMAT + " (the cell host and the compositor come from different builds?)");
            }
            int depth = 0;
            while (in.hasRemaining()) {
                at = in.position();
                byte op = in.get();
                eachOp.accept(at);
                try {
                    depth = one(op, depth);
                } catch (BufferUnderflowException e) {
                    throw new IllegalArgumentException("display list: " + Op.name(op) + " at offset " + at
                            + " is truncated", e);
                } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith("display list:")) {
                        throw e;
                    }
                    throw new IllegalArgumentException("display list: " + Op.name(op) + " at offset " + at + ": "
                            + e.getMessage(), e);
                }
            }
            for (; depth > 0; depth--) {
                target.restore();
            }
        }

        private int one(byte op, int depth) {
            switch (op) {
                case Op.CLEAR -> target.clear(in.getInt());
                case Op.FILL_RECT -> target.fillRect(f(), f(), f(), f(), in.getInt());
                case Op.FILL_ROUND_RECT -> target.fillRoundRect(f(), f(), f(), f(), f(), in.getInt());
                case Op.STROKE_ROUND_RECT -> target.strokeRoundRect(f(), f(), f(), f(), f(), f(), in.getInt());
                case Op.LINE -> target.drawLine(f(), f(), f(), f(), f(), in.getInt());
                case Op.FILL_CIRCLE -> target.fillCircle(f(), f(), f(), in.getInt());
                case Op.STROKE_CIRCLE -> target.strokeCircle(f(), f(), f(), f(), in.getInt());
                case Op.TEXT -> {
                    String text = text(MAX_TEXT_BYTES);
                    target.drawText(text, f(), f(), f(), in.getInt(), align());
                }
                case Op.STYLED_TEXT -> {
                    String text = text(MAX_TEXT_BYTES);
                    float x = f();
                    float baseline = f();
                    TextStyle style = style();
                    target.drawText(text, x, baseline, style, align());
                }
                case Op.PARAGRAPH -> {
                    String text = text(MAX_TEXT_BYTES);
                    TextStyle style = style();
                    float maxWidth = f();
                    if (!(maxWidth > 0 && maxWidth <= MAX_PARAGRAPH_WIDTH)) {
                        throw new IllegalArgumentException("display list: paragraph width " + maxWidth
                                + " at offset " + at + " is not in (0, " + MAX_PARAGRAPH_WIDTH + "]");
                    }
                    Align align = align();
                    int maxLines = in.getInt();
                    if (maxLines < 0 || maxLines > Paragraph.MAX_LINES) {
                        throw new IllegalArgumentException("display list: paragraph of " + maxLines
                                + " lines at offset " + at);
                    }
                    target.drawParagraph(new Paragraph(text, style, maxWidth, align, maxLines, 0, 0, List.of(),
                            false), f(), f());
                }
                case Op.FILL_BOX -> {
                    Rect box = rect();
                    float radius = f();
                    target.fillRoundRect(box, radius, fill());
                }
                case Op.STROKE_BOX -> {
                    Rect box = rect();
                    float radius = f();
                    Stroke stroke = stroke();
                    target.strokeRoundRect(box, radius, stroke, in.getInt());
                }
                case Op.FILL_PATH -> {
                    Path path = path();
                    target.fillPath(path, fill());
                }
                case Op.STROKE_PATH -> {
                    Path path = path();
                    Stroke stroke = stroke();
                    target.strokePath(path, stroke, in.getInt());
                }
                case Op.SHADOW -> {
                    Rect box = rect();
                    float radius = f();
                    target.drawShadow(box, radius, new Shadow(f(), f(), f(), in.getInt()));
                }
                case Op.BLUR_BEHIND -> {
                    Rect box = rect();
                    float radius = f();
                    float sigma = f();
                    if (!(sigma >= 0 && sigma <= Shadow.MAX_BLUR)) {
                        throw new IllegalArgumentException("blur " + sigma + " is not 0-" + Shadow.MAX_BLUR);
                    }
                    target.blurBehind(box, radius, sigma);
                }
                case Op.SAVE_LAYER -> {
                    float opacity = f();
                    if (!(opacity >= 0 && opacity <= 1)) {
                        throw new IllegalArgumentException("opacity " + opacity + " is not 0-1");
                    }
                    depth++;
                    target.saveLayer(opacity);
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
                case Op.TRANSLATE -> target.translate(f(), f());
                case Op.ROTATE -> target.rotate(f());
                case Op.SCALE -> target.scale(f(), f());
                case Op.CLIP_RECT -> target.clipRect(f(), f(), f(), f());
                case Op.CLIP_BOX -> {
                    Rect box = rect();
                    target.clipRoundRect(box, f());
                }
                case Op.HIT_REGION -> target.hitRegion(f(), f(), f(), f(), f());
                case Op.NAMED_HIT_REGION -> {
                    String name = text(MAX_NAME_BYTES);
                    if (name.isEmpty()) {
                        throw new IllegalArgumentException("a hit region's name is empty");
                    }
                    Rect box = rect();
                    target.hitRegion(name, box, f());
                }
                case Op.PICTURE -> {
                    long key = in.getLong();
                    int w = in.getInt();
                    int h = in.getInt();
                    Rect box = rect();
                    target.drawPicture(new dev.cellshell.widgets.Picture("", key, w, h), box,
                            choice(dev.cellshell.widgets.Fit.values(), "picture fit"));
                }
                case Op.IMAGE -> {
                    int length = in.getInt();
                    if (length < 0 || length > MAX_IMAGE_BYTES || length > in.remaining()) {
                        throw new IllegalArgumentException("display list: picture of " + length
                                + " bytes at offset " + at + " does not fit");
                    }
                    byte[] encoded = new byte[length];
                    in.get(encoded);
                    target.drawImage(encoded, f(), f(), f(), f());
                }
                default -> throw new IllegalArgumentException(
                        String.format("display list: unknown operation 0x%02X at offset %d", op, at));
            }
            return depth;
        }

        private float f() {
            return in.getFloat();
        }

        private Rect rect() {
            return new Rect(f(), f(), f(), f());
        }

        private String text(int max) {
            int length = in.getInt();
            if (length < 0 || length > max || length > in.remaining()) {
                throw new IllegalArgumentException("display list: text of " + length + " bytes at offset "
                        + (in.position() - 4) + " does not fit");
            }
            byte[] utf8 = new byte[length];
            in.get(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        private Align align() {
            byte ordinal = in.get();
            Align[] values = Align.values();
            if (ordinal < 0 || ordinal >= values.length) {
                throw new IllegalArgumentException("display list: unknown text alignment " + ordinal + " at offset "
                        + at);
            }
            return values[ordinal];
        }

        private <E extends Enum<E>> E choice(E[] values, String what) {
            byte ordinal = in.get();
            if (ordinal < 0 || ordinal >= values.length) {
                throw new IllegalArgumentException("unknown " + what + " " + ordinal);
            }
            return values[ordinal];
        }

        private TextStyle style() {
            float size = f();
            int weight = in.getInt();
            byte flags = in.get();
            if ((flags & ~3) != 0) {
                throw new IllegalArgumentException("unknown text style flags " + flags);
            }
            float spacing = f();
            return new TextStyle(size, weight, (flags & 1) != 0, (flags & 2) != 0, spacing, in.getInt());
        }

        private Fill fill() {
            byte kind = in.get();
            return switch (kind) {
                case 0 -> Fill.solid(in.getInt());
                case 1 -> {
                    float x0 = f();
                    float y0 = f();
                    float x1 = f();
                    float y1 = f();
                    int count = count(Fill.MAX_COLORS, "gradient colours");
                    yield new Fill.Linear(x0, y0, x1, y1, ints(count), floats(count));
                }
                case 2 -> {
                    float cx = f();
                    float cy = f();
                    float r = f();
                    int count = count(Fill.MAX_COLORS, "gradient colours");
                    yield new Fill.Radial(cx, cy, r, ints(count), floats(count));
                }
                default -> throw new IllegalArgumentException("unknown fill kind " + kind);
            };
        }

        private Stroke stroke() {
            float width = f();
            Stroke.Cap cap = choice(Stroke.Cap.values(), "stroke cap");
            Stroke.Join join = choice(Stroke.Join.values(), "stroke join");
            int dashes = count(Stroke.MAX_DASH, "dash lengths");
            return new Stroke(width, cap, join, floats(dashes));
        }

        private Path path() {
            byte flags = in.get();
            if ((flags & ~1) != 0) {
                throw new IllegalArgumentException("unknown path flags " + flags);
            }
            int verbs = in.getInt();
            if (verbs < 0 || verbs > Path.MAX_VERBS || verbs > in.remaining()) {
                throw new IllegalArgumentException("a path of " + verbs + " verbs does not fit");
            }
            Path.Verb[] all = Path.Verb.values();
            Path.Verb[] read = new Path.Verb[verbs];
            for (int i = 0; i < verbs; i++) {
                read[i] = choice(all, "path verb");
            }
            Path path = new Path();
            if (flags == 1) {
                path.evenOdd();
            }
            for (Path.Verb verb : read) {
                switch (verb) {
                    case MOVE -> path.moveTo(f(), f());
                    case LINE -> path.lineTo(f(), f());
                    case QUAD -> path.quadTo(f(), f(), f(), f());
                    case CUBIC -> path.cubicTo(f(), f(), f(), f(), f(), f());
                    case ARC -> path.arc(f(), f(), f(), f(), f());
                    case CLOSE -> path.close();
                }
            }
            return path;
        }

        private int count(int max, String what) {
            int count = in.get() & 0xFF;
            if (count > max) {
                throw new IllegalArgumentException(count + " " + what + " (at most " + max + ")");
            }
            return count;
        }

        private int[] ints(int count) {
            int[] values = new int[count];
            for (int i = 0; i < count; i++) {
                values[i] = in.getInt();
            }
            return values;
        }

        private float[] floats(int count) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = f();
            }
            return values;
        }
    }
}
