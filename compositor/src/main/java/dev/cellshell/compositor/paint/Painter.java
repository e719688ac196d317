package dev.cellshell.compositor.paint;

import dev.cellshell.ipc.SceneMessage.PublishScene;

/**
 * Draws scenes into a persistent pixel target and reads the result back. Implementations: {@link GpuPainter} (Skia's
 * GL backend), {@link VulkanPainter} (its Vulkan backend) and {@link RasterPainter} (Skia on the CPU, the reference
 * and the offscreen fallback without a GPU API), each
 * either damage-driven from cached layers ({@link Mode#LAYERS}, the default) or redrawing every list every frame
 * ({@link Mode#IMMEDIATE}, kept to measure the difference). Used from one thread.
 */
public interface Painter extends AutoCloseable {

    enum Mode { LAYERS, IMMEDIATE }

    /**
     * What one frame cost and did.
     *
     * @param processCpuNanos CPU time of the whole process during the frame (-1 when unknown)
     */
    record Frame(long wallNanos, long processCpuNanos, int decoded, int rasterised, int composited,
            int damageRects, long damagePixels, boolean full) {
    }

    /** The cell at a point of the presented frame, and the point in the cell's own coordinates. */
    record Hit(String cellId, float localX, float localY) {
    }

    /**
     * The front-most cell of the last painted scene whose bounds hold desktop point (x, y) and whose display list
     * takes input there (its hit regions, or anywhere when it declared none); empty when none.
     */
    java.util.Optional<Hit> hit(float x, float y);

    /** Device pixels. */
    int width();

    int height();

    /** Brings the target up to date with {@code scene} (only its damage, in layer mode) and presents it. */
    Frame paint(PublishScene scene);

    /** What to draw over the cells from the next frame on. */
    void decorate(Decorations decorations);

    /** The target is now {@code width}×{@code height} device pixels at {@code scale}: the next frame draws all. */
    void resize(int width, int height, float scale);

    /** Drops every cached layer (e.g. after the GPU lost them): the next frame rebuilds them from display lists. */
    void invalidate();

    /**
     * Draws up to {@code budget} layers left stale by a full frame, while there is nothing else to do; returns how
     * many are still stale (0 in immediate mode).
     */
    int warm(int budget);

    /** Backing textures alive. */
    int textures();

    /** Estimated bytes held by the target and the layers. */
    long bytes();

    /** The pixels of the last presented frame, as a PNG file's bytes. */
    byte[] snapshotPng();

    /** Idempotent. */
    @Override
    void close();
}
