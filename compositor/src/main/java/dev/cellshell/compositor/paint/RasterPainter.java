package dev.cellshell.compositor.paint;

import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;

/** Skia on the CPU: the reference the GPU output is compared with, and the fallback where there is no OpenGL. */
public final class RasterPainter extends SurfacePainter {

    private final Surface surface;

    public RasterPainter(int width, int height) {
        this(width, height, LayerSource.inline());
    }

    public RasterPainter(int width, int height, LayerSource source) {
        super(source);
        surface = Surface.makeRasterN32Premul(width, height);
    }

    @Override
    Surface surface() {
        return surface;
    }

    @Override
    void present() {
        // Raster pixels are final as soon as they are drawn.
    }

    @Override
    void release() {
        // The surface is all a raster painter owns.
    }

    @Override
    public byte[] snapshotPng() {
        try (Image image = surface.makeImageSnapshot()) {
            return EncoderPNG.encode(image).getBytes();
        }
    }
}
