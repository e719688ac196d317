package dev.cellshell.compositor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An overlay's shape of a rounded hit region: the rectangle minus its corners, rows inside the bounds. */
class OverlayShapeTest {

    private static boolean covered(List<float[]> rects, float px, float py) {
        return rects.stream().anyMatch(r -> px >= r[0] && px < r[0] + r[2] && py >= r[1] && py < r[1] + r[3]);
    }

    @Test
    void aRoundedRegionLeavesItsCornersOut() {
        List<float[]> rects = new ArrayList<>();
        SurfaceWindow.rounded(rects, 10, 20, 100, 50, 12);
        assertThat(covered(rects, 60, 45)).as("the middle").isTrue();
        assertThat(covered(rects, 60, 20.5f)).as("the top edge's middle").isTrue();
        assertThat(covered(rects, 10.5f, 45)).as("the left edge's middle").isTrue();
        for (float[] corner : new float[][] {{10.5f, 20.5f}, {109.5f, 20.5f}, {10.5f, 69.5f}, {109.5f, 69.5f}}) {
            assertThat(covered(rects, corner[0], corner[1])).as("corner %s,%s", corner[0], corner[1]).isFalse();
        }
        for (float[] r : rects) {
            assertThat(r[0]).isGreaterThanOrEqualTo(10);
            assertThat(r[1]).isGreaterThanOrEqualTo(20);
            assertThat(r[0] + r[2]).isLessThanOrEqualTo(110);
            assertThat(r[1] + r[3]).isLessThanOrEqualTo(70);
        }
    }

    @Test
    void aSquareOrTinyRadiusIsOneRectangle() {
        List<float[]> rects = new ArrayList<>();
        SurfaceWindow.rounded(rects, 0, 0, 40, 30, 0);
        SurfaceWindow.rounded(rects, 0, 0, 4, 2, 50);
        assertThat(rects).hasSize(2);
        assertThat(rects.get(0)).containsExactly(0, 0, 40, 30);
    }
}
