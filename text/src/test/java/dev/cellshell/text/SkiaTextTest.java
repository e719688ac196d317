package dev.cellshell.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.FontMetrics;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.TextStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SkiaTextTest {

    private static SkiaText text;
    private static final TextStyle BODY = TextStyle.of(16);

    @BeforeAll
    static void open() {
        text = new SkiaText();
    }

    @AfterAll
    static void close() {
        text.close();
    }

    @Test
    void metricsAreTheBundledFontsAndScaleWithSize() {
        FontMetrics m = text.metrics(BODY);
        assertThat(m.ascent()).isBetween(14f, 16f);
        assertThat(m.descent()).isBetween(3f, 5f);
        assertThat(m.capHeight()).isBetween(11f, 12.5f);
        assertThat(text.metrics(BODY.withSize(32)).ascent()).isCloseTo(2 * m.ascent(), org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void widthsAddUpAndStylesChangeThem() {
        float a = text.measure("Hello", BODY);
        float b = text.measure(" world", BODY);
        assertThat(text.measure("Hello world", BODY)).isCloseTo(a + b, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(text.measure("Hello", BODY.bold())).isGreaterThan(a);
        assertThat(text.measure("Hello", BODY.withLetterSpacing(2))).isCloseTo(a + 10, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(text.measure("iiii", BODY.withMonospace(true))).isEqualTo(text.measure("WWWW", BODY.withMonospace(true)));
        assertThat(text.measure("", BODY)).isZero();
    }

    @Test
    void paragraphsWrapBetweenWordsWithinTheWidth() {
        String words = "The quick brown fox jumps over the lazy dog again and again";
        Paragraph p = text.layout(words, BODY, 120);
        assertThat(p.lineCount()).isGreaterThan(3);
        for (Paragraph.Line line : p.lines()) {
            assertThat(line.width()).isLessThanOrEqualTo(120.01f);
            assertThat(words.charAt(line.start())).isNotEqualTo(' ');
        }
        assertThat(p.height()).isCloseTo(p.lineCount() * text.metrics(BODY).lineHeight(),
                org.assertj.core.data.Offset.offset(p.lineCount() * 1.5f));
        assertThat(p.truncated()).isFalse();
    }

    @Test
    void maxLinesCutsWithAnEllipsis() {
        Paragraph p = text.layout("one two three four five six seven eight nine ten", BODY, 80, Align.LEFT, 2);
        assertThat(p.lineCount()).isEqualTo(2);
        assertThat(p.truncated()).isTrue();
    }

    @Test
    void centredLinesStartHalfTheSlackIn() {
        Paragraph p = text.layout("short", BODY, 200, Align.CENTER, 0);
        Paragraph.Line line = p.lines().get(0);
        assertThat(line.left()).isCloseTo((200 - line.width()) / 2, org.assertj.core.data.Offset.offset(0.5f));
    }

    @Test
    void cjkAndEmojiResolveThroughTheFallbackFaces() {
        assertThat(text.shaped("漢字かなカナ한국어", BODY, Float.POSITIVE_INFINITY, Align.LEFT, 0)
                .getUnresolvedGlyphsCount()).isZero();
        assertThat(text.shaped("ok 😀👍", BODY, Float.POSITIVE_INFINITY, Align.LEFT, 0)
                .getUnresolvedGlyphsCount()).isZero();
        assertThat(text.measure("漢字", BODY)).isGreaterThan(text.measure("ab", BODY));
    }

    @Test
    void emojiAreDrawnInColourWhileDigitsBesideThemStayDejaVus() {
        // DejaVu has a black-and-white smiley; the colour face must win for emoji runs only
        try (io.github.humbleui.skija.Surface surface = io.github.humbleui.skija.Surface.makeRasterN32Premul(80, 30)) {
            surface.getCanvas().clear(0xFFFFFFFF);
            text.shaped("😀", TextStyle.of(20), Float.POSITIVE_INFINITY, Align.LEFT, 0).paint(surface.getCanvas(), 0,
                    0);
            io.github.humbleui.skija.Bitmap bitmap = new io.github.humbleui.skija.Bitmap();
            bitmap.allocN32Pixels(80, 30);
            surface.readPixels(bitmap, 0, 0);
            boolean yellow = false;
            for (int y = 0; y < 30 && !yellow; y++) {
                for (int x = 0; x < 30 && !yellow; x++) {
                    int c = bitmap.getColor(x, y);
                    yellow = (c >> 16 & 0xFF) > 200 && (c >> 8 & 0xFF) > 150 && (c & 0xFF) < 100;
                }
            }
            assertThat(yellow).as("a yellow pixel in the smiley").isTrue();
        }
        assertThat(text.measure("1😀2", BODY)).isGreaterThan(text.measure("12", BODY));
        assertThat(text.measure("12", BODY)).isEqualTo(text.measure("1", BODY) + text.measure("2", BODY),
                org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void lineOffsetsCountJavaCharactersAcrossNonAsciiText() {
        String s = "ééé ééé ééé ééé ééé ééé";
        Paragraph p = text.layout(s, BODY, 60);
        assertThat(p.lineCount()).isGreaterThan(1);
        assertThat(p.lines().get(p.lineCount() - 1).end()).isEqualTo(s.length());
        assertThat(p.lines().get(1).start()).isEqualTo(s.indexOf("ééé", p.lines().get(0).end() - 1));
    }

    @Test
    void offsetAtFindsTheNearestCaretPlace() {
        String s = "abcdef";
        float ab = text.measure("ab", BODY);
        assertThat(text.offsetAt(s, BODY, ab + 0.5f)).isEqualTo(2);
        assertThat(text.offsetAt(s, BODY, -10)).isZero();
        assertThat(text.offsetAt(s, BODY, 1000)).isEqualTo(6);
    }

    @Test
    void badSizesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> text.layout("x", BODY, 0)).hasMessageContaining("width");
        assertThatThrownBy(() -> text.layout("x", BODY, 10, Align.LEFT, -1)).hasMessageContaining("maxLines");
    }
}
