package dev.cellshell.compositor.paint;

import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.Image;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.svg.SVGDOM;
import java.nio.charset.StandardCharsets;

/**
 * Pictures sent as SVG (icon themes' scalable icons): drawn by Skia's SVG renderer into an image as large as the box
 * they are first drawn in (at most 512 px a side), so they stay sharp where they are shown.
 */
final class SvgPictures {

    private static final int MAX_SIDE = 512;

    private SvgPictures() {
    }

    static boolean isSvg(byte[] encoded) {
        int n = Math.min(encoded.length, 512);
        String head = new String(encoded, 0, n, StandardCharsets.ISO_8859_1).stripLeading();
        return (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--"))
                && head.contains("<svg");
    }

    /** @return the picture drawn at the box's size, or null when Skia cannot read it */
    static Image rasterize(byte[] encoded, dev.cellshell.widgets.Picture picture, dev.cellshell.widgets.Rect box) {
        float scale = Math.max(box.w() / picture.width(), box.h() / picture.height());
        int w = Math.max(1, Math.min(MAX_SIDE, Math.round(picture.width() * Math.max(scale, 1f))));
        int h = Math.max(1, Math.min(MAX_SIDE, Math.round(picture.height() * Math.max(scale, 1f))));
        try (Data data = Data.makeFromBytes(encoded); SVGDOM dom = new SVGDOM(data);
                Surface surface = Surface.makeRasterN32Premul(w, h)) {
            // the picture's size is the SVG's own (width/height, else its viewBox): lay it out at that, draw it scaled
            dom.setContainerSize(picture.width(), picture.height());
            surface.getCanvas().scale(w / (float) picture.width(), h / (float) picture.height());
            dom.render(surface.getCanvas());
            return surface.makeImageSnapshot();
        }
    }
}
