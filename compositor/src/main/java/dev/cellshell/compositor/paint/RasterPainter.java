package dev.cellshell.compositor.paint;

import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;

/**
 * Skia on the CPU: the reference the GPU output is compared with, the fallback where there is no OpenGL, and the
 * renderer that shows windows without any GPU driver ({@code x11.RasterWindow}).
 */
public final class RasterPainter extends SurfacePainter {

    /** Where a window's frames go: the damaged rectangles of the painter's pixels. */
    public interface Screen {
        void show(Surface pixels, java.util.List<io.github.humbleui.types.IRect> damage);
    }

    private Surface surface;
    private final Screen screen;

    public RasterPainter(int width, int height) {
        this(width, height, LayerSource.inline(), Mode.LAYERS);
    }

    public RasterPainter(int width, int height, LayerSource source, Mode mode) {
        this(width, height, source, mode, null);
    }

    /** @param screen shows each frame's damage (a window), or null (offscreen) */
    public RasterPainter(int width, int height, LayerSource source, Mode mode, Screen screen) {
        super(source, mode);
        this.screen = screen;
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
        // Raster pixels are final as soon as they are drawn; a window is shown what changed.
        if (screen != null) {
            screen.show(surface, damage);
        }
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
