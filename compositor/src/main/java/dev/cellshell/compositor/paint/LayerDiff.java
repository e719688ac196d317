package dev.cellshell.compositor.paint;

import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * What changed between two renders of one cell, so its layer is drawn again only there: a terminal whose one row
 * changed, a clock whose seconds ticked. The two lists are compared operation by operation (by their bytes); where
 * both have the same operations but for some drawing ones, the changed part is the union of those operations' bounds
 * (in the old list and the new), found by replaying both through a canvas that only measures. Conservative: text is
 * taken as wide as the cell, a paragraph as reaching the bottom, a stroke as wider than it is. Anything it cannot
 * bound — a different number or order of operations, a changed save, clip or transform, a rotation, a clear — means
 * the whole cell.
 */
final class LayerDiff {

    /** Marks an operation that changes no pixels by itself (save, clip, transform …) — must match to diff. */
    private static final float[] STATE = new float[0];
    /** Marks an operation whose pixels cannot be bounded: a change there redraws the whole cell. */
    private static final float[] UNBOUNDED = new float[0];
    /** Marks an operation that draws nothing (a hit region). */
    private static final float[] NOTHING = new float[0];
    private static final float FAR = 1e9f;

    private LayerDiff() {
    }

    /**
     * The part of the cell that differs, {x, y, w, h} in its own coordinates clipped to its size ({0,0,0,0} when
     * nothing visible differs), or {@code null} when all of it may.
     */
    static float[] changed(DisplayList before, DisplayList after, float width, float height) {
        int[] a = before.operationOffsets();
        int[] b = after.operationOffsets();
        if (a.length != b.length) {
            return null;
        }
        float[][] boundsBefore = null;
        float[][] boundsAfter = null;
        float x0 = Float.MAX_VALUE;
        float y0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float y1 = -Float.MAX_VALUE;
        for (int i = 0; i + 1 < a.length; i++) {
            if (before.sameOperation(a, i, after, b, i)) {
                continue;
            }
            if (boundsBefore == null) {
                boundsBefore = Bounds.of(before, a.length - 1);
                boundsAfter = Bounds.of(after, b.length - 1);
                if (boundsBefore == null || boundsAfter == null) {
                    return null;
                }
            }
            for (float[] r : new float[][] {boundsBefore[i], boundsAfter[i]}) {
                if (r == STATE || r == UNBOUNDED || r == null) {
                    return null;
                }
                if (r == NOTHING) {
                    continue;
                }
                x0 = Math.min(x0, r[0]);
                y0 = Math.min(y0, r[1]);
                x1 = Math.max(x1, r[2]);
                y1 = Math.max(y1, r[3]);
            }
        }
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(width, x1);
        y1 = Math.min(height, y1);
        return x1 <= x0 || y1 <= y0 ? new float[] {0, 0, 0, 0} : new float[] {x0, y0, x1 - x0, y1 - y0};
    }

    /** A canvas that notes, per operation, the cell-space rectangle it may touch. */
    private static final class Bounds implements Canvas {
        private final float[][] ops;
        private int index = -1;
        /** sx, sy, tx, ty, rotated (0/1). */
        private float[] matrix = {1, 1, 0, 0, 0};
        private final Deque<float[]> saved = new ArrayDeque<>();
        /** A blur behind reads what is around a change too: such lists are drawn whole. */
        private boolean blurs;

        private Bounds(int count) {
            ops = new float[count][];
        }

        /** Per operation its bounds; {@code null} when the list blurs what is behind (a change reaches further). */
        static float[][] of(DisplayList list, int count) {
            Bounds bounds = new Bounds(count);
            list.replay(bounds, i -> {
                bounds.index = i;
                bounds.ops[i] = STATE;
            });
            return bounds.blurs ? null : bounds.ops;
        }

        private void box(float x0, float y0, float x1, float y1, float grow) {
            if (index < 0 || index >= ops.length) {
                return;
            }
            if (matrix[4] != 0 || !Float.isFinite(x0 + y0 + x1 + y1 + grow)) {
                ops[index] = UNBOUNDED;
                return;
            }
            float g = grow + 1;
            float ax = (Math.min(x0, x1) - g) * matrix[0] + matrix[2];
            float bx = (Math.max(x0, x1) + g) * matrix[0] + matrix[2];
            float ay = (Math.min(y0, y1) - g) * matrix[1] + matrix[3];
            float by = (Math.max(y0, y1) + g) * matrix[1] + matrix[3];
            ops[index] = new float[] {Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)};
        }

        private void unbounded() {
            if (index >= 0 && index < ops.length) {
                ops[index] = UNBOUNDED;
            }
        }

        private void text(float baseline, float size) {
            box(-FAR, baseline - size * 1.6f, FAR, baseline + size * 0.7f, 0);
        }

        @Override public void clear(int color) { unbounded(); }
        @Override public void fillRect(float x, float y, float w, float h, int c) { box(x, y, x + w, y + h, 0); }
        @Override public void fillRoundRect(float x, float y, float w, float h, float r, int c) {
            box(x, y, x + w, y + h, 0);
        }
        @Override public void strokeRoundRect(float x, float y, float w, float h, float r, float sw, int c) {
            box(x, y, x + w, y + h, Math.abs(sw));
        }
        @Override public void drawLine(float x0, float y0, float x1, float y1, float sw, int c) {
            box(x0, y0, x1, y1, Math.abs(sw));
        }
        @Override public void fillCircle(float cx, float cy, float r, int c) { box(cx - r, cy - r, cx + r, cy + r, 0); }
        @Override public void strokeCircle(float cx, float cy, float r, float sw, int c) {
            box(cx - r, cy - r, cx + r, cy + r, Math.abs(sw));
        }
        @Override public void drawText(String t, float x, float y, float size, int c, Align a) { text(y, size); }
        @Override public void drawText(String t, float x, float baseline, TextStyle style, Align a) {
            text(baseline, style.size());
        }
        @Override public void drawParagraph(Paragraph p, float x, float y) { box(-FAR, y - 2, FAR, FAR, 0); }
        @Override public void fillRoundRect(Rect b, float r, Fill f) { box(b.x(), b.y(), b.right(), b.bottom(), 0); }
        @Override public void strokeRoundRect(Rect b, float r, Stroke s, int c) {
            box(b.x(), b.y(), b.right(), b.bottom(), s.width());
        }
        @Override public void fillPath(Path p, Fill f) { path(p, 0); }
        @Override public void strokePath(Path p, Stroke s, int c) { path(p, s.width() * 2); }
        @Override public void drawShadow(Rect b, float r, Shadow s) {
            box(b.x() + s.dx(), b.y() + s.dy(), b.right() + s.dx(), b.bottom() + s.dy(), s.blur() * 3);
        }
        @Override public void blurBehind(Rect b, float r, float sigma) {
            blurs = true;
            box(b.x(), b.y(), b.right(), b.bottom(), 0);
        }
        @Override public void drawImage(byte[] encoded, float x, float y, float w, float h) {
            box(x, y, x + w, y + h, 0);
        }
        @Override public void drawPicture(dev.cellshell.widgets.Picture p, Rect b, dev.cellshell.widgets.Fit fit) {
            box(b.x(), b.y(), b.right(), b.bottom(), 0);
        }
        @Override public void hitRegion(float x, float y, float w, float h, float r) { nothing(); }
        @Override public void hitRegion(String name, Rect b, float r) { nothing(); }

        private void nothing() {
            if (index >= 0 && index < ops.length) {
                ops[index] = NOTHING;
            }
        }

        private void path(Path p, float grow) {
            float[] n = p.numbers();
            float x0 = Float.MAX_VALUE;
            float y0 = Float.MAX_VALUE;
            float x1 = -Float.MAX_VALUE;
            float y1 = -Float.MAX_VALUE;
            int at = 0;
            for (int i = 0; i < p.verbCount(); i++) {
                Path.Verb verb = p.verb(i);
                if (verb == Path.Verb.ARC) {
                    float r = Math.abs(n[at + 2]);
                    x0 = Math.min(x0, n[at] - r);
                    y0 = Math.min(y0, n[at + 1] - r);
                    x1 = Math.max(x1, n[at] + r);
                    y1 = Math.max(y1, n[at + 1] + r);
                } else {
                    for (int k = 0; k + 1 < verb.floats(); k += 2) {
                        x0 = Math.min(x0, n[at + k]);
                        y0 = Math.min(y0, n[at + k + 1]);
                        x1 = Math.max(x1, n[at + k]);
                        y1 = Math.max(y1, n[at + k + 1]);
                    }
                }
                at += verb.floats();
            }
            if (x0 > x1) {
                nothing();
            } else {
                box(x0, y0, x1, y1, grow);
            }
        }

        @Override public void saveLayer(float opacity) { saved.push(matrix.clone()); }
        @Override public void save() { saved.push(matrix.clone()); }
        @Override public void restore() {
            if (!saved.isEmpty()) {
                matrix = saved.pop();
            }
        }
        @Override public void translate(float dx, float dy) {
            matrix[2] += dx * matrix[0];
            matrix[3] += dy * matrix[1];
        }
        @Override public void rotate(float degrees) {
            if (degrees % 360 != 0) {
                matrix[4] = 1;
            }
        }
        @Override public void scale(float sx, float sy) {
            matrix[0] *= sx;
            matrix[1] *= sy;
        }
        @Override public void clipRect(float x, float y, float w, float h) { }
        @Override public void clipRoundRect(Rect b, float r) { }

        @Override
        public String toString() {
            return Arrays.deepToString(ops);
        }
    }
}
