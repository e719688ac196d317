package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote cells on loopback, in every build: two real shells as two nodes ({@code laptop} and {@code buildbox}, a
 * gateway on 127.0.0.1), paired with a one-time code over mutual TLS. A cell spawned on buildbox draws on laptop's
 * desktop exactly as the same cell drawn locally; clicks reach it and come back drawn; it divides to laptop and back
 * with its state; a type buildbox does not allow is refused; both audit logs say what happened; a node that never
 * paired is refused at the handshake; buildbox dying shows on the cell (its last frame dimmed, a badge), and the
 * cell comes back with its state when buildbox does. The same path across network namespaces, with latency and a
 * cut link: {@link NetworkNamespacesEndToEndTest}.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RemoteCellsEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aCellOnAnotherNodeDrawsHereTakesInputDividesAndSurvivesItsNodeDying() throws Exception {
        int port = Nodes.freePort();
        Path buildboxSpace = dir.resolve("buildbox");
        Path laptopSpace = dir.resolve("laptop");
        Nodes.init(buildboxSpace, "buildbox", "127.0.0.1:" + port);
        Nodes.init(laptopSpace, "laptop", "");
        RunningShell buildbox = RunningShell.start(buildboxSpace, Map.of());
        RunningShell laptop = RunningShell.start(laptopSpace, Map.of());
        try {
            Nodes.pair(laptop, buildbox, "127.0.0.1:" + port, "Button,Label");

            // A remote Button draws here as the same Button drawn locally.
            assertThat(laptop.cli("spawn", "Button", "--on", "buildbox", "--id", "remote", "--at", "bottom-left")
                    .exit()).isZero();
            assertThat(laptop.cli("spawn", "Button", "--id", "local", "--at", "bottom-right").exit()).isZero();
            assertThat(laptop.cli("show", "remote").out()).contains("on node buildbox");
            BufferedImage shot = ScreenComparison.shot(laptop, dir, "remote");
            assertThat(Nodes.region(shot, laptop, "remote")).as("the remote cell as drawn here")
                    .isEqualTo(Nodes.region(shot, laptop, "local"));
            assertThat(buildbox.cli("nodes").out()).contains("we run for it: remote");
            assertThat(laptop.cli("nodes").out()).contains("runs for us: remote").contains("rtt");

            // Input round trip: clicks reach the cell there; its new drawing comes back.
            for (int i = 0; i < 3; i++) {
                Nodes.click(laptop, "remote");
                Nodes.click(laptop, "local");
            }
            ScreenComparison.await("three clicks counted on buildbox", () -> Nodes.state(laptop, "remote")
                    .contains("clicks=3"));
            BufferedImage clicked = ScreenComparison.shot(laptop, dir, "clicked");
            assertThat(Nodes.region(clicked, laptop, "remote")).isEqualTo(Nodes.region(clicked, laptop, "local"))
                    .isNotEqualTo(Nodes.region(shot, laptop, "remote"));

            // Mitosis: to laptop and back, the count kept; the cell is on screen throughout.
            try (Nodes.Watch watch = Nodes.watch(laptop, dir, "remote", Nodes.region(clicked, laptop, "remote"))) {
                RunningShell.Result home = laptop.cli("move", "remote", "--to-node", "local");
                assertThat(home.exit()).as(home.err()).isZero();
                assertThat(home.out()).contains("divided from node buildbox to this node");
                assertThat(laptop.cli("show", "remote").out()).contains("clicks=3").contains("shared");
                RunningShell.Result away = laptop.cli("move", "remote", "--to-node", "buildbox");
                assertThat(away.exit()).as(away.err()).isZero();
                assertThat(laptop.cli("show", "remote").out()).contains("clicks=3").contains("on node buildbox");
                assertThat(watch.missing()).as("shots without the cell during the moves").isEmpty();
                assertThat(watch.shots()).isPositive();
            }
            assertThat(Files.readString(laptopSpace.resolve("tissue.json"))).contains("\"node:buildbox\"");

            // A type buildbox does not allow is refused there, and says so here.
            RunningShell.Result denied = laptop.cli("spawn", "Clock", "--on", "buildbox");
            assertThat(denied.exit()).isNotZero();
            assertThat(denied.err()).contains("may not run Clock");
            assertThat(laptop.status().cells()).noneMatch(c -> c.cellType().equals("Clock")
                    && c.isolation().startsWith("node:"));

            // Both sides audit: laptop its spawn and moves, buildbox what it ran and what it refused.
            String laptopAudit = Files.readString(laptopSpace.resolve("audit.log"));
            assertThat(laptopAudit).contains("\tcli\tspawn\tremote\tButton\t").contains("\tcli\tdivide\tremote\t");
            List<String> buildboxAudit = Files.readAllLines(buildboxSpace.resolve("audit.log"));
            assertThat(buildboxAudit).anyMatch(l -> l.contains("\tpeer:laptop\tremote-define\t\tButton\t")
                    && l.contains("ran for laptop with its own sources"));
            assertThat(buildboxAudit).anyMatch(l -> l.contains("\tpeer:laptop\tremote-define\t\tClock\t")
                    && l.contains("refused: node 'laptop' may not run Clock here"));
            assertThat(buildbox.cli("audit", "verify").exit()).isZero();

            // Code that hangs buildbox's host (a JDK loop the budget cannot stop) is faulted and rolled back, and the
            // cell stays on buildbox: a fault never brings a remote cell's code home into a host of laptop's.
            String button = Files.readString(laptopSpace.resolve("cells/Button/Button.java"));
            RunningShell.Result hang = laptop.cli("swap", "remote", Nodes.write(dir, "Button.java", button.replace(
                    "clicks++;", "clicks++;\n                if (clicks > 3) {\n                    clicks += (int) "
                            + "java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum();\n                }")));
            assertThat(hang.exit()).as(hang.err()).isZero();
            laptop.cli("click", Integer.toString((int) (Nodes.cell(laptop, "remote").x() + 20)),
                    Integer.toString((int) (Nodes.cell(laptop, "remote").y() + 20)));
            ScreenComparison.await("the fault rolled Button back", () -> Files.readAllLines(laptopSpace.resolve(
                    "audit.log")).stream().anyMatch(l -> l.contains("\tsupervisor\trollback\t")
                            && l.contains("\tButton\t")));
            try {
                ScreenComparison.await("the cell runs again on buildbox", () -> laptop.cli("show", "remote").out()
                        .contains("health   ok"));
            } catch (AssertionError e) {
                throw new AssertionError(laptop.cli("show", "remote").out() + "\n" + laptop.log(), e);
            }
            assertThat(laptop.cli("show", "remote").out()).contains("on node buildbox");
            assertThat(Files.readString(laptopSpace.resolve("tissue.json"))).contains("\"node:buildbox\"")
                    .doesNotContain("\"solo\"");
            assertThat(buildbox.log()).contains("did not answer Event within");

            // A node that never paired is refused at the handshake.
            Path strangerSpace = dir.resolve("stranger");
            Nodes.init(strangerSpace, "stranger", "");
            Nodes.pretendPaired(strangerSpace, buildboxSpace, "buildbox", "127.0.0.1:" + port);
            RunningShell stranger = RunningShell.start(strangerSpace, Map.of());
            RunningShell acceptor = buildbox;
            try {
                RunningShell.Result refused = stranger.cli("spawn", "Button", "--on", "buildbox");
                assertThat(refused.exit()).isNotZero();
                assertThat(refused.err()).contains("disconnected from buildbox");
                ScreenComparison.await("buildbox refused the stranger's certificate", () -> acceptor.log()
                        .contains("is not one this node paired with"));
            } finally {
                stranger.close();
            }

            // buildbox dies: the cell shows its last frame dimmed with a badge; it comes back with its state.
            BufferedImage before = ScreenComparison.shot(laptop, dir, "before");
            buildbox.kill();
            ScreenComparison.await("the cell says buildbox is gone", () -> laptop.cli("show", "remote").out()
                    .contains("waiting for node buildbox: disconnected from buildbox"));
            BufferedImage dimmed = ScreenComparison.shot(laptop, dir, "dimmed");
            assertThat(Nodes.brightness(dimmed, laptop, "remote")).as("dimmed")
                    .isLessThan(Nodes.brightness(before, laptop, "remote") * 0.8);
            assertThat(Nodes.region(dimmed, laptop, "local")).isEqualTo(Nodes.region(before, laptop, "local"));
            assertThat(laptop.cli("status").exit()).as("the shell answers while a node is gone").isZero();

            buildbox = RunningShell.start(buildboxSpace, Map.of());
            RunningShell again = buildbox;
            ScreenComparison.await("the cell is back on buildbox", () -> laptop.cli("show", "remote").out()
                    .contains("health   ok"));
            assertThat(Nodes.state(laptop, "remote")).contains("clicks=3");
            ScreenComparison.await("its own frame again", () -> Nodes.region(ScreenComparison.shot(laptop, dir,
                    "healed"), laptop, "remote").equals(Nodes.region(ScreenComparison.shot(laptop, dir, "healed2"),
                            laptop, "local")));
            assertThat(again.cli("nodes").out()).contains("we run for it: remote");
        } finally {
            laptop.close();
            buildbox.close();
        }
    }
}
