package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.host.CellHost;
import dev.cellshell.shell.host.Hosts;
import dev.cellshell.shell.host.InProcessHost;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that takes its host down (what a missed deadline does to a child process: it is killed) is a fault of the
 * cell, but a built-in or first-generation cell has nothing to roll back to: it starts again from its saved state in
 * a host of its own, and only more than {@link Tissue#MAX_FAULTS} such kills within the fault window quarantine it.
 * (A loaded machine can make any cell miss its deadline once; quarantining a Terminal for that left it dead.)
 */
class HostKillSupervisionTest {

    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    /** How many of the next inputs to the button kill the host they run in. */
    private final AtomicInteger kills = new AtomicInteger();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private Tissue tissue;

    /** An in-process host that dies, blaming the cell, when an armed input reaches the button. */
    private final class KillableHost implements CellHost {
        private final InProcessHost inside;
        private volatile boolean dead;

        KillableHost(InProcessHost inside) {
            this.inside = inside;
        }

        @Override
        public String name() {
            return inside.name();
        }

        @Override
        public HostMessage.Answer call(String cellId, HostMessage request) throws HostDied {
            if (dead) {
                throw new HostDied("cell host " + name() + " is gone", false);
            }
            if (cellId.equals("button") && request instanceof HostMessage.Event && kills.getAndUpdate(
                    k -> Math.max(0, k - 1)) > 0) {
                dead = true;
                throw new HostDied("cell host " + name() + " did not answer Event within 1000 ms: killed", true);
            }
            return inside.call(cellId, request);
        }

        @Override
        public List<String> walls() {
            return inside.walls();
        }

        @Override
        public long pid() {
            return inside.pid();
        }

        @Override
        public boolean alive() {
            return !dead;
        }

        @Override
        public void close() {
            dead = true;
        }
    }

    @BeforeEach
    void start() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Hosts.Factory killable = (name, desk, deaths) -> {
            started.add(name);
            return new KillableHost(new InProcessHost(name, loader, desk));
        };
        tissue = new Tissue(Workspace.open(dir, "demo"), new LiveCompiler(loader), killable, () -> TestTissues.FROZEN,
                true, sink, null, TissueStore.NONE, TissueJournal.NONE);
        tissue.start().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        tissue.close();
    }

    private void click() throws Exception {
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        tissue.input(new PointerInput(PointerKind.RELEASE, 60, 190, 1));
        tissue.settled().get(10, TimeUnit.SECONDS);
    }

    private CellView button() {
        return tissue.cells().stream().filter(c -> c.id().equals("button")).findFirst().orElseThrow();
    }

    @Test
    void aFirstGenerationCellThatTookItsHostDownStartsAgainAloneWithItsState() throws Exception {
        click();
        assertThat(sink.texts("button")).containsExactly("Click me (1)");
        assertThat(started).containsExactly("shared");

        kills.set(1);
        click();
        tissue.settled().get(10, TimeUnit.SECONDS);

        assertThat(button().health()).as(button().lastError()).isEqualTo("ok");
        assertThat(button().lastError()).startsWith("restarted (fault 1 of " + Tissue.MAX_FAULTS);
        assertThat(button().isolation()).isEqualTo("solo");
        assertThat(started).containsExactlyInAnyOrder("shared", "shared", "solo-button");
        // its saved state came along (the click that killed the host was not counted), and it runs: clicks count
        assertThat(sink.texts("button")).containsExactly("Click me (1)");
        click();
        assertThat(sink.texts("button")).containsExactly("Click me (2)");
        assertThat(button().health()).isEqualTo("ok");
    }

    @Test
    void onlyMoreKillsThanTheRestartIntensityAllowsQuarantineIt() throws Exception {
        for (int i = 0; i <= Tissue.MAX_FAULTS; i++) {
            kills.set(1);
            click();
            tissue.settled().get(10, TimeUnit.SECONDS);
            if (i < Tissue.MAX_FAULTS) {
                assertThat(button().health()).as("after kill %d: %s", i + 1, button().lastError()).isEqualTo("ok");
            }
        }
        assertThat(button().health()).isEqualTo("quarantined");
        assertThat(button().lastError()).startsWith("quarantined: " + (Tissue.MAX_FAULTS + 1) + " faults in 30 s, last: "
                + "cell host solo-button did not answer Event");
        assertThat(sink.texts("button")).first().asString().contains("button (Button) is quarantined");
    }
}
