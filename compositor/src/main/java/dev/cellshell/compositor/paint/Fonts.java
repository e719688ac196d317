package dev.cellshell.compositor.paint;

import dev.cellshell.assets.Assets;
import io.github.humbleui.skija.Data;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.FontEdging;
import io.github.humbleui.skija.FontHinting;
import io.github.humbleui.skija.FontMgr;
import io.github.humbleui.skija.Typeface;
import java.util.HashMap;
import java.util.Map;

/**
 * The bundled typeface (DejaVu Sans, from {@code assets}) at the sizes cells ask for, so text is the same on every
 * machine and in every golden image. Not thread-safe: one per painter.
 */
final class Fonts implements AutoCloseable {

    private final Typeface typeface;
    private final Map<Float, Font> bySize = new HashMap<>();

    Fonts() {
        typeface = FontMgr.getDefault().makeFromData(Data.makeFromBytes(Assets.font()));
    }

    Font at(float size) {
        return bySize.computeIfAbsent(size, s -> {
            Font font = new Font(typeface, s);
            font.setEdging(FontEdging.ANTI_ALIAS);
            font.setHinting(FontHinting.NONE);
            font.setSubpixel(true);
            return font;
        });
    }

    @Override
    public void close() {
        bySize.values().forEach(Font::close);
        bySize.clear();
        typeface.close();
    }
}
