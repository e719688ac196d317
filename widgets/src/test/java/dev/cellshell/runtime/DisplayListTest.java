package dev.cellshell.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayListTest {

    private static void drawEveryOperation(Canvas c) {
        c.clear(Color.rgb(10, 20, 30));
        c.fillRect(1, 2, 3, 4, Color.WHITE);
        c.fillRoundRect(5, 6, 7, 8, 2.5f, 0x80FF0000);
        c.strokeRoundRect(9, 10, 11, 12, 3, 1.5f, Color.BLACK);
        c.drawLine(0, 0, 100, 50, 2, 0xFF00FF00);
        c.fillCircle(20, 20, 10, 0xFF0000FF);
        c.strokeCircle(20, 20, 12, 1, 0xFF123456);
        c.save();
        c.translate(4, 5);
        c.rotate(45);
        c.clipRect(0, 0, 50, 50);
        c.drawText("Grüße, 世界", 25, 30, 18, Color.BLACK, Align.CENTER);
        c.restore();
        c.hitRegion(0, 0, 40, 40, 20);
    }

    @Test
    void picturesTravelInsideTheListAndImpossibleLengthsAreRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        DisplayList list = DisplayList.record(c -> c.drawImage(png, 1, 2, 30, 20));
        List<Object[]> seen = new ArrayList<>();
        Canvas capture = (Canvas) java.lang.reflect.Proxy.newProxyInstance(Canvas.class.getClassLoader(),
                new Class<?>[] {Canvas.class}, (proxy, method, args) -> {
                    if (method.getName().equals("drawImage")) {
                        seen.add(args);
                    }
                    return null;
                });
        DisplayList.of(list.bytes()).replay(capture);
        assertThat(seen).hasSize(1);
        assertThat((byte[]) seen.get(0)[0]).containsExactly(png);
        assertThat(seen.get(0)).containsSubsequence(1f, 2f, 30f, 20f);
        byte[] bad = list.bytes();
        bad[2] = 0x7F;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DisplayList.of(bad))
                .hasMessageContaining("does not fit");
    }

    @Test
    void hitRegionsDecideWhereACellTakesInput() {
        DisplayList anywhere = DisplayList.record(c -> c.fillRect(0, 0, 10, 10, Color.WHITE));
        assertThat(anywhere.hitRegions()).isEmpty();
        assertThat(anywhere.hits(500, 500)).as("no region declared: the whole bounds").isTrue();

        DisplayList round = DisplayList.record(c -> c.hitRegion(0, 0, 100, 100, 50));
        assertThat(round.hitRegions()).containsExactly(new DisplayList.HitRegion("", 0, 0, 100, 100, 50));
        assertThat(round.hits(50, 50)).isTrue();
        assertThat(round.hits(3, 3)).as("a corner outside the circle").isFalse();
        assertThat(round.hits(50, 1)).isTrue();

        DisplayList two = DisplayList.record(c -> {
            c.hitRegion(0, 0, 10, 10, 0);
            c.hitRegion(90, 0, 10, 10, 0);
        });
        assertThat(two.hits(5, 5)).isTrue();
        assertThat(two.hits(50, 5)).as("between the two regions").isFalse();
        assertThat(DisplayList.of(two.bytes()).hits(95, 5)).as("regions survive the encoding").isTrue();
    }

    @Test
    void replayingARecordingReproducesTheSameBytes() {
        DisplayList original = DisplayList.record(DisplayListTest::drawEveryOperation);

        Recorder copy = new Recorder();
        DisplayList.of(original.bytes()).replay(copy);

        assertThat(copy.finish()).isEqualTo(original);
    }

    @Test
    void replayDeliversEachOperationWithItsArguments() {
        DisplayList list = DisplayList.record(DisplayListTest::drawEveryOperation);
        List<String> calls = new ArrayList<>();
        list.replay(LoggingCanvas.into(calls));

        assertThat(calls).containsExactly(
                "clear[-16116706]",
                "fillRect[1.0, 2.0, 3.0, 4.0, -1]",
                "fillRoundRect[5.0, 6.0, 7.0, 8.0, 2.5, -2130771968]",
                "strokeRoundRect[9.0, 10.0, 11.0, 12.0, 3.0, 1.5, -16777216]",
                "drawLine[0.0, 0.0, 100.0, 50.0, 2.0, -16711936]",
                "fillCircle[20.0, 20.0, 10.0, -16776961]",
                "strokeCircle[20.0, 20.0, 12.0, 1.0, -15584170]",
                "save[]",
                "translate[4.0, 5.0]",
                "rotate[45.0]",
                "clipRect[0.0, 0.0, 50.0, 50.0]",
                "drawText[Grüße, 世界, 25.0, 30.0, 18.0, -16777216, CENTER]",
                "restore[]",
                "hitRegion[0.0, 0.0, 40.0, 40.0, 20.0]");
    }

    @Test
    void unbalancedSavesAreClosedAndExtraRestoresDropped() {
        DisplayList list = DisplayList.record(c -> {
            c.restore();
            c.save();
            c.save();
        });
        List<String> calls = new ArrayList<>();
        list.replay(LoggingCanvas.into(calls));
        assertThat(calls).containsExactly("save[]", "save[]", "restore[]", "restore[]");
    }

    @Test
    void truncatedBytesAreRejectedWithTheOffset() {
        byte[] bytes = DisplayList.record(c -> c.fillRect(1, 2, 3, 4, 5)).bytes();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 2);
        assertThatThrownBy(() -> DisplayList.of(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 1")
                .hasMessageContaining("truncated");
    }

    @Test
    void unknownOperationsAndFormatsAreRejected() {
        assertThatThrownBy(() -> DisplayList.of(new byte[] {DisplayList.FORMAT, 99}))
                .hasMessageContaining("unknown operation 0x63 at offset 1");
        assertThatThrownBy(() -> DisplayList.of(new byte[] {7}))
                .hasMessageContaining("format 7, but this build reads format 2");
        assertThatThrownBy(() -> DisplayList.of(new byte[] {1, 1, 0, 0, 0, 0}))
                .hasMessageContaining("format 1, but this build reads format 2");
        assertThatThrownBy(() -> DisplayList.of(new byte[0])).hasMessageContaining("no format byte");
    }

    @Test
    void hugeTextLengthIsRejectedWithoutAllocating() {
        byte[] bytes = {DisplayList.FORMAT, 8, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> DisplayList.of(bytes)).hasMessageContaining("does not fit");
    }

    @Test
    void aFinishedRecorderRefusesMoreDrawing() {
        Recorder recorder = new Recorder();
        recorder.finish();
        assertThatThrownBy(() -> recorder.fillRect(0, 0, 1, 1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void colourParsingAcceptsRgbAndArgbAndNamesBadInput() {
        assertThat(Color.parse("#336699")).isEqualTo(0xFF336699);
        assertThat(Color.parse("#80336699")).isEqualTo(0x80336699);
        assertThat(Color.format(0xFF336699)).isEqualTo("#336699");
        assertThatThrownBy(() -> Color.parse("blue")).hasMessageContaining("'blue'");
        assertThat(PropValues.empty().with("c", "nope").color("c", 7)).isEqualTo(7);
    }
}
