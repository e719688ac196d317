package dev.cellshell.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The operations of display-list format 2: each one round-trips, and bad operands are refused with the reason. */
class DisplayListV2Test {

    static final TextStyle STYLE = TextStyle.of(15).bold().withItalic(true).withMonospace(true)
            .withLetterSpacing(0.5f).withColor(0xFF112233);

    /** One call of each format-2 operation, in an order a real cell could use. */
    static void everyNewOperation(Canvas c) {
        c.drawText("héllo 😀", 4, 20, STYLE, Align.CENTER);
        c.drawParagraph(new Paragraph("wrap me please", STYLE, 90, Align.RIGHT, 3, 0, 0, List.of(), false), 2, 3);
        c.fillRoundRect(Rect.of(1, 2, 30, 40), 6, Fill.solid(0xFF00FF00));
        c.fillRoundRect(Rect.of(1, 2, 30, 40), 0, Fill.linear(0, 0, 30, 0, 0xFFFF0000, 0xFF0000FF));
        c.fillRoundRect(Rect.of(1, 2, 30, 40), 3, new Fill.Radial(10, 10, 20, new int[] {1, 2, 3},
                new float[] {0, 0.2f, 1}));
        c.strokeRoundRect(Rect.of(5, 5, 10, 10), 2, Stroke.of(3).withCap(Stroke.Cap.ROUND)
                .withJoin(Stroke.Join.BEVEL).withDash(4, 2), 0xFF000000);
        Path path = new Path().moveTo(0, 0).lineTo(10, 0).quadTo(15, 5, 10, 10).cubicTo(8, 12, 4, 12, 2, 10)
                .arc(5, 5, 4, 90, 180).close().evenOdd();
        c.fillPath(path, Fill.solid(0x80FFFFFF));
        c.strokePath(path, Stroke.of(1.5f), 0xFF223344);
        c.drawShadow(Rect.of(0, 0, 50, 20), 8, new Shadow(0, 4, 6, 0x40000000));
        c.saveLayer(0.5f);
        c.scale(2, 0.5f);
        c.clipRoundRect(Rect.of(0, 0, 20, 20), 5);
        c.blurBehind(Rect.of(0, 0, 20, 20), 5, 8);
        c.hitRegion("close", Rect.of(80, 0, 20, 20), 10);
        c.drawPicture(new dev.cellshell.widgets.Picture("", 0x1234_5678_9ABCL, 640, 480), Rect.of(0, 0, 64, 48),
                dev.cellshell.widgets.Fit.COVER);
        c.restore();
    }

    @Test
    void everyNewOperationRoundTripsThroughTheBytes() {
        List<String> direct = new ArrayList<>();
        everyNewOperation(LoggingCanvas.into(direct));
        DisplayList list = DisplayList.of(DisplayList.record(DisplayListV2Test::everyNewOperation).bytes());
        List<String> replayed = new ArrayList<>();
        list.replay(LoggingCanvas.into(replayed));
        assertThat(replayed).containsExactlyElementsOf(direct);
        assertThat(list.operationCount()).isEqualTo(direct.size());
    }

    @Test
    void pathsKeepEveryVerbAndNumber() {
        Path path = new Path().moveTo(1, 2).cubicTo(3, 4, 5, 6, 7, 8).arc(0, 0, 5, 0, 90).close();
        Path[] seen = new Path[1];
        DisplayList.record(c -> c.fillPath(path, Fill.solid(1))).replay(new CanvasAdapter() {
            @Override
            public void fillPath(Path p, Fill fill) {
                seen[0] = p;
            }
        });
        assertThat(seen[0].verbCount()).isEqualTo(4);
        assertThat(seen[0].verb(1)).isEqualTo(Path.Verb.CUBIC);
        assertThat(seen[0].numbers()).containsExactly(path.numbers());
    }

    @Test
    void namedHitRegionsSayWhichPartWasHitLastDeclaredFirst() {
        DisplayList list = DisplayList.record(c -> {
            c.hitRegion("card", Rect.of(0, 0, 100, 100), 0);
            c.hitRegion("close", Rect.of(80, 0, 20, 20), 10);
        });
        assertThat(list.regionAt(90, 10)).isEqualTo("close");
        assertThat(list.regionAt(10, 50)).isEqualTo("card");
        assertThat(list.regionAt(81, 1)).isEqualTo("card");
        assertThat(list.regionAt(150, 150)).isEmpty();
        assertThat(list.hits(150, 150)).isFalse();
        assertThat(DisplayList.record(c -> c.hitRegion(0, 0, 10, 10, 0)).regionAt(5, 5)).isEmpty();
    }

    @Test
    void theApiRefusesBadValuesWithTheReason() {
        assertThatThrownBy(() -> TextStyle.of(0)).hasMessageContaining("text size");
        assertThatThrownBy(() -> TextStyle.of(12).withWeight(0)).hasMessageContaining("weight");
        assertThatThrownBy(() -> Stroke.of(-1)).hasMessageContaining("stroke width");
        assertThatThrownBy(() -> Stroke.of(1).withDash(3)).hasMessageContaining("even number");
        assertThatThrownBy(() -> Fill.linear(0, 0, 1, 1, 0xFF000000)).hasMessageContaining("2-16 colours");
        assertThatThrownBy(() -> new Fill.Linear(0, 0, 1, 1, new int[] {1, 2}, new float[] {0.5f, 0.2f}))
                .hasMessageContaining("go up");
        assertThatThrownBy(() -> new Path().lineTo(Float.NaN, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Shadow(0, 0, 500, 0)).hasMessageContaining("blur");
        Recorder recorder = new Recorder();
        assertThatThrownBy(() -> recorder.saveLayer(2)).hasMessageContaining("opacity");
        assertThatThrownBy(() -> recorder.hitRegion("", Rect.of(0, 0, 1, 1), 0)).hasMessageContaining("name");
        assertThatThrownBy(() -> recorder.blurBehind(Rect.of(0, 0, 1, 1), 0, -1)).hasMessageContaining("blur");
    }

    @Test
    void operandsOutsideTheirRangeInTheBytesAreRefusedWithTheOffset() {
        byte[] good = DisplayList.record(c -> c.saveLayer(0.5f)).bytes();
        byte[] bad = good.clone();
        // opacity 0.5 -> 2.0 (0x40000000)
        bad[2] = 0x40;
        bad[3] = 0;
        assertThatThrownBy(() -> DisplayList.of(bad)).hasMessageContaining("saveLayer at offset 1")
                .hasMessageContaining("opacity");
        byte[] style = DisplayList.record(c -> c.drawText("x", 0, 0, TextStyle.of(10), Align.LEFT)).bytes();
        byte[] weightless = style.clone();
        // the weight int sits after op, length, 'x', x, baseline, size
        int weightAt = 1 + 1 + 4 + 1 + 4 + 4 + 4;
        weightless[weightAt + 2] = 0;
        weightless[weightAt + 3] = 0;
        assertThatThrownBy(() -> DisplayList.of(weightless)).hasMessageContaining("weight");
    }

    @Test
    void openLayersAreClosedAtTheEnd() {
        List<String> calls = new ArrayList<>();
        DisplayList.record(c -> {
            c.saveLayer(0.3f);
            c.save();
        }).replay(LoggingCanvas.into(calls));
        assertThat(calls).containsExactly("saveLayer[0.3]", "save[]", "restore[]", "restore[]");
    }

    static DisplayList recorded(Consumer<Canvas> drawing) {
        return DisplayList.record(drawing);
    }
}
