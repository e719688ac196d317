package dev.cellshell.compositor.paint;

import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Where cells keep their pixels between frames: a few shared atlas pages (each a {@link ShelfAllocator}) for cells
 * that fit, so compositing many cells draws from few textures and Skia batches the draws; a dedicated surface for
 * a cell larger than a page. One snapshot per page per change, closed before the page is drawn into again (a live
 * snapshot would force Skia to copy the whole page).
 */
final class Backings implements AutoCloseable {

    /** One cell's place: a page and the rectangle on it. */
    record Backing(Page page, ShelfAllocator.Slot slot) {
    }

    static final class Page implements AutoCloseable {
        private final Surface surface;
        private final ShelfAllocator allocator;
        private final boolean dedicated;
        private Image snapshot;

        private Page(Surface surface, boolean dedicated) {
            this.surface = surface;
            this.allocator = new ShelfAllocator(surface.getWidth(), surface.getHeight());
            this.dedicated = dedicated;
        }

        /** The canvas to draw backings with; the page's snapshot is dropped first. */
        io.github.humbleui.skija.Canvas canvas() {
            if (snapshot != null) {
                snapshot.close();
                snapshot = null;
            }
            return surface.getCanvas();
        }

        /** The page's pixels as an image, taken once per change. */
        Image image() {
            if (snapshot == null) {
                snapshot = surface.makeImageSnapshot();
            }
            return snapshot;
        }

        long bytes() {
            return 4L * surface.getWidth() * surface.getHeight();
        }

        @Override
        public void close() {
            if (snapshot != null) {
                snapshot.close();
                snapshot = null;
            }
            surface.close();
        }
    }

    private final int pageSize;
    private final BiFunction<Integer, Integer, Surface> surfaces;
    private final List<Page> pages = new ArrayList<>();

    /**
     * @param pageSize width and height of an atlas page
     * @param surfaces makes a transparent surface of the given size (GPU render target or CPU raster)
     */
    Backings(int pageSize, BiFunction<Integer, Integer, Surface> surfaces) {
        this.pageSize = pageSize;
        this.surfaces = surfaces;
    }

    /** A place of exactly {@code w}×{@code h}. */
    Backing allocate(int w, int h) {
        if (w > pageSize || h > pageSize) {
            Page page = newPage(w, h, true);
            return new Backing(page, page.allocator.allocate(w, h).orElseThrow());
        }
        for (Page page : pages) {
            if (!page.dedicated) {
                Optional<ShelfAllocator.Slot> slot = page.allocator.allocate(w, h);
                if (slot.isPresent()) {
                    return new Backing(page, slot.get());
                }
            }
        }
        Page page = newPage(pageSize, pageSize, false);
        return new Backing(page, page.allocator.allocate(w, h).orElseThrow());
    }

    /** Gives a place back; a page left empty is released (but one shared page is kept for the next cell). */
    void free(Backing backing) {
        Page page = backing.page();
        page.allocator.free(backing.slot());
        long sharedPages = pages.stream().filter(p -> !p.dedicated).count();
        if (page.allocator.isEmpty() && (page.dedicated || sharedPages > 1)) {
            pages.remove(page);
            page.close();
        }
    }

    /** Textures alive: shared pages and dedicated surfaces. */
    int textures() {
        return pages.size();
    }

    long bytes() {
        return pages.stream().mapToLong(Page::bytes).sum();
    }

    private Page newPage(int w, int h, boolean dedicated) {
        Surface surface = surfaces.apply(w, h);
        if (surface == null) {
            throw new IllegalStateException("could not make a " + w + "x" + h + " backing surface");
        }
        surface.getCanvas().clear(0);
        Page page = new Page(surface, dedicated);
        pages.add(page);
        return page;
    }

    /** Releases every page; backings handed out before are invalid afterwards. */
    @Override
    public void close() {
        pages.forEach(Page::close);
        pages.clear();
    }
}
