package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.ChangeReply;
import dev.cellshell.ipc.ControlMessage.ChangeRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell whose timed render hangs in a JDK loop (only the host's deadline stops it) holds up its own host only: a
 * cell of the shared host that redraws every 50 ms keeps reaching the screen while the hung host waits out its
 * deadline; then the hung host is killed, its cell (with nothing to roll back to) restarted from its saved state in a
 * host of its own until it has done so more times than the restart intensity allows, then quarantined; the shell
 * answers throughout.
 */
class HungHostEndToEndTest {

    @TempDir
    Path dir;

    private static final String TICKER = """
            import dev.cellshell.widgets.*;

            /** Redraws a counter every 50 ms. */
            public class Ticker implements Cell {
                int frames;

                @Override
                public void render(Canvas canvas, CellContext context) {
                    frames++;
                    canvas.fillRect(0, 0, context.width(), context.height(), 0xFF2E3440);
                    canvas.drawText("frame " + frames, 8, 24, 16, 0xFFECEFF4, Align.LEFT);
                    context.renderAgainIn(50);
                }
            }
            """;

    private static final String HANG = """
            import dev.cellshell.widgets.*;

            /**
             * Draws three times, then hangs in a JDK loop that no budget can stop; once it has hung, every new instance
             * (a restart) hangs in its first render.
             */
            @Uses(Storage.class)
            public class Hang implements Cell {
                int renders;

                @Override
                public void render(Canvas canvas, CellContext context) {
                    renders++;
                    Storage storage = context.service(Storage.class);
                    if (renders > 3 || storage.get("hung", "").equals("yes")) {
                        storage.put("hung", "yes");
                        canvas.drawText("" + java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum(), 0, 0, 9, 0,
                                Align.LEFT);
                    }
                    canvas.fillRect(0, 0, context.width(), context.height(), 0xFFBF616A);
                    context.renderAgainIn(300);
                }
            }
            """;

    @Test
    void aHungCellHoldsUpItsOwnHostOnlyWhileItWaitsOutTheDeadline() throws Exception {
        Path workspace = dir.resolve("workspace");
        try (RunningShell shell = RunningShell.startLive(workspace, "--headless")) {
            Files.createDirectories(workspace.resolve("cells/Ticker"));
            Files.writeString(workspace.resolve("cells/Ticker/Ticker.java"), TICKER);
            Files.createDirectories(workspace.resolve("cells/Hang"));
            Files.writeString(workspace.resolve("cells/Hang/Hang.java"), HANG);
            ChangeReply ticker = (ChangeReply) shell.call(new ChangeRequest("spawn", "ticker", "Ticker", "bottom-left",
                    24, 240, 40, Map.of(), "", "shared"));
            assertThat(ticker.done()).as(ticker.message()).isTrue();
            long before = shell.hosts().size();

            ChangeReply hang = (ChangeReply) shell.call(new ChangeRequest("spawn", "hang", "Hang", "bottom-right",
                    24, 120, 40, Map.of(), "", "solo"));
            assertThat(hang.done()).as(hang.message()).isTrue();
            ProcessHandle solo = awaitNewHost(shell, before);
            CompletableFuture<ProcessHandle> killed = solo.onExit();

            List<long[]> presented = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!killed.isDone() && System.nanoTime() < deadline) {
                presented.add(new long[] {System.nanoTime(), shell.status().presentedScene()});
                Thread.sleep(5);
            }
            long killedAt = System.nanoTime();
            assertThat(killed).as("the hung host is killed at its deadline").isDone();

            // The last 800 ms before the kill (less the last 100 ms): the hung render was outstanding all along.
            long from = killedAt - Duration.ofMillis(800).toNanos();
            long to = killedAt - Duration.ofMillis(100).toNanos();
            long first = presented.stream().filter(p -> p[0] >= from).mapToLong(p -> p[1]).min().orElse(0);
            long last = presented.stream().filter(p -> p[0] <= to).mapToLong(p -> p[1]).max().orElse(0);
            assertThat(last - first).as("frames of the shared host's ticker presented while the other host hung")
                    .isGreaterThanOrEqualTo(3);

            long deadlineQuarantine = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String health = "";
            while (System.nanoTime() < deadlineQuarantine) {
                health = cell(shell, "hang").health();
                if (health.equals("quarantined")) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(health).as("the hung cell, with nothing to roll back to").isEqualTo("quarantined");
            assertThat(cell(shell, "hang").lastError()).as("restarted each time, until the restart intensity")
                    .startsWith("quarantined: 4 faults in 30 s, last: ");
            assertThat(cell(shell, "hang").isolation()).isEqualTo("solo");
            assertThat(cell(shell, "ticker").health()).isEqualTo("ok");
        }
    }

    private static ControlMessage.CellStatus cell(RunningShell shell, String id) throws Exception {
        return shell.status().cells().stream().filter(c -> c.cellId().equals(id)).findFirst().orElseThrow();
    }

    private static ProcessHandle awaitNewHost(RunningShell shell, long before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> hosts = shell.hosts();
            if (hosts.size() > before) {
                return hosts.stream().filter(h -> h.info().commandLine().orElse("").contains("solo-hang"))
                        .findFirst().orElse(hosts.get(hosts.size() - 1));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no solo host started: " + shell.log());
    }
}
