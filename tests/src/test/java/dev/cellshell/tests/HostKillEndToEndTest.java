package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.ControlMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The membrane regenerates: the shared cell host is killed with SIGKILL fifty times in a row while the clock ticks
 * (a timed re-render every second), and each time a new host comes up, every cell runs again with its saved state
 * (the Button's click count keeps growing across the kills) and the desktop draws new frames.
 */
class HostKillEndToEndTest {

    private static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void fiftyKillsOfTheHostMidAnimationLoseNoCellAndNoState() throws Exception {
        try (RunningShell shell = RunningShell.startLive(dir.resolve("workspace"), "--headless")) {
            int clicks = 0;
            List<Long> restoredAfterMillis = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                if (kill % 10 == 1) {
                    ControlMessage reply = shell.call(new ControlMessage.ClickRequest(100, 200));
                    assertThat(reply).as("a click on the button").isInstanceOf(ControlMessage.ClickReply.class);
                    clicks++;
                }
                List<ProcessHandle> hosts = shell.hosts();
                assertThat(hosts).as("kill %d: a host to kill", kill).hasSize(1);
                ProcessHandle host = hosts.get(0);
                long killed = System.nanoTime();
                host.destroyForcibly();
                host.onExit().join();
                long restored = awaitRestored(shell, host, "clicks=" + clicks, kill);
                restoredAfterMillis.add((restored - killed) / 1_000_000);
            }
            long presented = shell.status().presentedScene();
            shell.awaitPresented(presented + 2, Duration.ofSeconds(30));
            List<Long> sorted = restoredAfterMillis.stream().sorted().toList();
            System.out.printf("host kill → all cells back: p50 %d ms, p95 %d ms, max %d ms over %d kills%n",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 95 / 100), sorted.get(sorted.size() - 1),
                    sorted.size());
        }
    }

    /**
     * Waits for a new host, all cells healthy and the button's state back (returns when that was seen), then for a
     * new frame presented.
     */
    private static long awaitRestored(RunningShell shell, ProcessHandle dead, String buttonState, int kill)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> hosts = shell.hosts();
            ControlMessage.StatusReply status = shell.status();
            boolean newHost = hosts.size() == 1 && hosts.get(0).pid() != dead.pid();
            boolean cellsRun = status.cells().size() == 3 && status.cells().stream()
                    .allMatch(c -> c.lastError().isEmpty() && c.generation() > 0 && c.health().equals("ok"));
            boolean stateBack = status.cells().stream().anyMatch(c -> c.cellId().equals("button")
                    && c.state().contains(buttonState));
            if (newHost && cellsRun && stateBack) {
                long seen = System.nanoTime();
                shell.awaitPresented(status.presentedScene() + 1, Duration.ofSeconds(30));
                return seen;
            }
            last = "hosts " + hosts.stream().map(ProcessHandle::pid).toList() + ", cells " + status.cells().stream()
                    .map(c -> c.cellId() + " gen " + c.generation() + " [" + c.state() + "] " + c.lastError())
                    .collect(Collectors.joining("; "));
            Thread.sleep(10);
        }
        throw new AssertionError("kill " + kill + ": the desktop did not come back within 60 s: " + last + "\n"
                + shell.log());
    }
}
