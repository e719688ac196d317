package dev.cellshell.compositor.paint;

import dev.cellshell.ipc.SceneMessage.PublishScene;

/**
 * Draws whole scenes into a pixel target and reads the result back. Implementations: {@link GpuPainter} (Skia's GL
 * backend) and {@link RasterPainter} (Skia on the CPU, the reference). Used from one thread.
 */
public interface Painter extends AutoCloseable {

    int width();

    int height();

    /** Draws {@code scene}, replacing everything drawn before; returns the nanoseconds spent. */
    long paint(PublishScene scene);

    /** The pixels of the last painted scene, as a PNG file's bytes. */
    byte[] snapshotPng();

    /** Idempotent. */
    @Override
    void close();
}
