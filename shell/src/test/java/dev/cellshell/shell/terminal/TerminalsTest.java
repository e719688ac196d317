package dev.cellshell.shell.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.widgets.TerminalScreen;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pty service's sessions with real programs: started on first sight, anchored scrollback, closed with the cell. */
class TerminalsTest {

    @TempDir
    Path home;
    private Terminals terminals;

    private Terminals terminals(String command) {
        terminals = new Terminals(new Terminals.Owner() {
            @Override
            public void changed(String cellId) {
            }

            @Override
            public void bell(String cellId) {
            }

            @Override
            public String command(String cellId) {
                return command;
            }
        }, home, 1000);
        return terminals;
    }

    @AfterEach
    void close() {
        if (terminals != null) {
            terminals.close();
        }
    }

    private TerminalScreen await(String what, int back, Predicate<TerminalScreen> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        TerminalScreen screen = terminals.forCell("term").screen(12, 5, back);
        while (!done.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what + ": " + terminals.describe("term"));
            }
            Thread.sleep(20);
            screen = terminals.forCell("term").screen(12, 5, back);
        }
        return screen;
    }

    @Test
    void aViewScrolledBackStaysOnItsLinesWhileOutputComes() throws Exception {
        terminals("seq 1 100; read go; seq 101 200; exec sleep 100");
        await("the first hundred", 0, s -> s.text(3).equals("100"));
        TerminalScreen back = await("the view 20 lines back", 20, s -> true);
        String top = back.text(0);
        assertThat(top).isEqualTo("77");
        terminals.forCell("term").type("\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!terminals.describe("term").get("screen").contains("200")) { // the cell asks nothing meanwhile
            assertThat(System.nanoTime()).as("the second hundred in 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        // The cell asks again with the offset it was given: the same lines, further back now.
        TerminalScreen stayed = terminals.forCell("term").screen(12, 5, back.scrolledBack());
        assertThat(stayed.text(0)).isEqualTo(top);
        assertThat(stayed.scrolledBack()).isEqualTo(back.scrolledBack() + 101);
    }

    @Test
    void aCommandThatCannotStartSaysSoAndRemovingTheCellEndsTheProgram() throws Exception {
        terminals("exec /nonexistent/program");
        TerminalScreen failed = await("the exit", 0, s -> !s.running());
        assertThat(failed.exitCode()).isNotZero();
        terminals.close("term");
        assertThat(terminals.describe("term")).isEmpty();
    }
}
