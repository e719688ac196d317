package dev.cellshell.tests.bench;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneRegion;
import dev.cellshell.ipc.SocketServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Display-list publish → the other process has the bytes, across two JVMs, side by side in one run: the bytes
 * inline in the socket message, or written to the shared-memory region with only the announcement on the socket.
 * Also the round trip of a small input event. Prints JSON. Run: {@code ./cell ipcbench}.
 */
public final class IpcBench {

    private static final int WARMUP = 2_000;
    private static final int SAMPLES = 10_000;

    private IpcBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("cellshell-ipcbench");
        try (SocketServer server = SocketServer.bind(dir.resolve("bench.sock"));
                SceneRegion region = SceneRegion.create(dir.resolve("bench.shm"), 4, 64 * 1024)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process peer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    IpcBenchPeer.class.getName(), server.path().toString(), region.path().toString())
                    .inheritIO().start();
            try (Connection<SceneMessage> c = server.accept(SceneMessage.CODEC)) {
                StringBuilder json = new StringBuilder("{\"samples\": " + SAMPLES + ", \"results\": [\n");
                for (int size : new int[] {1_024, 16 * 1_024, 60 * 1_024}) {
                    json.append(row("socket", size, measure(c, region, size, false))).append(",\n");
                    json.append(row("shared-memory", size, measure(c, region, size, true))).append(",\n");
                }
                json.append(row("input-event", 0, measureInput(c))).append("\n]}");
                System.out.println(json);
            }
            peer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static double[] measure(Connection<SceneMessage> c, SceneRegion region, int size, boolean shared)
            throws Exception {
        byte[] bytes = new byte[size];
        double[] micros = new double[SAMPLES];
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            long stamp = i + 1L;
            Arrays.fill(bytes, 0, 8, (byte) stamp);
            long start = System.nanoTime();
            Layer layer = new Layer("bench", 1, stamp, 0, 0, 10, 10, bytes);
            if (shared) {
                int slot = (int) (stamp % 2);
                region.write(slot, stamp, bytes);
                layer = layer.inSlot(slot);
            }
            c.send(new PublishScene(stamp, 0, List.of(layer)));
            SceneMessage ack = c.receive();
            if (!(ack instanceof FramePresented p) || p.sceneVersion() != stamp) {
                throw new IllegalStateException("unexpected " + ack);
            }
            if (i >= WARMUP) {
                micros[i - WARMUP] = (System.nanoTime() - start) / 1e3;
            }
        }
        return micros;
    }

    private static double[] measureInput(Connection<SceneMessage> c) throws Exception {
        double[] micros = new double[SAMPLES];
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            long start = System.nanoTime();
            c.send(new SceneMessage.PointerInput(SceneMessage.PointerKind.PRESS, i, i, 1));
            c.receive();
            if (i >= WARMUP) {
                micros[i - WARMUP] = (System.nanoTime() - start) / 1e3;
            }
        }
        c.send(new SceneMessage.ShotRequest(-1));
        return micros;
    }

    private static String row(String path, int size, double[] micros) {
        Arrays.sort(micros);
        return String.format(Locale.ROOT, "  {\"path\": \"%s\", \"bytes\": %d, \"p50_us\": %.1f, \"p99_us\": %.1f}",
                path, size, micros[micros.length / 2], micros[(int) (micros.length * 0.99)]);
    }
}
