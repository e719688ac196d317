package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.axon.NodeIdentity;
import dev.cellshell.axon.Peer;
import dev.cellshell.axon.PeerLink;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on a real network stack: each shell in a network namespace of its own, joined to this one by a veth
 * pair; laptop reaches buildbox only through a {@link DelayingRelay} here that adds 10 ms each way. Pairing (a wrong
 * code refused), a remote spawn drawn on laptop, clicks there and back, mitosis with its state, a denied type, both
 * audits, a node that never paired refused; then laptop's link taken down: the cell shows it (dimmed, a badge) and
 * comes back with its state when the link does.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetworkNamespacesEndToEndTest {

    private static final int GATEWAY_PORT = 7611;
    private static final Pattern RTT = Pattern.compile("rtt ([0-9.]+) ms");

    @TempDir
    Path dir;

    @Test
    void twoNodesInTheirOwnNamespacesThroughASlowLinkThatBreaksAndHeals() throws Exception {
        try (NetworkNamespaces net = new NetworkNamespaces()) {
            String laptopNs = net.add(1);
            String buildboxNs = net.add(2);
            Path buildboxSpace = dir.resolve("buildbox");
            Path laptopSpace = dir.resolve("laptop");
            Nodes.init(buildboxSpace, "buildbox", NetworkNamespaces.inside(2) + ":" + GATEWAY_PORT);
            Nodes.init(laptopSpace, "laptop", "");
            try (DelayingRelay relay = DelayingRelay.start(new InetSocketAddress(NetworkNamespaces.outside(1), 0),
                    new InetSocketAddress(NetworkNamespaces.inside(2), GATEWAY_PORT), 10)) {
                RunningShell buildbox = RunningShell.startIn(buildboxNs, buildboxSpace, Map.of());
                RunningShell laptop = RunningShell.startIn(laptopNs, laptopSpace, Map.of());
                try {
                    run(net, relay, laptop, buildbox, laptopSpace, buildboxSpace);
                } finally {
                    laptop.close();
                    buildbox.close();
                }
            }
        }
    }

    private void run(NetworkNamespaces net, DelayingRelay relay, RunningShell laptop, RunningShell buildbox,
            Path laptopSpace, Path buildboxSpace) throws Exception {
        String address = NetworkNamespaces.outside(1) + ":" + relay.port();
        Nodes.pair(laptop, buildbox, address, "Button,Label");
        Matcher rtt = RTT.matcher(laptop.cli("nodes").out());
        assertThat(rtt.find()).isTrue();
        assertThat(Double.parseDouble(rtt.group(1))).as("the relay's 2 × 10 ms").isGreaterThanOrEqualTo(20);

        assertThat(laptop.cli("spawn", "Button", "--on", "buildbox", "--id", "remote", "--at", "bottom-left").exit())
                .isZero();
        assertThat(laptop.cli("spawn", "Button", "--id", "local", "--at", "bottom-right").exit()).isZero();
        BufferedImage shot = ScreenComparison.shot(laptop, dir, "remote-spawn");
        assertThat(Nodes.region(shot, laptop, "remote")).isEqualTo(Nodes.region(shot, laptop, "local"));
        for (int i = 0; i < 2; i++) {
            Nodes.click(laptop, "remote");
        }
        ScreenComparison.await("two clicks counted on buildbox", () -> Nodes.state(laptop, "remote")
                .contains("clicks=2"));

        RunningShell.Result home = laptop.cli("move", "remote", "--to-node", "local");
        assertThat(home.exit()).as(home.err()).isZero();
        assertThat(Nodes.state(laptop, "remote")).contains("clicks=2");
        RunningShell.Result away = laptop.cli("move", "remote", "--to-node", "buildbox");
        assertThat(away.exit()).as(away.err()).isZero();
        assertThat(Nodes.state(laptop, "remote")).contains("clicks=2");

        RunningShell.Result denied = laptop.cli("spawn", "Clock", "--on", "buildbox");
        assertThat(denied.err()).contains("may not run Clock");
        assertThat(Files.readString(laptopSpace.resolve("audit.log"))).contains("\tcli\tspawn\tremote\tButton\t");
        assertThat(Files.readString(buildboxSpace.resolve("audit.log")))
                .contains("\tpeer:laptop\tremote-define\t\tButton\t").contains("refused: node 'laptop' may not run Clock");

        // A node that never paired (here, in this namespace) is refused at buildbox's handshake.
        NodeIdentity stranger = NodeIdentity.create(dir.resolve("stranger"), "stranger");
        String buildboxFingerprint = NodeIdentity.load(buildboxSpace.resolve("node")).fingerprint();
        var timer = Executors.newSingleThreadScheduledExecutor();
        try (PeerLink link = PeerLink.open(stranger, new Peer("buildbox", NetworkNamespaces.inside(2) + ":"
                + GATEWAY_PORT, buildboxFingerprint, Set.of(), false, ""), timer, ready -> { })) {
            assertThatThrownBy(() -> link.ping(Duration.ofSeconds(10))).hasMessageContaining("unavailable");
        } finally {
            timer.shutdownNow();
        }

        // The link goes down: the cell says so; it comes back with its state.
        BufferedImage before = ScreenComparison.shot(laptop, dir, "before-partition");
        long cut = System.nanoTime();
        net.link(1, false);
        ScreenComparison.await("the cell shows the partition", () -> laptop.cli("show", "remote").out()
                .contains("disconnected from buildbox"));
        long detected = System.nanoTime() - cut;
        BufferedImage dimmed = ScreenComparison.shot(laptop, dir, "partitioned");
        assertThat(Nodes.brightness(dimmed, laptop, "remote")).isLessThan(Nodes.brightness(before, laptop, "remote")
                * 0.8);
        assertThat(laptop.cli("status").exit()).as("nothing here waits for the network").isZero();
        long healing = System.nanoTime();
        net.link(1, true);
        ScreenComparison.await("the cell is back", () -> laptop.cli("show", "remote").out().contains("health   ok"));
        long healed = System.nanoTime() - healing;
        assertThat(Nodes.state(laptop, "remote")).contains("clicks=2");
        System.out.printf("partition shown after %.2f s, healed %.2f s after the link came back%n", detected / 1e9,
                healed / 1e9);
    }
}
