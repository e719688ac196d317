package dev.cellshell.compositor.paint;

import dev.cellshell.text.FontLibrary;
import dev.cellshell.text.SkiaText;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.FontEdging;
import io.github.humbleui.skija.FontHinting;
import io.github.humbleui.skija.Typeface;
import java.util.HashMap;
import java.util.Map;

/**
 * A painter's text: cells' text through {@link SkiaText} (Skia's paragraph shaper over the bundled fonts, the same
 * code the cell host measures with), and the library's DejaVu Sans at the sizes the compositor's own decorations use.
 * The font library is one per process (never closed); the caches are per painter. Not thread-safe.
 */
final class Fonts implements AutoCloseable {

    private final SkiaText text;
    private final Typeface typeface;
    private final Map<Float, Font> bySize = new HashMap<>();

    Fonts() {
        text = new SkiaText(FontLibrary.shared());
        // the library's own DejaVu Sans, not a second copy of the face
        typeface = FontLibrary.shared().primary(false, io.github.humbleui.skija.FontStyle.NORMAL);
    }

    /** Cells' text, shaped as the cell host measured it. */
    SkiaText text() {
        return text;
    }

    /** The decorations' font at {@code size}. */
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
        text.close();
    }
}
