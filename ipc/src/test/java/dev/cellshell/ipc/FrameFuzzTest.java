package dev.cellshell.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, reproducible fuzzing of the three protocols (scene, control, host): random bytes and mutations of valid frames (bit flips, cuts,
 * extensions, forged lengths, counts and tags). Every input must decode or be refused with a
 * {@link ProtocolException}; anything else (another exception, an out-of-memory, a hang) fails the test.
 */
class FrameFuzzTest {

    private static final long SEED = 0xCE11_5E11L;
    private static final int INPUTS = 1_000_000;
    private static final HostCodec HOST = new HostCodec();
    private static final AxonCodec AXON = new AxonCodec();

    private static List<byte[]> validFrames() {
        List<byte[]> frames = new ArrayList<>();
        Stream.of(CodecTest.sceneMessages().map(SceneMessage.CODEC::encode),
                CodecTest.controlMessages().map(ControlMessage.CODEC::encode),
                CodecTest.hostMessages().map(HOST::encode), CodecTest.axonMessages().map(AXON::encode)).flatMap(s -> s).forEach(frames::add);
        return frames;
    }

    static byte[] mutate(Random random, List<byte[]> valid) {
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] frame = valid.get(random.nextInt(valid.size())).clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> frame = Arrays.copyOf(frame, random.nextInt(frame.length));
            case 2 -> {
                byte[] longer = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(32));
                for (int i = frame.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt();
                }
                frame = longer;
            }
            case 3 -> ByteBuffer.wrap(frame).putInt(0, random.nextInt());
            case 4 -> {
                if (frame.length >= 14) {
                    ByteBuffer.wrap(frame).putInt(10 + random.nextInt(frame.length - 13), random.nextInt());
                }
            }
            default -> frame[5] = (byte) random.nextInt();
        }
        return frame;
    }

    private static <M> boolean decodes(Codec<M> codec, byte[] bytes) {
        try {
            codec.decode(Frames.decode(ByteBuffer.wrap(bytes)));
            return true;
        } catch (ProtocolException refused) {
            return false;
        }
    }

    @Test
    void aMillionRandomAndMutatedFramesAreDecodedOrRefusedNeverAnythingElse() {
        // A frame names its own length, so every mutation is bounded: a forged length or count is refused before
        // anything is allocated (the codecs check counts against the bytes left).
        Random random = new Random(SEED);
        List<byte[]> valid = validFrames();
        int[] outcomes = new int[2];
        Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(5), () -> {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = mutate(random, valid);
                try {
                    boolean scene = decodes(SceneMessage.CODEC, input);
                    boolean control = decodes(ControlMessage.CODEC, input);
                    boolean host = decodes(HOST, input);
                    boolean axon = decodes(AXON, input);
                    outcomes[scene || control || host || axon ? 0 : 1]++;
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("input " + i + " (seed " + SEED + ") " + Arrays.toString(input)
                            + " escaped as " + e, e);
                }
            }
        });
        assertThat(outcomes[0] + outcomes[1]).isEqualTo(INPUTS);
        assertThat(outcomes[1]).as("refused").isGreaterThan(INPUTS / 2);
        assertThat(outcomes[0]).as("mutations that still decode (e.g. a flipped bit inside a string)")
                .isPositive();
    }

    @Test
    void aLiveServerSurvivesThousandsOfFuzzedConnectionsAndStillAnswers(@TempDir Path dir) throws Exception {
        Random random = new Random(SEED + 1);
        List<byte[]> valid = validFrames();
        AtomicInteger refused = new AtomicInteger();
        try (SocketServer server = SocketServer.bind(dir.resolve("fuzz.sock"))) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                while (true) {
                    try (Connection<ControlMessage> peer = server.accept(ControlMessage.CODEC)) {
                        for (ControlMessage m = peer.receive(); m != null; m = peer.receive()) {
                            peer.send(new ControlMessage.Failure("echo " + m.getClass().getSimpleName()));
                        }
                    } catch (ProtocolException e) {
                        refused.incrementAndGet();
                    } catch (IOException e) {
                        if (!server.path().toFile().exists()) {
                            return;
                        }
                    }
                }
            });
            for (int i = 0; i < 3_000; i++) {
                try (SocketChannel raw = SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                    raw.connect(java.net.UnixDomainSocketAddress.of(server.path()));
                    byte[] input = mutate(random, valid);
                    raw.write(ByteBuffer.wrap(input));
                }
            }
            try (Connection<ControlMessage> client = Connection.open(server.path(), ControlMessage.CODEC)) {
                assertThat(client.call(new ControlMessage.StatusRequest()))
                        .isEqualTo(new ControlMessage.Failure("echo StatusRequest"));
            }
            assertThat(refused.get()).as("connections refused as malformed").isGreaterThan(1_000);
            server.close();
            serving.get(10, TimeUnit.SECONDS);
        }
    }
}
