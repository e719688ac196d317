package dev.cellshell.compositor.paint;

import dev.cellshell.compositor.vk.VulkanDrawable;
import io.github.humbleui.skija.Bitmap;
import io.github.humbleui.skija.ColorAlphaType;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Surface;

/**
 * Skia's Vulkan backend drawing into a {@link VulkanDrawable}'s persistent back image, with layers in render targets
 * of the same device. {@link #paint} ends with the frame presented; {@link #snapshotPng} reads the back image.
 */
public final class VulkanPainter extends SurfacePainter {

    private final VulkanDrawable drawable;

    public VulkanPainter(VulkanDrawable drawable) {
        this(drawable, LayerSource.inline(), Mode.LAYERS);
    }

    public VulkanPainter(VulkanDrawable drawable, LayerSource source, Mode mode) {
        super(source, mode);
        this.drawable = drawable;
        startLayers(drawable.width(), drawable.height(), drawable.contentScale());
    }

    @Override
    Surface surface() {
        return drawable.back();
    }

    @Override
    Surface layerSurface(int width, int height) {
        return Surface.makeRenderTarget(drawable.device().context(), false, ImageInfo.makeN32Premul(width, height));
    }

    @Override
    void present(java.util.List<io.github.humbleui.types.IRect> damage) {
        drawable.present(damage);
    }

    @Override
    void submit() {
        drawable.device().context().flushAndSubmit(false);
    }

    @Override
    void resizeTarget(int width, int height) {
        drawable.resize(width, height);
    }

    @Override
    void closeTarget() {
        // The back image is the drawable's: it outlives painters (a new one is made after a failure).
    }

    @Override
    public byte[] snapshotPng() {
        try (Bitmap bitmap = new Bitmap()) {
            bitmap.allocPixels(new ImageInfo(width(), height(), ColorType.RGBA_8888, ColorAlphaType.PREMUL));
            if (!drawable.back().readPixels(bitmap, 0, 0)) {
                throw new IllegalStateException("reading back the Vulkan image failed (" + drawable.renderer() + ")");
            }
            try (Image image = Image.makeRasterFromBitmap(bitmap)) {
                return EncoderPNG.encode(image).getBytes();
            }
        }
    }

    @Override
    void release() {
        // Device and context are shared by every drawable of the process.
    }
}
