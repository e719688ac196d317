package dev.cellshell.compositor.paint;

import dev.cellshell.compositor.gl.ProcessClock;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import io.github.humbleui.skija.Surface;

/** What the GPU and the CPU painter share: a target surface, the two ways of drawing, timing, closing. */
abstract class SurfacePainter implements Painter {

    /** Width and height of a shared atlas page for layers. */
    static final int PAGE_SIZE = 1024;

    private final Mode mode;
    private final Fonts fonts = new Fonts();
    private final ScenePainter immediate;
    private LayerCompositor layers;
    private final LayerSource source;
    private boolean closed;
    private PublishScene last;

    SurfacePainter(LayerSource source, Mode mode) {
        this.source = source;
        this.mode = mode;
        this.immediate = new ScenePainter(source, fonts);
    }

    /** Called by subclasses once their target exists. */
    final void startLayers(int width, int height, float scale) {
        layers = new LayerCompositor(new Backings(PAGE_SIZE, this::layerSurface), fonts, source, width, height);
        layers.resize(width, height, scale);
    }

    /** The surface scenes are drawn on; its pixels persist between frames. */
    abstract Surface surface();

    /** A transparent surface for layers, of the same kind as the target. */
    abstract Surface layerSurface(int width, int height);

    /**
     * Makes the drawn frame visible (flush and present for the GPU; nothing for the CPU); {@code damage} is what
     * changed since the last frame, in device pixels (a target that copies to a window may copy only that).
     */
    abstract void present(java.util.List<io.github.humbleui.types.IRect> damage);

    /** Replaces the target with one of the new size (contents undefined). */
    abstract void resizeTarget(int width, int height);

    /** Closes the target surface, when the painter owns it. */
    void closeTarget() {
        surface().close();
    }

    /** Releases what the implementation owns besides the surface. */
    abstract void release();

    @Override
    public int width() {
        return surface().getWidth();
    }

    @Override
    public int height() {
        return surface().getHeight();
    }

    @Override
    public Frame paint(PublishScene scene) {
        long cpu = ProcessClock.nanos();
        long start = System.nanoTime();
        Frame frame;
        if (mode == Mode.IMMEDIATE) {
            int decoded = immediate.paint(surface().getCanvas(), scene);
            present(java.util.List.of(io.github.humbleui.types.IRect.makeWH(width(), height())));
            frame = new Frame(0, 0, decoded, scene.layers().size(), scene.layers().size(), 1,
                    (long) width() * height(), true);
        } else {
            LayerCompositor.FrameWork work = layers.paint(surface().getCanvas(), scene);
            present(work.damage());
            frame = new Frame(0, 0, work.decoded(), work.rasterised(), work.composited(), work.damageRects(),
                    work.damagePixels(), work.full());
        }
        last = scene;
        long wall = System.nanoTime() - start;
        long cpuAfter = ProcessClock.nanos();
        return new Frame(wall, cpu < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpu, frame.decoded(), frame.rasterised(),
                frame.composited(), frame.damageRects(), frame.damagePixels(), frame.full());
    }

    @Override
    public java.util.Optional<Hit> hit(float x, float y) {
        if (last == null) {
            return java.util.Optional.empty();
        }
        var layers = last.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            var layer = layers.get(i);
            float lx = x - layer.x();
            float ly = y - layer.y();
            if (lx >= 0 && ly >= 0 && lx < layer.width() && ly < layer.height()) {
                dev.cellshell.runtime.DisplayList list = mode == Mode.LAYERS ? layers().list(layer.cellId())
                        : immediate.list(layer.cellId());
                if (list == null || list.hits(lx, ly)) {
                    return java.util.Optional.of(new Hit(layer.cellId(), lx, ly));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private LayerCompositor layers() {
        return layers;
    }

    @Override
    public void decorate(Decorations decorations) {
        layers.decorate(decorations);
    }

    @Override
    public void resize(int width, int height, float scale) {
        if (width != width() || height != height()) {
            resizeTarget(width, height);
        }
        layers.resize(width, height, scale);
    }

    @Override
    public int warm(int budget) {
        if (mode == Mode.IMMEDIATE) {
            return 0;
        }
        int left = layers.warm(budget);
        submit();
        return left;
    }

    /** Starts the GPU on what was drawn into layers, without waiting (nothing for the CPU). */
    void submit() {
    }

    @Override
    public void invalidate() {
        layers.invalidate();
    }

    @Override
    public int textures() {
        return layers.textures();
    }

    @Override
    public long bytes() {
        return 4L * width() * height() + layers.backingBytes();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            layers.close();
            fonts.close();
            closeTarget();
            release();
        }
    }
}
