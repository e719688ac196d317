package dev.cellshell.compositor.paint;

import dev.cellshell.ipc.SceneMessage.PublishScene;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;

/** Skia on the CPU: the reference the GPU output is compared with, and the fallback where there is no OpenGL. */
public final class RasterPainter implements Painter {

    private final Surface surface;
    private final ScenePainter scenes;
    private boolean closed;

    public RasterPainter(int width, int height) {
        this(width, height, LayerSource.inline());
    }

    public RasterPainter(int width, int height, LayerSource source) {
        surface = Surface.makeRasterN32Premul(width, height);
        scenes = new ScenePainter(source);
    }

    @Override
    public int width() {
        return surface.getWidth();
    }

    @Override
    public int height() {
        return surface.getHeight();
    }

    @Override
    public long paint(PublishScene scene) {
        long start = System.nanoTime();
        scenes.paint(surface.getCanvas(), scene);
        return System.nanoTime() - start;
    }

    @Override
    public byte[] snapshotPng() {
        try (Image image = surface.makeImageSnapshot()) {
            return EncoderPNG.encode(image).getBytes();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            scenes.close();
            surface.close();
        }
    }
}
