package dev.cellshell.compositor.paint;

import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;

/** Skia on the CPU: the reference the GPU output is compared with, and the fallback where there is no OpenGL. */
public final class RasterPainter extends SurfacePainter {

    private Surface surface;

    public RasterPainter(int width, int height) {
        this(width, height, LayerSource.inline(), Mode.LAYERS);
    }

    public RasterPainter(int width, int height, LayerSource source, Mode mode) {
        super(source, mode);
        surface = Surface.makeRasterN32Premul(width, height);
        startLayers(width, height, 1);
    }

    @Override
    Surface surface() {
        return surface;
    }

    @Override
    Surface layerSurface(int width, int height) {
        return Surface.makeRaster(ImageInfo.makeN32Premul(width, height));
    }

    @Override
    void present(java.util.List<io.github.humbleui.types.IRect> damage) {
        // Raster pixels are final as soon as they are drawn.
    }

    @Override
    void resizeTarget(int width, int height) {
        surface.close();
        surface = Surface.makeRasterN32Premul(width, height);
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
