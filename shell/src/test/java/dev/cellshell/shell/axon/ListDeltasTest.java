package dev.cellshell.shell.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ListDeltasTest {

    @Test
    void aDrawingThatChangedInTheMiddleCrossesAsItsMiddle() {
        ListDeltas sender = new ListDeltas();
        ListDeltas receiver = new ListDeltas();
        byte[] first = "face of the clock 10:04:31 and the rest of the face, long enough to be worth a delta"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] second = "face of the clock 10:04:32 and the rest of the face, long enough to be worth a delta"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ListDeltas.Delta whole = sender.encode(7, first);
        assertThat(whole.prefix()).isEqualTo(-1);
        assertThat(receiver.decode(7, whole.prefix(), whole.suffix(), whole.middle())).isEqualTo(first);
        ListDeltas.Delta delta = sender.encode(7, second);
        assertThat(delta.middle()).hasSize(1).containsExactly((byte) '2');
        assertThat(receiver.decode(7, delta.prefix(), delta.suffix(), delta.middle())).isEqualTo(second);
    }

    @Test
    void randomDrawingsAlwaysComeOutWhole() {
        Random random = new Random(42);
        ListDeltas sender = new ListDeltas();
        ListDeltas receiver = new ListDeltas();
        byte[] current = new byte[300];
        random.nextBytes(current);
        for (int i = 0; i < 2_000; i++) {
            byte[] next = current.clone();
            int kind = random.nextInt(4);
            if (kind == 0) {
                next = new byte[random.nextInt(400)];
                random.nextBytes(next);
            } else if (kind == 1 && next.length > 0) {
                next[random.nextInt(next.length)] ^= 1;
            } else if (kind == 2) {
                next = java.util.Arrays.copyOf(next, Math.max(0, next.length + random.nextInt(41) - 20));
            }
            long instance = 1 + random.nextInt(3);
            ListDeltas.Delta delta = sender.encode(instance, next);
            assertThat(receiver.decode(instance, delta.prefix(), delta.suffix(), delta.middle())).isEqualTo(next);
            current = next;
        }
    }

    @Test
    void aDeltaThatDoesNotFitIsRefusedNotGuessed() {
        ListDeltas receiver = new ListDeltas();
        assertThatThrownBy(() -> receiver.decode(3, 10, 10, new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
        receiver.decode(3, -1, -1, new byte[20]);
        assertThatThrownBy(() -> receiver.decode(3, 15, 10, new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
