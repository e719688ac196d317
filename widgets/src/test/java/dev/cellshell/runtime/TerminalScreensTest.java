package dev.cellshell.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.TerminalScreen;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A terminal screen as ints and back; what a host gets is checked before it becomes a screen. */
class TerminalScreensTest {

    private static int[] sample() {
        return TerminalScreens.encode(new TerminalScreen(10, 2, 3, 1, true, 5, "vim \u00e9", true, 0, 42, 0, true,
                List.of(List.of(new TerminalScreen.Run(0, 5, "hello", 1, TerminalScreen.DEFAULT_COLOR,
                        TerminalScreen.BOLD), new TerminalScreen.Run(6, 2, "\u4e2d", TerminalScreen.RGB | 0x102030, 4,
                        0)), List.of())));
    }

    @Test
    void aScreenRoundTrips() {
        TerminalScreen screen = TerminalScreens.decode(sample());
        assertThat(screen.columns()).isEqualTo(10);
        assertThat(screen.rows()).isEqualTo(2);
        assertThat(screen.cursorColumn()).isEqualTo(3);
        assertThat(screen.cursorRow()).isEqualTo(1);
        assertThat(screen.cursorVisible()).isTrue();
        assertThat(screen.cursorShape()).isEqualTo(5);
        assertThat(screen.title()).isEqualTo("vim \u00e9");
        assertThat(screen.running()).isTrue();
        assertThat(screen.scrollback()).isEqualTo(42);
        assertThat(screen.mouseReporting()).isTrue();
        assertThat(screen.lines().get(0)).hasSize(2);
        TerminalScreen.Run first = screen.lines().get(0).get(0);
        assertThat(first.text()).isEqualTo("hello");
        assertThat(first.has(TerminalScreen.BOLD)).isTrue();
        assertThat(first.foreground()).isEqualTo(1);
        assertThat(screen.lines().get(0).get(1).foreground()).isEqualTo(TerminalScreen.RGB | 0x102030);
        assertThat(screen.text(0)).isEqualTo("hello \u4e2d");
        assertThat(screen.lines().get(1)).isEmpty();
    }

    @Test
    void malformedScreensAreRefusedWithAReasonAndNeverThrowAnythingElse() {
        int[] good = sample();
        assertThatThrownBy(() -> TerminalScreens.decode(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        int[] wideRun = good.clone();
        wideRun[2] = 600; // rows beyond the cap
        assertThatThrownBy(() -> TerminalScreens.decode(wideRun)).isInstanceOf(IllegalArgumentException.class);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int[] broken = good.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                broken[random.nextInt(broken.length)] = random.nextInt(3) == 0 ? random.nextInt()
                        : random.nextInt(20) - 5;
            }
            try {
                TerminalScreens.decode(broken);
            } catch (IllegalArgumentException refused) {
                // a reason is all a broken screen gets
            }
        }
    }

    @Test
    void thePaletteBeyondSixteenIsXtermsCubeAndGreys() {
        assertThat(TerminalScreen.paletteRgb(16)).isEqualTo(0x000000);
        assertThat(TerminalScreen.paletteRgb(196)).isEqualTo(0xff0000);
        assertThat(TerminalScreen.paletteRgb(231)).isEqualTo(0xffffff);
        assertThat(TerminalScreen.paletteRgb(232)).isEqualTo(0x080808);
        assertThat(TerminalScreen.paletteRgb(255)).isEqualTo(0xeeeeee);
    }
}
