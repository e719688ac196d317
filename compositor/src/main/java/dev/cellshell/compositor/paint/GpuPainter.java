package dev.cellshell.compositor.paint;

import dev.cellshell.compositor.gl.GlSurface;
import io.github.humbleui.skija.BackendRenderTarget;
import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorSpace;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.DirectContext;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.FramebufferFormat;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.SurfaceOrigin;

/**
 * Skia's OpenGL backend drawing into a {@link GlSurface}'s framebuffer. {@link #paint} ends with the frame
 * presented; {@link #snapshotPng} reads the presented pixels back from the GL framebuffer.
 */
public final class GpuPainter extends SurfacePainter {

    private final GlSurface gl;
    private final DirectContext context;
    private final BackendRenderTarget target;
    private final Surface surface;

    public GpuPainter(GlSurface gl) {
        this(gl, LayerSource.inline());
    }

    public GpuPainter(GlSurface gl, LayerSource source) {
        super(source);
        this.gl = gl;
        context = DirectContext.makeGL();
        target = BackendRenderTarget.makeGL(gl.width(), gl.height(), 0, 8, gl.framebuffer(),
                FramebufferFormat.GR_GL_RGBA8);
        surface = Surface.wrapBackendRenderTarget(context, target, SurfaceOrigin.BOTTOM_LEFT, ColorType.RGBA_8888,
                ColorSpace.getSRGB());
        if (surface == null) {
            throw new IllegalStateException("Skia could not wrap GL framebuffer " + gl.framebuffer() + " ("
                    + gl.renderer() + ")");
        }
    }

    @Override
    Surface surface() {
        return surface;
    }

    @Override
    void present() {
        context.flushAndSubmit(surface, true);
        gl.present();
    }

    @Override
    public byte[] snapshotPng() {
        try (Bitmap bitmap = new Bitmap()) {
            bitmap.allocPixels(new ImageInfo(width(), height(), ColorType.RGBA_8888, ColorAlphaType.PREMUL));
            if (!surface.readPixels(bitmap, 0, 0)) {
                throw new IllegalStateException("reading back the GL framebuffer failed");
            }
            try (Image image = Image.makeRasterFromBitmap(bitmap)) {
                return EncoderPNG.encode(image).getBytes();
            }
        }
    }

    @Override
    void release() {
        target.close();
        context.close();
    }
}
