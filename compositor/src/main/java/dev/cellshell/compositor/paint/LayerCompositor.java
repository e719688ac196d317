package dev.cellshell.compositor.paint;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.widgets.Align;
import dev.cellshell.runtime.DisplayList;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.ClipMode;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.PaintMode;
import io.github.humbleui.skija.SamplingMode;
import io.github.humbleui.skija.TextLine;
import io.github.humbleui.types.IRect;
import io.github.humbleui.types.Rect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Damage-driven composition onto a persistent back buffer. Each cell's display list is drawn once into its layer (a
 * {@link Backings} place) and drawn again only when its generation, render version, size or sub-pixel offset
 * changes. A frame redraws only its damage: the old and new bounds of the cells that changed, moved, came or went,
 * where it clears to the background and composites, back to front, the layers that intersect it. A change of
 * background or of the relative z-order of existing cells, and {@link #invalidate}, redraw everything.
 *
 * <p>A full frame in which most cells changed (the first, a theme change, a resize) draws the lists straight onto
 * the buffer instead, as fast as immediate drawing, and leaves those layers stale: a later frame draws a stale layer
 * when its damage needs it, and {@link #warm} fills them in while the compositor is idle.
 *
 * <p>Layers are rasterised at {@code scale} device pixels per desktop unit, at their fractional offset, so a frame
 * composed from layers matches drawing the lists straight onto the buffer (within rounding of anti-aliased edges).
 */
final class LayerCompositor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LayerCompositor.class);
    /** More damage rectangles than this are merged into their bounding box. */
    private static final int MAX_DAMAGE_RECTS = 16;
    private static final int OUTLINE = 0xFF3D8BFF;
    private static final int TAG_TEXT = 0xFFFFFFFF;
    private static final int STATS_BACKGROUND = 0xE0101418;
    private static final int STATS_TEXT = 0xFFB8F5B0;

    /**
     * What one frame did.
     *
     * @param damage the device rectangles of the target that changed (the whole target for a full frame)
     */
    record FrameWork(int decoded, int rasterised, int composited, int damageRects, long damagePixels,
            boolean full, List<IRect> damage) {
    }

    private static final class Entry {
        long generation;
        long renderVersion;
        DisplayList list;
        IRect device;
        float fx;
        float fy;
        float width;
        float height;
        Backings.Backing backing;
        /** Queued for rasterising in the frame being built. */
        boolean queued;
        /** The layer's pixels are older than {@code list} (it was drawn straight onto the buffer). */
        boolean stale;
        /** When only part of the layer changed: that part, in the layer's pixels; {@code null} for all of it. */
        IRect partial;
    }

    private final Backings backings;
    private final Fonts fonts;
    private final LayerSource source;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private List<String> order = List.of();
    private final Paint copy = new Paint();
    private final Paint outline = new Paint().setAntiAlias(false).setMode(PaintMode.STROKE).setStrokeWidth(2)
            .setColor(OUTLINE);
    private final Paint fill = new Paint();
    private final SkijaCanvas replay;
    private int background;
    private boolean full = true;
    private float scale = 1;
    private int width;
    private int height;
    private List<IRect> lastDecorations = List.of();
    private List<String> lastTags = List.of();
    private Decorations decorations = Decorations.NONE;

    LayerCompositor(Backings backings, Fonts fonts, LayerSource source, int width, int height) {
        this.backings = backings;
        this.fonts = fonts;
        this.source = source;
        this.width = width;
        this.height = height;
        this.replay = new SkijaCanvas(fonts);
    }

    /** Forget every layer: the next frame draws every cell again from its display list and redraws everything. */
    void invalidate() {
        entries.values().forEach(e -> {
            e.backing = null;
            e.stale = true;
        });
        backings.close();
        full = true;
    }

    /** The target changed size or scale: everything is drawn again. */
    void resize(int newWidth, int newHeight, float newScale) {
        width = newWidth;
        height = newHeight;
        if (newScale != scale) {
            scale = newScale;
            invalidate();
        }
        full = true;
    }

    void decorate(Decorations newDecorations) {
        decorations = newDecorations;
    }

    /** Brings {@code target} up to date with {@code scene}; {@code target} keeps what earlier frames drew. */
    FrameWork paint(Canvas target, PublishScene scene) {
        List<IRect> damage = new ArrayList<>();
        int decoded = 0;
        if (scene.background() != background) {
            background = scene.background();
            full = true;
        }
        List<String> newOrder = new ArrayList<>(scene.layers().size());
        scene.layers().forEach(l -> newOrder.add(l.cellId()));
        if (!full && reordered(order, newOrder)) {
            full = true;
        }
        Set<String> present = new HashSet<>(newOrder);
        for (var it = entries.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!present.contains(e.getKey())) {
                add(damage, e.getValue().device);
                release(e.getValue());
                it.remove();
            }
        }
        List<Entry> toRaster = new ArrayList<>();
        List<Entry> drawn = new ArrayList<>(scene.layers().size());
        for (Layer layer : scene.layers()) {
            Entry entry = entries.get(layer.cellId());
            boolean fresh = entry == null;
            if (fresh) {
                entry = new Entry();
                entries.put(layer.cellId(), entry);
            }
            float dx = layer.x() * scale;
            float dy = layer.y() * scale;
            int x0 = (int) Math.floor(dx);
            int y0 = (int) Math.floor(dy);
            float fx = dx - x0;
            float fy = dy - y0;
            int w = Math.max(0, (int) Math.ceil(fx + layer.width() * scale));
            int h = Math.max(0, (int) Math.ceil(fy + layer.height() * scale));
            IRect device = IRect.makeXYWH(x0, y0, w, h);
            boolean contentChanged = fresh || entry.generation != layer.generation()
                    || entry.renderVersion != layer.renderVersion() || entry.fx != fx || entry.fy != fy
                    || entry.width != layer.width() || entry.height != layer.height()
                    || entry.device.getWidth() != w || entry.device.getHeight() != h;
            boolean moved = !fresh && !entry.device.equals(device);
            if (contentChanged) {
                DisplayList list = decode(layer, entry.list, fresh || entry.generation != layer.generation()
                        || entry.renderVersion != layer.renderVersion());
                decoded += list != entry.list ? 1 : 0;
                IRect part = fresh || moved || entry.backing == null || entry.stale || entry.list == null
                        || list == null || list == entry.list || entry.fx != fx || entry.fy != fy
                        || entry.width != layer.width() || entry.height != layer.height() ? null
                        : changedPart(entry.list, list, layer.width(), layer.height(), fx, fy, w, h);
                if (part != null) {
                    // Only this part of the layer is drawn again, and only it is damage on screen.
                    entry.list = list;
                    entry.generation = layer.generation();
                    entry.renderVersion = layer.renderVersion();
                    entry.device = device;
                    drawn.add(entry);
                    if (part.getWidth() > 0 && part.getHeight() > 0) {
                        entry.partial = part;
                        entry.queued = true;
                        toRaster.add(entry);
                        add(damage, IRect.makeXYWH(x0 + part.getLeft(), y0 + part.getTop(), part.getWidth(),
                                part.getHeight()));
                    }
                    continue;
                }
                entry.partial = null;
                if (!fresh) {
                    add(damage, entry.device);
                }
                entry.list = list;
                entry.generation = layer.generation();
                entry.renderVersion = layer.renderVersion();
                entry.fx = fx;
                entry.fy = fy;
                entry.width = layer.width();
                entry.height = layer.height();
                entry.queued = true;
                toRaster.add(entry);
                add(damage, device);
            } else if (moved) {
                add(damage, entry.device);
                add(damage, device);
            }
            entry.device = device;
            drawn.add(entry);
        }
        order = newOrder;
        int rasterised = 0;
        List<IRect> decorationRects = decorationRects();
        List<String> tags = tags();
        // The tags name each outlined cell's generation: a swap changes the tag, which sticks out above the cell.
        if (!decorationRects.equals(lastDecorations) || !tags.equals(lastTags) || !decorations.stats().isEmpty()) {
            lastDecorations.forEach(r -> add(damage, r));
            decorationRects.forEach(r -> add(damage, r));
        }
        lastDecorations = decorationRects;
        lastTags = tags;
        IRect screen = IRect.makeWH(width, height);
        boolean wasFull = full;
        full = false;
        if (drawStraight(wasFull, toRaster, drawn.size())) {
            for (Entry entry : toRaster) {
                entry.queued = false;
                entry.stale = true;
                entry.partial = null;
            }
            drawStraight(target, drawn, decorationRects, screen);
            return new FrameWork(decoded, 0, drawn.size(), 1, (long) width * height, true, List.of(screen));
        }
        for (Entry entry : toRaster) {
            entry.queued = false;
            entry.stale = false;
            rasterised += raster(entry) ? 1 : 0;
        }
        List<IRect> rects = wasFull ? List.of(screen) : merged(damage, screen);
        for (Entry entry : drawn) {
            if (entry.stale && entry.list != null && rects.stream().anyMatch(r -> intersects(entry.device, r))) {
                entry.stale = false;
                rasterised += raster(entry) ? 1 : 0;
            }
        }
        int composited = 0;
        long pixels = 0;
        for (IRect rect : rects) {
            pixels += (long) rect.getWidth() * rect.getHeight();
            int count = target.save();
            target.clipRect(Rect.makeLTRB(rect.getLeft(), rect.getTop(), rect.getRight(), rect.getBottom()),
                    ClipMode.INTERSECT, false);
            target.clear(background);
            for (Entry entry : drawn) {
                if (entry.backing != null && entry.list != null && intersects(entry.device, rect)) {
                    composite(target, entry);
                    composited++;
                }
            }
            drawDecorations(target, decorationRects, rect);
            target.restoreToCount(count);
        }
        return new FrameWork(decoded, rasterised, composited, rects.size(), pixels, wasFull, rects);
    }

    /**
     * True when drawing every list straight onto the buffer is cheaper than drawing the changed layers and
     * compositing them: most cells changed, and together they cover much of the screen (or there are many).
     */
    private boolean drawStraight(boolean wasFull, List<Entry> toRaster, int cells) {
        if (toRaster.size() * 2 <= cells) {
            return false;
        }
        long area = 0;
        for (Entry entry : toRaster) {
            IRect part = entry.partial != null ? entry.partial : entry.device;
            area += (long) part.getWidth() * part.getHeight();
        }
        return wasFull || toRaster.size() > 16 || area * 2 > (long) width * height;
    }

    /** The whole frame without layers: every list replayed onto the buffer where its layer would be composited. */
    private void drawStraight(Canvas target, List<Entry> drawn, List<IRect> decorationRects, IRect screen) {
        target.clear(background);
        replay.on(target);
        for (Entry entry : drawn) {
            if (entry.list == null || entry.device.getWidth() == 0 || entry.device.getHeight() == 0) {
                continue;
            }
            int count = target.save();
            target.translate(entry.device.getLeft() + entry.fx, entry.device.getTop() + entry.fy);
            target.scale(scale, scale);
            target.clipRect(Rect.makeWH(entry.width, entry.height), true);
            try {
                entry.list.replay(replay);
            } finally {
                target.restoreToCount(count);
            }
        }
        drawDecorations(target, decorationRects, screen);
    }

    /**
     * Draws up to {@code budget} stale layers (oldest in z-order first), so that later damage frames find them ready;
     * returns how many stale layers are left.
     */
    int warm(int budget) {
        int left = 0;
        for (String id : order) {
            Entry entry = entries.get(id);
            if (entry != null && entry.stale) {
                if (budget > 0) {
                    entry.stale = false;
                    raster(entry);
                    budget--;
                } else {
                    left++;
                }
            }
        }
        return left;
    }

    private DisplayList decode(Layer layer, DisplayList previous, boolean newBytes) {
        if (!newBytes) {
            return previous;
        }
        byte[] bytes = source.bytes(layer);
        if (bytes == null) {
            LOG.debug("cell '{}' render {}: slot {} has moved on; drawing its previous list", layer.cellId(),
                    layer.renderVersion(), layer.slot());
            return previous;
        }
        try {
            return DisplayList.of(bytes);
        } catch (IllegalArgumentException e) {
            LOG.error("cell '{}' generation {} render {}: display list rejected, layer not drawn: {}",
                    layer.cellId(), layer.generation(), layer.renderVersion(), e.getMessage());
            return null;
        }
    }

    /**
     * The part of a w×h layer (its pixels) that differs between two lists of the same cell at the same place, or
     * {@code null} when it is most of it or cannot be bounded (then the whole layer is drawn again).
     */
    private IRect changedPart(DisplayList before, DisplayList after, float width, float height, float fx, float fy,
            int w, int h) {
        float[] c = LayerDiff.changed(before, after, width, height);
        if (c == null) {
            return null;
        }
        if (c[2] <= 0 || c[3] <= 0) {
            return IRect.makeXYWH(0, 0, 0, 0);
        }
        int left = Math.max(0, (int) Math.floor(c[0] * scale + fx) - 1);
        int top = Math.max(0, (int) Math.floor(c[1] * scale + fy) - 1);
        int right = Math.min(w, (int) Math.ceil((c[0] + c[2]) * scale + fx) + 1);
        int bottom = Math.min(h, (int) Math.ceil((c[1] + c[3]) * scale + fy) + 1);
        if (right <= left || bottom <= top) {
            return IRect.makeXYWH(0, 0, 0, 0);
        }
        long area = (long) (right - left) * (bottom - top);
        return area * 2 > (long) w * h ? null : IRect.makeLTRB(left, top, right, bottom);
    }

    /** Draws the entry's list into its layer (only its {@code partial} part when set); false when there is nothing. */
    private boolean raster(Entry entry) {
        int w = entry.device.getWidth();
        int h = entry.device.getHeight();
        if (entry.list == null || w == 0 || h == 0) {
            release(entry);
            return false;
        }
        IRect part = entry.partial;
        entry.partial = null;
        if (entry.backing == null || entry.backing.slot().width() != w || entry.backing.slot().height() != h) {
            release(entry);
            entry.backing = backings.allocate(w, h);
            part = null;
        }
        ShelfAllocator.Slot slot = entry.backing.slot();
        Canvas canvas = entry.backing.page().canvas();
        int count = canvas.save();
        if (part != null) {
            canvas.clipRect(Rect.makeXYWH(slot.x() + part.getLeft(), slot.y() + part.getTop(), part.getWidth(),
                    part.getHeight()), ClipMode.INTERSECT, false);
        } else {
            canvas.clipRect(Rect.makeXYWH(slot.x(), slot.y(), w, h), ClipMode.INTERSECT, false);
        }
        canvas.clear(0);
        canvas.translate(slot.x() + entry.fx, slot.y() + entry.fy);
        canvas.scale(scale, scale);
        canvas.clipRect(Rect.makeWH(entry.width, entry.height), true);
        try {
            entry.list.replay(replay.on(canvas));
        } finally {
            canvas.restoreToCount(count);
        }
        return true;
    }

    private void composite(Canvas target, Entry entry) {
        ShelfAllocator.Slot slot = entry.backing.slot();
        IRect d = entry.device;
        target.drawImageRect(entry.backing.page().image(),
                Rect.makeXYWH(slot.x(), slot.y(), slot.width(), slot.height()),
                Rect.makeXYWH(d.getLeft(), d.getTop(), d.getWidth(), d.getHeight()), SamplingMode.DEFAULT, copy,
                false);
    }

    /** The tag drawn over each outlined cell ("button · gen 2"), in the order they are drawn. */
    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String id : decorations.outlined()) {
            Entry entry = entries.get(id);
            if (entry != null && entry.device != null) {
                tags.add(tag(id, entry));
            }
        }
        return tags;
    }

    private static String tag(String id, Entry entry) {
        return id + " · gen " + entry.generation;
    }

    private List<IRect> decorationRects() {
        List<IRect> rects = new ArrayList<>();
        for (String id : decorations.outlined()) {
            Entry entry = entries.get(id);
            if (entry != null && entry.device != null) {
                IRect d = entry.device;
                int tagTop = Math.max(0, d.getTop() - Math.round(18 * scale));
                int tagRight = d.getLeft() - 2 + (int) Math.ceil((textWidth(tag(id, entry)) + 10) * scale);
                rects.add(IRect.makeLTRB(d.getLeft() - 2, Math.min(tagTop, d.getTop() - 2),
                        Math.max(d.getRight() + 2, tagRight), d.getBottom() + 2));
            }
        }
        if (!decorations.stats().isEmpty()) {
            rects.add(IRect.makeXYWH(0, 0, Math.round((textWidth(decorations.stats()) + 16) * scale),
                    Math.round(22 * scale)));
        }
        return rects;
    }

    private void drawDecorations(Canvas target, List<IRect> rects, IRect clip) {
        for (String id : decorations.outlined()) {
            Entry entry = entries.get(id);
            if (entry == null || entry.device == null || !intersects(grow(entry.device, 20), clip)) {
                continue;
            }
            IRect d = entry.device;
            target.drawRect(Rect.makeLTRB(d.getLeft() - 1, d.getTop() - 1, d.getRight() + 1, d.getBottom() + 1),
                    outline);
            String tag = tag(id, entry);
            float tagHeight = 18 * scale;
            float tagTop = Math.max(0, d.getTop() - tagHeight);
            float tagWidth = (textWidth(tag) + 10) * scale;
            target.drawRect(Rect.makeXYWH(d.getLeft() - 2, tagTop, tagWidth, tagHeight), fill.setColor(OUTLINE));
            target.save();
            target.translate(d.getLeft() + 3 * scale, tagTop);
            target.scale(scale, scale);
            replay.on(target).drawText(tag, 0, 13, 12, TAG_TEXT, Align.LEFT);
            target.restore();
        }
        if (!decorations.stats().isEmpty()) {
            IRect r = rects.get(rects.size() - 1);
            target.drawRect(Rect.makeXYWH(r.getLeft(), r.getTop(), r.getWidth(), r.getHeight()),
                    fill.setColor(STATS_BACKGROUND));
            target.save();
            target.scale(scale, scale);
            replay.on(target).drawText(decorations.stats(), 8, 15, 12, STATS_TEXT, Align.LEFT);
            target.restore();
        }
    }

    private float textWidth(String text) {
        try (TextLine line = TextLine.make(text, fonts.at(12))) {
            return line.getWidth();
        }
    }

    /** The display list drawn for a cell, or null. */
    DisplayList list(String cellId) {
        Entry entry = entries.get(cellId);
        return entry == null ? null : entry.list;
    }

    /** Backing textures alive, for the statistics. */
    int textures() {
        return backings.textures();
    }

    long backingBytes() {
        return backings.bytes();
    }

    private void release(Entry entry) {
        if (entry.backing != null) {
            backings.free(entry.backing);
            entry.backing = null;
        }
    }

    /** True when cells present in both frames changed their order relative to each other. */
    static boolean reordered(List<String> before, List<String> after) {
        Set<String> kept = new HashSet<>(before);
        kept.retainAll(new HashSet<>(after));
        List<String> a = before.stream().filter(kept::contains).toList();
        List<String> b = after.stream().filter(kept::contains).toList();
        return !a.equals(b);
    }

    private static void add(List<IRect> damage, IRect rect) {
        if (rect != null && rect.getWidth() > 0 && rect.getHeight() > 0) {
            damage.add(rect);
        }
    }

    /**
     * Damage clipped to the screen, overlapping rectangles merged (and any two whose union wastes little), at most
     * {@link #MAX_DAMAGE_RECTS}.
     */
    static List<IRect> merged(List<IRect> damage, IRect screen) {
        List<IRect> rects = new ArrayList<>();
        if (damage.size() > 4 * MAX_DAMAGE_RECTS) {
            IRect all = damage.get(0);
            for (IRect r : damage) {
                all = union(all, r);
            }
            IRect c = all.intersect(screen);
            return c == null || c.isEmpty() ? List.of() : List.of(c);
        }
        for (IRect r : damage) {
            IRect c = r.intersect(screen);
            if (c != null && c.getWidth() > 0 && c.getHeight() > 0) {
                rects.add(c);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < rects.size(); i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    IRect a = rects.get(i);
                    IRect b = rects.get(j);
                    IRect u = union(a, b);
                    if (intersects(a, b) || area(u) <= area(a) + area(b)) {
                        rects.set(i, u);
                        rects.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        if (rects.size() > MAX_DAMAGE_RECTS) {
            IRect all = rects.get(0);
            for (IRect r : rects) {
                all = union(all, r);
            }
            return List.of(all);
        }
        return rects;
    }

    private static IRect union(IRect a, IRect b) {
        return IRect.makeLTRB(Math.min(a.getLeft(), b.getLeft()), Math.min(a.getTop(), b.getTop()),
                Math.max(a.getRight(), b.getRight()), Math.max(a.getBottom(), b.getBottom()));
    }

    private static long area(IRect r) {
        return (long) r.getWidth() * r.getHeight();
    }

    private static IRect grow(IRect r, int by) {
        return IRect.makeLTRB(r.getLeft() - by, r.getTop() - by, r.getRight() + by, r.getBottom() + by);
    }

    static boolean intersects(IRect a, IRect b) {
        return a.getLeft() < b.getRight() && b.getLeft() < a.getRight() && a.getTop() < b.getBottom()
                && b.getTop() < a.getBottom();
    }

    @Override
    public void close() {
        backings.close();
        entries.clear();
    }
}
