package dev.cellshell.text;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.FontMetrics;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Text;
import dev.cellshell.widgets.TextStyle;
import io.github.humbleui.skija.Font;
import io.github.humbleui.skija.FontEdging;
import io.github.humbleui.skija.FontHinting;
import io.github.humbleui.skija.FontSlant;
import io.github.humbleui.skija.FontStyle;
import io.github.humbleui.skija.FontWidth;
import io.github.humbleui.skija.paragraph.Alignment;
import io.github.humbleui.skija.paragraph.LineMetrics;
import io.github.humbleui.skija.paragraph.ParagraphBuilder;
import io.github.humbleui.skija.paragraph.ParagraphStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Text} with Skia's paragraph shaper over the {@link FontLibrary}: cells measure with it in the cell host, and
 * the compositor lays the same text out with it again to draw ({@link #shaped}), so both agree on every line break.
 * Laid-out paragraphs are kept (the last {@value #CACHED}), so measuring the same text in every render costs a map
 * lookup. Not thread-safe: one per thread that uses it (the host's cell thread, a painter).
 */
public final class SkiaText implements Text, AutoCloseable {

    static final int CACHED = 512;
    static final String ELLIPSIS = "\u2026";

    private final FontLibrary fonts;
    private final boolean ownsFonts;
    private final Map<Shape, io.github.humbleui.skija.paragraph.Paragraph> shaped = new LinkedHashMap<>(64, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, io.github.humbleui.skija.paragraph.Paragraph> eldest) {
            if (size() > CACHED) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private final Map<TextStyle, FontMetrics> metrics = new LinkedHashMap<>();
    private final Map<Shape, Paragraph> measured = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, Paragraph> eldest) {
            return size() > CACHED;
        }
    };

    /** What makes two layouts the same. {@code maxWidth} is infinite for one unwrapped line. */
    record Shape(String text, TextStyle style, float maxWidth, Align align, int maxLines) {
    }

    public SkiaText() {
        this(new FontLibrary(), true);
    }

    public SkiaText(FontLibrary fonts) {
        this(fonts, false);
    }

    private SkiaText(FontLibrary fonts, boolean ownsFonts) {
        this.fonts = fonts;
        this.ownsFonts = ownsFonts;
    }

    @Override
    public FontMetrics metrics(TextStyle style) {
        TextStyle key = style.withColor(0).withLetterSpacing(0);
        FontMetrics known = metrics.get(key);
        if (known != null) {
            return known;
        }
        try (Font font = new Font(fonts.primary(style.monospace(), fontStyle(style)), style.size())) {
            font.setEdging(FontEdging.ANTI_ALIAS);
            font.setHinting(FontHinting.NONE);
            font.setSubpixel(true);
            io.github.humbleui.skija.FontMetrics m = font.getMetrics();
            FontMetrics result = new FontMetrics(-m.getAscent(), m.getDescent(), m.getLeading(),
                    m.getCapHeight(), m.getXHeight());
            if (metrics.size() > CACHED) {
                metrics.clear();
            }
            metrics.put(key, result);
            return result;
        }
    }

    @Override
    public float measure(String text, TextStyle style) {
        return shaped(text, style, Float.POSITIVE_INFINITY, Align.LEFT, 0).getMaxIntrinsicWidth();
    }

    @Override
    public Paragraph layout(String text, TextStyle style, float maxWidth, Align align, int maxLines) {
        if (!(maxWidth > 0) || Float.isNaN(maxWidth)) {
            throw new IllegalArgumentException("a paragraph's width must be more than 0, not " + maxWidth);
        }
        if (maxLines < 0 || maxLines > Paragraph.MAX_LINES) {
            throw new IllegalArgumentException("maxLines must be 0 (no limit) to " + Paragraph.MAX_LINES + ", not "
                    + maxLines);
        }
        Shape shape = new Shape(text, style, maxWidth, align, maxLines);
        Paragraph known = measured.get(shape);
        if (known != null) {
            return known;
        }
        io.github.humbleui.skija.paragraph.Paragraph laid = shaped(text, style, maxWidth, align, maxLines);
        List<Paragraph.Line> lines = new ArrayList<>();
        for (LineMetrics line : laid.getLineMetrics()) {
            lines.add(new Paragraph.Line((int) line.getStartIndex(), (int) line.getEndIndex(), (float) line.getLeft(),
                    (float) line.getBaseline(), (float) line.getWidth(), (float) line.getAscent(),
                    (float) line.getDescent()));
        }
        Paragraph result = new Paragraph(text, style, maxWidth, align, maxLines, laid.getLongestLine(),
                laid.getHeight(), lines, laid.didExceedMaxLines());
        measured.put(shape, result);
        return result;
    }

    @Override
    public int offsetAt(String text, TextStyle style, float x) {
        if (text.isEmpty()) {
            return 0;
        }
        int position = shaped(text, style, Float.POSITIVE_INFINITY, Align.LEFT, 0)
                .getGlyphPositionAtCoordinate(x, 0).getPosition();
        return Math.max(0, Math.min(text.length(), position));
    }

    /**
     * The laid-out Skia paragraph for these inputs (cached; owned by this object, do not close it): what the compositor
     * paints. {@code maxWidth} infinite: one line per {@code \n}, no wrapping.
     */
    public io.github.humbleui.skija.paragraph.Paragraph shaped(String text, TextStyle style, float maxWidth,
            Align align, int maxLines) {
        Shape shape = new Shape(text, style, maxWidth, align, maxLines);
        io.github.humbleui.skija.paragraph.Paragraph paragraph = shaped.get(shape);
        if (paragraph != null) {
            return paragraph;
        }
        try (io.github.humbleui.skija.paragraph.TextStyle skiaStyle = new io.github.humbleui.skija.paragraph.TextStyle();
                ParagraphStyle paragraphStyle = new ParagraphStyle()) {
            skiaStyle.setFontSize(style.size());
            skiaStyle.setColor(style.color());
            skiaStyle.setFontStyle(fontStyle(style));
            skiaStyle.setLetterSpacing(style.letterSpacing());
            skiaStyle.setFontFamilies(fonts.families(style.monospace()));
            paragraphStyle.setTextStyle(skiaStyle);
            paragraphStyle.setAlignment(switch (align) {
                case LEFT -> Alignment.LEFT;
                case CENTER -> Alignment.CENTER;
                case RIGHT -> Alignment.RIGHT;
            });
            if (maxLines > 0) {
                paragraphStyle.setMaxLinesCount(maxLines);
                paragraphStyle.setEllipsis(ELLIPSIS);
            }
            paragraphStyle.disableHinting();
            try (ParagraphBuilder builder = new ParagraphBuilder(paragraphStyle, fonts.collection());
                    io.github.humbleui.skija.paragraph.TextStyle emojiStyle = emoji(skiaStyle)) {
                builder.pushStyle(skiaStyle);
                addRuns(builder, text, emojiStyle);
                paragraph = builder.build();
            }
        }
        paragraph.layout(maxWidth);
        shaped.put(shape, paragraph);
        return paragraph;
    }

    /**
     * Adds {@code text}, with its emoji in {@code emojiStyle}: DejaVu Sans has black-and-white drawings of some emoji,
     * and would take them before the colour face got a chance, while the colour face has digits (for keycaps) that
     * must not replace DejaVu's. So emoji runs ask for the colour face first and everything else for DejaVu first.
     */
    private static void addRuns(ParagraphBuilder builder, String text,
            io.github.humbleui.skija.paragraph.TextStyle emojiStyle) {
        int start = 0;
        boolean inEmoji = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean emoji = isEmoji(cp) || (inEmoji && (cp == 0x200D || cp == 0xFE0F || cp >= 0x1F3FB && cp <= 0x1F3FF
                    || cp >= 0xE0020 && cp <= 0xE007F));
            if (emoji != inEmoji) {
                add(builder, text.substring(start, i), inEmoji, emojiStyle);
                start = i;
                inEmoji = emoji;
            }
            i += Character.charCount(cp);
        }
        add(builder, text.substring(start), inEmoji, emojiStyle);
    }

    private static void add(ParagraphBuilder builder, String run, boolean emoji,
            io.github.humbleui.skija.paragraph.TextStyle emojiStyle) {
        if (run.isEmpty()) {
            return;
        }
        if (emoji) {
            builder.pushStyle(emojiStyle);
            builder.addText(run);
            builder.popStyle();
        } else {
            builder.addText(run);
        }
    }

    /** Pictographs that have a colour drawing: the emoji blocks, dingbats and symbols, regional indicators. */
    static boolean isEmoji(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF || cp >= 0x2B00 && cp <= 0x2BFF
                || cp >= 0x1F1E6 && cp <= 0x1F1FF || cp == 0x231A || cp == 0x231B || cp == 0x23F0 || cp == 0x23F3;
    }

    private io.github.humbleui.skija.paragraph.TextStyle emoji(io.github.humbleui.skija.paragraph.TextStyle base) {
        io.github.humbleui.skija.paragraph.TextStyle emoji = new io.github.humbleui.skija.paragraph.TextStyle();
        emoji.setFontSize(base.getFontSize());
        emoji.setColor(base.getColor());
        emoji.setFontStyle(base.getFontStyle());
        emoji.setLetterSpacing(base.getLetterSpacing());
        emoji.setFontFamilies(fonts.emojiFirst());
        return emoji;
    }

    private static FontStyle fontStyle(TextStyle style) {
        return new FontStyle(style.weight(), FontWidth.NORMAL, style.italic() ? FontSlant.ITALIC : FontSlant.UPRIGHT);
    }

    @Override
    public void close() {
        shaped.values().forEach(io.github.humbleui.skija.paragraph.Paragraph::close);
        shaped.clear();
        if (ownsFonts) {
            fonts.close();
        }
    }
}
