package dev.cellshell.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real programs in a real pseudo-terminal: bash, vi, top, a resize, an exit and a restart. */
class TerminalSessionTest {

    @TempDir
    Path home;
    private TerminalSession session;
    private final AtomicInteger exits = new AtomicInteger();
    private final AtomicInteger bells = new AtomicInteger();

    private TerminalSession bash(int columns, int rows) throws Exception {
        Map<String, String> environment = Map.of("HOME", home.toString(), "PS1", "$ ", "LANG", "C.UTF-8");
        session = TerminalSession.start(new TerminalSession.Launch(List.of("/bin/bash", "--norc", "--noprofile"),
                home, environment), columns, rows, 1000, new TerminalSession.Events() {
                    @Override
                    public void changed() {
                    }

                    @Override
                    public void bell() {
                        bells.incrementAndGet();
                    }

                    @Override
                    public void exited(int code) {
                        exits.incrementAndGet();
                    }
                });
        waitFor("a prompt", e -> e.screen().text().contains("$"));
        return session;
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private void type(String text) {
        session.send(text.getBytes(StandardCharsets.UTF_8));
    }

    private String screen() {
        return session.read(e -> e.screen().text());
    }

    private void waitFor(String what, Predicate<Emulator> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (session.read(condition::test)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("waited 30 s for " + what + "; the screen is:\n" + screen());
    }

    @Test
    void printfWithColoursCursorMovesAndWideCharacters() throws Exception {
        bash(60, 10);
        type("clear; printf '\\033[31mred\\033[0m \\033[38;2;1;2;3mrgb\\033[0m \\xe4\\xb8\\xad\\xe6\\x96\\x87|"
                + "\\033[5;20Hhere\\033[1;44mB\\n'\r");
        waitFor("the printf", e -> e.screen().line(4, 0).text().endsWith("hereB")
                && e.screen().text().contains("red rgb"));
        String[] lines = screen().split("\n", -1);
        int row = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("red rgb")) {
                row = i;
            }
        }
        assertThat(row).as(screen()).isGreaterThanOrEqualTo(0);
        assertThat(lines[row]).isEqualTo("red rgb \u4e2d\u6587|");
        assertThat(lines[4]).isEqualTo(" ".repeat(19) + "hereB");
        int r = row;
        session.read(e -> {
            Screen.Line line = e.screen().line(r, 0);
            assertThat(Style.foreground(line.styleAt(0))).isEqualTo(1);
            assertThat(Style.foreground(line.styleAt(4))).isEqualTo(Style.RGB_FLAG | 0x010203);
            assertThat(Style.attributes(line.styleAt(8)) & Style.WIDE).isNotZero();
            assertThat(line.charAt(12)).isEqualTo('|');
            Screen.Line here = e.screen().line(4, 0);
            assertThat(Style.background(here.styleAt(23))).isEqualTo(4);
            assertThat(Style.attributes(here.styleAt(23)) & Style.BOLD).isNotZero();
            return null;
        });
    }

    @Test
    void resizeSendsSigwinchAndSttyAgrees() throws Exception {
        bash(80, 24);
        type("stty size\r");
        waitFor("24 80", e -> e.screen().text().contains("24 80"));
        session.resize(100, 30);
        type("stty size; trap 'echo got-winch' WINCH\r");
        waitFor("30 100", e -> e.screen().text().contains("30 100"));
        session.resize(70, 20);
        type("stty size\r");
        waitFor("20 70 after the trap", e -> e.screen().text().contains("20 70"));
        assertThat(screen()).contains("got-winch");
    }

    @Test
    void viOpensEditsSavesAndQuits() throws Exception {
        bash(80, 24);
        type("vi notes.txt\r");
        waitFor("vi's screen", e -> e.screen().onAlternate() && e.screen().text().contains("~"));
        type("ihello from vi");
        waitFor("the typed text", e -> e.screen().text().contains("hello from vi"));
        type("\u001b:wq\r");
        waitFor("the prompt again", e -> !e.screen().onAlternate() && e.screen().text().contains("vi notes.txt"));
        assertThat(Files.readString(home.resolve("notes.txt"))).isEqualTo("hello from vi\n");
    }

    @Test
    void htopDrawsInTheAlternateScreenAndTheNormalOneComesBack() throws Exception {
        bash(100, 30);
        type("echo before-top; htop -d 10\r");
        waitFor("htop's meters", e -> e.screen().onAlternate() && e.screen().text().contains("Load average"));
        assertThat(screen()).doesNotContain("before-top");
        type("q");
        waitFor("the normal screen", e -> !e.screen().onAlternate());
        waitFor("what was there before", e -> e.screen().text().contains("before-top"));
    }

    @Test
    void aProgramThatExitsLeavesItsScreenAndStartsAgain() throws Exception {
        bash(60, 10);
        type("echo bye; printf '\\a'; exit 3\r");
        waitFor("the exit", e -> !session.running());
        assertThat(session.exitCode()).isEqualTo(3);
        assertThat(exits.get()).isEqualTo(1);
        assertThat(bells.get()).isEqualTo(1);
        assertThat(screen()).contains("bye");
        long first = session.pid();
        session.restart();
        waitFor("a new prompt", e -> session.running() && e.screen().text().trim().endsWith("$"));
        assertThat(session.pid()).isNotEqualTo(first);
        type("echo again\r");
        waitFor("the new shell's output", e -> e.screen().text().contains("again\n"));
        assertThat(screen()).contains("bye");
    }

    @Test
    void closingEndsTheProgramAndWhatItStarted() throws Exception {
        bash(60, 10);
        type("sleep 1000 & echo started-$!\r");
        waitFor("the background job", e -> e.screen().text().matches("(?s).*started-\\d+.*"));
        String text = screen();
        long sleeper = Long.parseLong(text.replaceAll("(?s).*started-(\\d+).*", "$1"));
        long shell = session.pid();
        session.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (ProcessHandle.of(shell).map(ProcessHandle::isAlive).orElse(false)
                || ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false))) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(shell).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        session = null;
    }
}
