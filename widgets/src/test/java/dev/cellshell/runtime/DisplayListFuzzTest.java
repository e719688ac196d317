package dev.cellshell.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Display lists arrive from cell hosts that run code a language model or a paste wrote, so the compositor must take any
 * bytes: random lists, then mutated (bytes flipped, cut, inserted, opcodes swapped). Every input either decodes — and
 * then replays, and records again to the same list — or is refused with an {@link IllegalArgumentException}; nothing
 * else may escape (no IndexOutOfBounds, NegativeArraySize, OutOfMemory). Seeded, so a failure names its seed.
 */
class DisplayListFuzzTest {

    static final int LISTS = 4_000;
    static final int MUTATIONS = 5;

    @Test
    void anyBytesDecodeOrAreRefusedWithTheReason() {
        int decoded = 0;
        int refused = 0;
        for (int seed = 0; seed < LISTS; seed++) {
            Random random = new Random(seed);
            byte[] valid = randomList(random).bytes();
            for (int m = 0; m <= MUTATIONS; m++) {
                byte[] input = m == 0 ? valid : mutate(valid, random);
                DisplayList list;
                try {
                    list = DisplayList.of(input);
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).as("seed %d mutation %d", seed, m).startsWith("display list:");
                    refused++;
                    continue;
                } catch (RuntimeException | Error e) {
                    fail("seed " + seed + " mutation " + m + " escaped as " + e, e);
                    return;
                }
                decoded++;
                DisplayList again = DisplayList.record(list::replay);
                assertThat(DisplayList.record(again::replay)).as("seed %d mutation %d", seed, m).isEqualTo(again);
                list.hitRegions();
                list.regionAt(random.nextFloat() * 100, random.nextFloat() * 100);
            }
        }
        assertThat(decoded).as("some inputs decode").isGreaterThan(LISTS);
        assertThat(refused).as("some inputs are refused").isGreaterThan(LISTS);
    }

    /** A list of random operations with random (valid) operands, some at the edges of their ranges. */
    static DisplayList randomList(Random random) {
        return DisplayList.record(c -> {
            int ops = 1 + random.nextInt(24);
            for (int i = 0; i < ops; i++) {
                oneOperation(c, random);
            }
        });
    }

    static void oneOperation(Canvas c, Random r) {
        switch (r.nextInt(23)) {
            case 0 -> c.clear(r.nextInt());
            case 1 -> c.fillRect(f(r), f(r), f(r), f(r), r.nextInt());
            case 2 -> c.strokeRoundRect(f(r), f(r), f(r), f(r), f(r), f(r), r.nextInt());
            case 3 -> c.drawText(text(r), f(r), f(r), 1 + r.nextInt(80), r.nextInt(), align(r));
            case 4 -> c.drawText(text(r), f(r), f(r), style(r), align(r));
            case 5 -> c.drawParagraph(new Paragraph(text(r), style(r), 1 + r.nextFloat() * 500, align(r),
                    r.nextInt(5), 0, 0, List.of(), false), f(r), f(r));
            case 6 -> c.fillRoundRect(rect(r), f(r), fill(r));
            case 7 -> c.strokeRoundRect(rect(r), f(r), stroke(r), r.nextInt());
            case 8 -> c.fillPath(path(r), fill(r));
            case 9 -> c.strokePath(path(r), stroke(r), r.nextInt());
            case 10 -> c.drawShadow(rect(r), f(r), new Shadow(f(r), f(r), r.nextFloat() * Shadow.MAX_BLUR,
                    r.nextInt()));
            case 11 -> c.blurBehind(rect(r), f(r), r.nextFloat() * Shadow.MAX_BLUR);
            case 12 -> c.saveLayer(r.nextFloat());
            case 13 -> c.save();
            case 14 -> c.restore();
            case 15 -> c.scale(f(r), f(r));
            case 16 -> c.rotate(f(r));
            case 17 -> c.clipRoundRect(rect(r), f(r));
            case 18 -> c.hitRegion("r" + r.nextInt(100), rect(r), f(r));
            case 19 -> c.hitRegion(f(r), f(r), f(r), f(r), f(r));
            case 20 -> c.translate(f(r), f(r));
            case 21 -> c.drawPicture(new dev.cellshell.widgets.Picture("", r.nextLong(), 1 + r.nextInt(4000),
                    1 + r.nextInt(4000)), rect(r), dev.cellshell.widgets.Fit.values()[r.nextInt(3)]);
            default -> c.drawImage(new byte[r.nextInt(16)], f(r), f(r), f(r), f(r));
        }
    }

    static float f(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> 0;
            case 1 -> -r.nextFloat() * 1000;
            case 2 -> r.nextFloat() * 100_000;
            default -> r.nextFloat() * 300;
        };
    }

    static Rect rect(Random r) {
        return Rect.of(f(r), f(r), f(r), f(r));
    }

    static Align align(Random r) {
        return Align.values()[r.nextInt(Align.values().length)];
    }

    static String text(Random r) {
        String[] pieces = {"", "a", "Hello, world", "漢字", "😀", "line\nbreak", "é", "\u0000", "\uD800"};
        return pieces[r.nextInt(pieces.length)] + (r.nextBoolean() ? " " + r.nextInt() : "");
    }

    static TextStyle style(Random r) {
        return new TextStyle(0.5f + r.nextFloat() * 200, 1 + r.nextInt(1000), r.nextBoolean(), r.nextBoolean(),
                r.nextFloat() * 10 - 5, r.nextInt());
    }

    static Fill fill(Random r) {
        int n = 2 + r.nextInt(Fill.MAX_COLORS - 1);
        int[] colors = new int[n];
        for (int i = 0; i < n; i++) {
            colors[i] = r.nextInt();
        }
        return switch (r.nextInt(3)) {
            case 0 -> Fill.solid(r.nextInt());
            case 1 -> Fill.linear(f(r), f(r), f(r), f(r), colors);
            default -> Fill.radial(f(r), f(r), 1 + r.nextFloat() * 300, colors);
        };
    }

    static Stroke stroke(Random r) {
        Stroke stroke = Stroke.of(r.nextFloat() * 40).withCap(Stroke.Cap.values()[r.nextInt(3)])
                .withJoin(Stroke.Join.values()[r.nextInt(3)]);
        return r.nextBoolean() ? stroke : stroke.withDash(1 + r.nextFloat() * 9, 1 + r.nextFloat() * 9);
    }

    static Path path(Random r) {
        Path path = new Path().moveTo(f(r), f(r));
        int verbs = r.nextInt(12);
        for (int i = 0; i < verbs; i++) {
            switch (r.nextInt(5)) {
                case 0 -> path.lineTo(f(r), f(r));
                case 1 -> path.quadTo(f(r), f(r), f(r), f(r));
                case 2 -> path.cubicTo(f(r), f(r), f(r), f(r), f(r), f(r));
                case 3 -> path.arc(f(r), f(r), f(r), f(r), f(r));
                default -> path.close();
            }
        }
        return r.nextBoolean() ? path.evenOdd() : path;
    }

    /** One random change: flip bytes, cut the end, insert bytes, or write a random opcode or length. */
    static byte[] mutate(byte[] bytes, Random r) {
        byte[] out = bytes.clone();
        switch (r.nextInt(5)) {
            case 0 -> {
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips && out.length > 1; i++) {
                    out[1 + r.nextInt(out.length - 1)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> out = java.util.Arrays.copyOf(out, 1 + r.nextInt(out.length));
            case 2 -> {
                int at = 1 + r.nextInt(out.length);
                byte[] extra = new byte[1 + r.nextInt(8)];
                r.nextBytes(extra);
                byte[] grown = new byte[out.length + extra.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(extra, 0, grown, at, extra.length);
                System.arraycopy(out, at, grown, at + extra.length, out.length - at);
                out = grown;
            }
            case 3 -> {
                if (out.length > 1) {
                    out[1 + r.nextInt(out.length - 1)] = (byte) r.nextInt(32);
                }
            }
            default -> {
                if (out.length > 5) {
                    int at = 1 + r.nextInt(out.length - 4);
                    int value = r.nextBoolean() ? Integer.MAX_VALUE : -r.nextInt(5);
                    out[at] = (byte) (value >>> 24);
                    out[at + 1] = (byte) (value >>> 16);
                    out[at + 2] = (byte) (value >>> 8);
                    out[at + 3] = (byte) value;
                }
            }
        }
        return out;
    }
}
