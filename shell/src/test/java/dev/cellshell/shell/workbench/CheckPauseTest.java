package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckPauseTest {

    @Test
    void thePauseFollowsTheMedianOfRecentCompilesWithinItsBounds() {
        CheckPause pause = new CheckPause();
        assertThat(pause.millis()).as("before any compile").isEqualTo(100);
        pause.compiled(70_000_000);
        assertThat(pause.millis()).isEqualTo(70);
        pause.compiled(3_000_000_000L);   // one slow compile (a cold JIT) does not set the pace
        pause.compiled(60_000_000);
        assertThat(pause.millis()).isEqualTo(70);
        for (int i = 0; i < 5; i++) {
            pause.compiled(1_000_000);     // cache hits
        }
        assertThat(pause.millis()).isEqualTo(CheckPause.MIN_MILLIS);
        for (int i = 0; i < 5; i++) {
            pause.compiled(900_000_000);
        }
        assertThat(pause.millis()).isEqualTo(CheckPause.MAX_MILLIS);
    }
}
