package dev.cellshell.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A million random bytes, biased towards escape sequences, never throw and leave a usable screen. */
class FuzzTest {

    private static final String[] PIECES = {"\u001b[", "\u001b]", "\u001bP", "\u001b(", "\u001b#", ";", ":", "?",
        "\u0007", "\u001b\\", "38;2;", "48;5;", "?1049h", "?1049l", "r", "H", "J", "K", "L", "M", "@", "P", "X", "m",
        "\u4e2d", "\uD83D\uDE00", "\r\n", "\t", "\b", "999999", "0", "1", "\u001b7", "\u001b8", "\u001bM", "b", "?6h",
        "\u001bc", "\u000e", "\u000f", "\u0018"};

    @Test
    void aMillionBytesOfEscapeSequenceFuzzNeverThrow() {
        Random random = new Random(20261202);
        for (int round = 0; round < 4; round++) {
            Emulator term = new Emulator(1 + random.nextInt(120), 1 + random.nextInt(50), 200, b -> { },
                    new Emulator.Listener() { });
            byte[] chunk = new byte[250_000];
            int n = 0;
            while (n < chunk.length) {
                if (random.nextInt(3) == 0) {
                    byte[] piece = PIECES[random.nextInt(PIECES.length)].getBytes(
                            java.nio.charset.StandardCharsets.UTF_8);
                    for (int i = 0; i < piece.length && n < chunk.length; i++) {
                        chunk[n++] = piece[i];
                    }
                } else {
                    chunk[n++] = (byte) random.nextInt(256);
                }
            }
            int at = 0;
            while (at < chunk.length) {
                int len = Math.min(chunk.length - at, 1 + random.nextInt(4096));
                term.feed(chunk, at, at + len);
                at += len;
                if (random.nextInt(50) == 0) {
                    term.resize(1 + random.nextInt(150), 1 + random.nextInt(60));
                }
            }
            Screen screen = term.screen();
            assertThat(screen.cursorRow()).isBetween(0, screen.rows() - 1);
            assertThat(screen.cursorColumn()).isBetween(0, screen.columns() - 1);
            for (int back = 0; back <= screen.historySize(); back += 7) {
                for (int r = 0; r < screen.rows(); r++) {
                    screen.line(r, back).text();
                }
            }
            term.feed("\u001bc\u001b[0mok");
            assertThat(screen.line(0, 0).text()).isEqualTo("ok");
        }
    }
}
