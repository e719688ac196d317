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
 * Skia's OpenGL backend drawing into a {@link GlSurface}'s persistent framebuffer, with layers in GPU render
 * targets. {@link #paint} ends with the frame presented; {@link #snapshotPng} reads the presented pixels back from
 * the GL framebuffer.
 */
public final class GpuPainter extends SurfacePainter {

    private final GlSurface gl;
    private final DirectContext context;
    private BackendRenderTarget target;
    private Surface surface;

    public GpuPainter(GlSurface gl) {
        this(gl, LayerSource.inline(), Mode.LAYERS);
    }

    public GpuPainter(GlSurface gl, LayerSource source, Mode mode) {
        super(source, mode);
        this.gl = gl;
        context = DirectContext.makeGL();
        wrap(gl.width(), gl.height());
        startLayers(gl.width(), gl.height(), gl.contentScale());
    }

    private void wrap(int width, int height) {
        target = BackendRenderTarget.makeGL(width, height, 0, 8, gl.framebuffer(), FramebufferFormat.GR_GL_RGBA8);
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
    Surface layerSurface(int width, int height) {
        return Surface.makeRenderTarget(context, false, ImageInfo.makeN32Premul(width, height));
    }

    @Override
    void present(java.util.List<io.github.humbleui.types.IRect> damage) {
        context.flushAndSubmit(surface, true);
        gl.present();
        // present() may bind other framebuffers (a window blits to its default one): tell Skia to forget GL state.
        context.resetGLAll();
    }

    @Override
    void submit() {
        context.flushAndSubmit(false);
    }

    @Override
    void resizeTarget(int width, int height) {
        surface.close();
        target.close();
        gl.resize(width, height);
        context.resetGLAll();
        wrap(width, height);
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
