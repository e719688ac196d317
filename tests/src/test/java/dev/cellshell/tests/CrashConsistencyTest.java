package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 random changes (prop sets, source swaps, moves) with the shell killed by SIGKILL at random moments and
 * restarted each time. After every restart the workspace matches what was acknowledged (a change in flight may
 * or may not have landed) and the audit log's chain and the sources on disk verify.
 */
class CrashConsistencyTest {

    private static final List<String> ANCHORS = List.of("top-right", "bottom-right", "bottom-left", "center");

    @TempDir
    Path dir;

    private record Expected(String text, String buttonLabel, String anchor) {
    }

    @Test
    void aHundredRandomChangesThroughRandomKillNinesLeaveTheWorkspaceAsAcknowledged() throws Exception {
        Path workspace = dir.resolve("workspace");
        Random random = new Random(1129);
        Expected acked = new Expected("Hello, CellShell", "Click me", "top-right");
        Expected inFlight = acked;
        int change = 0;
        int kills = 0;
        while (change < 100) {
            RunningShell shell = RunningShell.startWithoutWaitingForFrames(workspace, Map.of(), "--headless");
            try {
                check(shell, acked, inFlight);
                assertThat(AuditLog.verify(workspace.resolve("audit.log")).intact()).isTrue();
                acked = current(shell);
                int killAt = change + 10 + random.nextInt(20);
                try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace),
                        ControlMessage.CODEC)) {
                    for (; change < Math.min(killAt, 100); change++) {
                        int kind = random.nextInt(3);
                        String value = "v" + change;
                        Expected next = switch (kind) {
                            case 0 -> new Expected(value, acked.buttonLabel(), acked.anchor());
                            case 1 -> new Expected(acked.text(), value, acked.anchor());
                            default -> new Expected(acked.text(), acked.buttonLabel(),
                                    ANCHORS.get(random.nextInt(ANCHORS.size())));
                        };
                        ControlMessage request = switch (kind) {
                            case 0 -> new ControlMessage.ChangeRequest("set", "label", "", "", 0, 0, 0,
                                    Map.of("text", value));
                            case 1 -> new ControlMessage.SwapRequest("button", "Button.java", Assets.cellSource(
                                    "Button").replace("props.string(\"text\", \"Click me\")", "\"" + value + "\""));
                            default -> new ControlMessage.ChangeRequest("move", "clock", "", next.anchor(), 24, 0, 0,
                                    Map.of());
                        };
                        inFlight = next;
                        if (change == killAt - 1) {
                            c.send(request);
                            Thread.sleep(random.nextInt(20));
                            break;
                        }
                        assertThat(c.call(request)).isNotInstanceOf(ControlMessage.Failure.class);
                        acked = next;
                    }
                }
                if (change < 100) {
                    change++;
                    shell.kill();
                    kills++;
                }
            } finally {
                shell.close();
            }
        }
        RunningShell last = RunningShell.startWithoutWaitingForFrames(workspace, Map.of(), "--headless");
        try {
            check(last, acked, inFlight);
            assertThat(last.cli("audit", "verify").exit()).isZero();
        } finally {
            last.close();
        }
        assertThat(kills).as("kills").isGreaterThanOrEqualTo(3);
    }

    private static Expected current(RunningShell shell) throws Exception {
        var cells = shell.status().cells();
        var label = cells.stream().filter(c -> c.cellId().equals("label")).findFirst().orElseThrow();
        var clock = cells.stream().filter(c -> c.cellId().equals("clock")).findFirst().orElseThrow();
        String source = java.nio.file.Files.readString(shell.workspace().resolve("cells/Button/Button.java"));
        String button = source.contains("props.string(\"text\", \"Click me\")") ? "Click me"
                : source.replaceAll("(?s).*String text = \"(v\\d+)\";.*", "$1");
        String anchor = java.nio.file.Files.readString(shell.workspace().resolve("tissue.json"))
                .replaceAll("(?s).*\"id\" : \"clock\",\\s*\"type\" : \"Clock\",\\s*\"at\" : \"([a-z-]+)\".*", "$1");
        assertThat(clock.cellType()).isEqualTo("Clock");
        return new Expected(label.props().get("text"), button, anchor);
    }

    private static void check(RunningShell shell, Expected acked, Expected inFlight) throws Exception {
        Expected now = current(shell);
        assertThat(new java.util.HashSet<>(List.of(acked.text(), inFlight.text()))).as("label text").contains(now.text());
        assertThat(new java.util.HashSet<>(List.of(acked.buttonLabel(), inFlight.buttonLabel()))).as("button source").contains(now.buttonLabel());
        assertThat(new java.util.HashSet<>(List.of(acked.anchor(), inFlight.anchor()))).as("clock anchor").contains(now.anchor());
        RunningShell.Result verify = shell.cli("audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
    }
}
