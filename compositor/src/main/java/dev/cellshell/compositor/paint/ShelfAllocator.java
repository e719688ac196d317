package dev.cellshell.compositor.paint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Packs rectangles into one atlas page in horizontal shelves: a shelf is as tall as the first rectangle put on it,
 * and later rectangles go on the lowest-waste shelf they fit, left to right. Freed spans merge with free neighbours,
 * and an empty shelf at the bottom is given back, so cells that come and go or change size reuse the page. No
 * compaction: a page that fragments is abandoned by its owner when it empties. Pure arithmetic, no GPU.
 */
final class ShelfAllocator {

    /** A place on the page, in pixels. */
    record Slot(int x, int y, int width, int height) {
        long area() {
            return (long) width * height;
        }
    }

    private static final class Span {
        int x;
        int width;
        boolean used;

        Span(int x, int width, boolean used) {
            this.x = x;
            this.width = width;
            this.used = used;
        }
    }

    private static final class Shelf {
        final int y;
        final int height;
        final List<Span> spans = new ArrayList<>();

        Shelf(int y, int height, int pageWidth) {
            this.y = y;
            this.height = height;
            spans.add(new Span(0, pageWidth, false));
        }

        boolean empty() {
            return spans.size() == 1 && !spans.get(0).used;
        }
    }

    private final int width;
    private final int height;
    private final List<Shelf> shelves = new ArrayList<>();
    private long usedArea;

    ShelfAllocator(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A free place of exactly {@code w}×{@code h}, or empty when the page has none. */
    Optional<Slot> allocate(int w, int h) {
        if (w <= 0 || h <= 0 || w > width || h > height) {
            return Optional.empty();
        }
        Shelf best = null;
        for (Shelf shelf : shelves) {
            if (shelf.height >= h && shelf.height <= h * 2 + 8 && fits(shelf, w)
                    && (best == null || shelf.height < best.height)) {
                best = shelf;
            }
        }
        if (best == null) {
            int top = shelves.isEmpty() ? 0 : last().y + last().height;
            if (top + h > height) {
                return Optional.empty();
            }
            best = new Shelf(top, h, width);
            shelves.add(best);
        }
        return Optional.of(take(best, w, h));
    }

    /** Gives {@code slot} (from {@link #allocate}) back. */
    void free(Slot slot) {
        for (int s = 0; s < shelves.size(); s++) {
            Shelf shelf = shelves.get(s);
            if (shelf.y != slot.y()) {
                continue;
            }
            for (int i = 0; i < shelf.spans.size(); i++) {
                Span span = shelf.spans.get(i);
                if (span.x == slot.x() && span.used) {
                    span.used = false;
                    usedArea -= (long) span.width * slot.height();
                    merge(shelf, i);
                    while (!shelves.isEmpty() && last().empty()) {
                        shelves.remove(shelves.size() - 1);
                    }
                    return;
                }
            }
        }
        throw new IllegalArgumentException("not an allocated slot: " + slot);
    }

    /** Pixels handed out and not freed. */
    long usedArea() {
        return usedArea;
    }

    boolean isEmpty() {
        return usedArea == 0;
    }

    private static boolean fits(Shelf shelf, int w) {
        for (Span span : shelf.spans) {
            if (!span.used && span.width >= w) {
                return true;
            }
        }
        return false;
    }

    private Slot take(Shelf shelf, int w, int h) {
        for (int i = 0; i < shelf.spans.size(); i++) {
            Span span = shelf.spans.get(i);
            if (!span.used && span.width >= w) {
                if (span.width > w) {
                    shelf.spans.add(i + 1, new Span(span.x + w, span.width - w, false));
                    span.width = w;
                }
                span.used = true;
                usedArea += (long) w * h;
                return new Slot(span.x, shelf.y, w, h);
            }
        }
        throw new IllegalStateException("shelf at y " + shelf.y + " has no span of width " + w);
    }

    private static void merge(Shelf shelf, int i) {
        if (i + 1 < shelf.spans.size() && !shelf.spans.get(i + 1).used) {
            shelf.spans.get(i).width += shelf.spans.remove(i + 1).width;
        }
        if (i > 0 && !shelf.spans.get(i - 1).used) {
            shelf.spans.get(i - 1).width += shelf.spans.remove(i).width;
        }
    }

    private Shelf last() {
        return shelves.get(shelves.size() - 1);
    }
}
