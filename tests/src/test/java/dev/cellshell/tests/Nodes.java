package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.ControlMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for tests with several nodes: identities, pairing through the CLI, cells' pixels and clicks. */
final class Nodes {

    private static final Pattern CODE = Pattern.compile("pairing code ([0-9A-Z]{4}-[0-9A-Z]{4})");

    private Nodes() {
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code cell node init} in a workspace no shell runs yet. */
    static void init(Path workspace, String name, String listen) throws Exception {
        Files.createDirectories(workspace);
        List<String> args = new ArrayList<>(List.of("node", "init", "--name", name));
        if (!listen.isEmpty()) {
            args.addAll(List.of("--listen", listen));
        }
        RunningShell.Result made = RunningShell.cli(workspace, args.toArray(String[]::new));
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("node " + name);
    }

    /**
     * {@code acceptor} shows a code ({@code types} it may run, with its own code); a wrong code is refused; then
     * {@code requester} pairs with the right one.
     */
    static void pair(RunningShell requester, RunningShell acceptor, String address, String types) throws Exception {
        RunningShell.Result invite = acceptor.cli("node", "invite", "--types", types, "--code");
        assertThat(invite.exit()).as(invite.err()).isZero();
        Matcher code = CODE.matcher(invite.out());
        assertThat(code.find()).as(invite.out()).isTrue();
        String wrong = code.group(1).startsWith("Z") ? "YYYY-YYYY" : "ZZZZ-ZZZZ";
        RunningShell.Result refused = requester.cli("node", "pair", address, "--code", wrong);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("refused to pair: wrong code");
        RunningShell.Result paired = requester.cli("node", "pair", address, "--code", code.group(1));
        assertThat(paired.exit()).as(paired.err()).isZero();
        assertThat(paired.out()).contains("paired with node");
        ScreenComparison.await("the link is up", () -> requester.cli("nodes").out().contains("ready"));
    }

    /** Writes {@code workspace}'s peers.json as if it had paired with the node of {@code other}: it never did. */
    static void pretendPaired(Path workspace, Path other, String name, String address) throws Exception {
        String certificate = Files.readString(other.resolve("node/node.crt"));
        java.security.cert.X509Certificate parsed = (java.security.cert.X509Certificate)
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(certificate.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String fingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(parsed.getEncoded()));
        Files.writeString(workspace.resolve("node/peers.json"), "{\"peers\":[{\"name\":\"" + name
                + "\",\"address\":\"" + address + "\",\"fingerprint\":\"" + fingerprint
                + "\",\"types\":[],\"code\":false,\"pairedAt\":\"\"}]}\n");
    }

    /** Writes {@code text} to {@code dir/name} and returns its path as text. */
    static String write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve("sources").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.toString();
    }

    static ControlMessage.CellStatus cell(RunningShell shell, String id) throws Exception {
        return shell.status().cells().stream().filter(c -> c.cellId().equals(id)).findFirst().orElseThrow();
    }

    static String state(RunningShell shell, String id) throws Exception {
        return cell(shell, id).state();
    }

    /** A press and release in the middle of the cell, through the shell ({@code cell click}). */
    static void click(RunningShell shell, String id) throws Exception {
        ControlMessage.CellStatus c = cell(shell, id);
        RunningShell.Result clicked = shell.cli("click", Integer.toString((int) (c.x() + c.width() / 2)),
                Integer.toString((int) (c.y() + c.height() / 2)));
        assertThat(clicked.out()).as(clicked.err()).contains("clicked " + id);
    }

    /** The cell's pixels in a screenshot. */
    static List<Integer> region(BufferedImage shot, RunningShell shell, String id) throws Exception {
        ControlMessage.CellStatus c = cell(shell, id);
        int[] pixels = shot.getRGB((int) c.x(), (int) c.y(), (int) c.width(), (int) c.height(), null, 0,
                (int) c.width());
        return Arrays.stream(pixels).boxed().toList();
    }

    /** The mean of the cell's pixels' channels (0–255). */
    static double brightness(BufferedImage shot, RunningShell shell, String id) throws Exception {
        return region(shot, shell, id).stream().mapToDouble(p -> ((p >> 16 & 0xFF) + (p >> 8 & 0xFF) + (p & 0xFF))
                / 3.0).average().orElse(0);
    }

    /** Takes screenshots on its own thread until closed, counting those where the cell is not as it should be. */
    static Watch watch(RunningShell shell, Path dir, String id, List<Integer> expected) {
        return new Watch(shell, dir, id, expected);
    }

    static final class Watch implements AutoCloseable {
        private final Thread thread;
        private final List<String> missing = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger shots = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean done;

        private Watch(RunningShell shell, Path dir, String id, List<Integer> expected) {
            thread = new Thread(() -> {
                int n = 0;
                while (!done) {
                    try {
                        BufferedImage shot = ScreenComparison.shot(shell, dir, "watch-" + (n++ % 4));
                        shots.incrementAndGet();
                        if (!region(shot, shell, id).equals(expected)) {
                            missing.add("shot " + n);
                        }
                    } catch (Exception | AssertionError e) {
                        missing.add("shot " + n + " failed: " + e);
                    }
                }
            }, "watch-" + id);
            thread.start();
        }

        List<String> missing() throws InterruptedException {
            done = true;
            thread.join();
            return missing;
        }

        int shots() {
            return shots.get();
        }

        @Override
        public void close() throws InterruptedException {
            done = true;
            thread.join();
        }
    }
}
