package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state store through real crashes: a client clicks the Button as fast as it can, counting the clicks the shell
 * acknowledged (handled and saved); the shell is killed with SIGKILL mid-burst; a new shell on the same workspace
 * must show every acknowledged click. Twenty times.
 */
class StateStoreCrashTest {

    @TempDir
    Path dir;

    private static int savedClicks(RunningShell shell) throws Exception {
        String state = shell.status().cells().stream().filter(c -> c.cellId().equals("button")).findFirst()
                .orElseThrow().state();
        return state.isEmpty() ? 0 : Integer.parseInt(state.replaceAll(".*clicks=(\\d+).*", "$1"));
    }

    @Test
    void everyAcknowledgedClickSurvivesTwentyKillNines() throws Exception {
        Path workspace = dir.resolve("workspace");
        Random random = new Random(20261129);
        int acknowledged = 0;
        for (int round = 0; round < 20; round++) {
            RunningShell shell = RunningShell.startWithoutWaitingForFrames(workspace, Map.of(), "--headless");
            try {
                int recovered = savedClicks(shell);
                assertThat(recovered).as("round %d: clicks after restart; shell log:%n%s", round, shell.log())
                        .isBetween(acknowledged, acknowledged + 1);
                AtomicInteger acks = new AtomicInteger(recovered);
                CompletableFuture<Void> firstAck = new CompletableFuture<>();
                CompletableFuture<Void> clicking = CompletableFuture.runAsync(() -> {
                    try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                            ControlMessage.CODEC)) {
                        while (true) {
                            if (c.call(new ControlMessage.ClickRequest(100, 200))
                                    instanceof ControlMessage.ClickReply reply && reply.cellId().equals("button")) {
                                acks.incrementAndGet();
                                firstAck.complete(null);
                            }
                        }
                    } catch (Exception shellDied) {
                        // Expected: the shell is killed under the client.
                    }
                });
                // The kill comes at a random moment while clicks flow: counted from the first acknowledged click,
                // not from the control socket's first answer (the cells may still be starting then; a 115 ms
                // window from there failed on a loaded machine with no click made at all).
                firstAck.get(60, java.util.concurrent.TimeUnit.SECONDS);
                Thread.sleep(100 + random.nextInt(400));
                shell.kill();
                clicking.join();
                acknowledged = acks.get();
                assertThat(acknowledged).as("round %d made clicks", round).isGreaterThan(recovered);
            } finally {
                shell.close();
            }
        }
        RunningShell last = RunningShell.startWithoutWaitingForFrames(workspace, Map.of(), "--headless");
        try {
            assertThat(savedClicks(last)).isBetween(acknowledged, acknowledged + 1);
        } finally {
            last.close();
        }
    }
}
