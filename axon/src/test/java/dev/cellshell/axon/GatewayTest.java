package dev.cellshell.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.ipc.AxonMessage;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on loopback: identities, pairing with a one-time code, pinned mutual TLS, pings and a cell stream. */
class GatewayTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private NodeIdentity laptop;
    private NodeIdentity buildbox;
    private PeerBook laptopBook;
    private PeerBook buildboxBook;
    private Invites invites;
    private Gateway gateway;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void twoNodes() throws IOException {
        laptop = NodeIdentity.create(dir.resolve("laptop"), "laptop");
        buildbox = NodeIdentity.create(dir.resolve("buildbox"), "buildbox");
        laptopBook = PeerBook.open(dir.resolve("laptop"));
        buildboxBook = PeerBook.open(dir.resolve("buildbox"));
        invites = new Invites(Clock.systemUTC());
        gateway = Gateway.start(buildbox, "127.0.0.1:0", buildboxBook, invites, new EchoCells());
    }

    @AfterEach
    void stop() {
        gateway.close();
        timer.shutdownNow();
    }

    private String address() {
        return "127.0.0.1:" + gateway.port();
    }

    @Test
    void anIdentityIsPrivateAndReadsBackAsItWasMade() throws IOException {
        Path folder = dir.resolve("laptop");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("node.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("node.crt"))))
                .isEqualTo("rw-------");
        NodeIdentity again = NodeIdentity.load(folder);
        assertThat(again.name()).isEqualTo("laptop");
        assertThat(again.fingerprint()).isEqualTo(laptop.fingerprint()).matches("[0-9a-f]{64}");
        assertThatThrownBy(() -> NodeIdentity.create(folder, "laptop")).hasMessageContaining("already");
        assertThatThrownBy(() -> NodeIdentity.create(dir.resolve("x"), "Bad Name")).hasMessageContaining("lower-case");
    }

    @Test
    void theRightCodePairsBothSidesAndPinsEachOthersCertificate() throws Exception {
        Invites.Invite invite = invites.open(Set.of("SystemMonitor"), false);
        Peer pinned = Links.pair(laptop, address(), invite.code().toLowerCase(java.util.Locale.ROOT), "", DEADLINE);
        assertThat(pinned.name()).isEqualTo("buildbox");
        assertThat(pinned.fingerprint()).isEqualTo(buildbox.fingerprint());
        Peer there = buildboxBook.named("laptop").orElseThrow();
        assertThat(there.fingerprint()).isEqualTo(laptop.fingerprint());
        assertThat(there.types()).containsExactly("SystemMonitor");
        assertThat(there.refusal("Clock")).contains("may not run Clock");
        assertThat(invites.current()).as("a code pairs once").isEmpty();
        assertThat(PeerBook.open(dir.resolve("buildbox")).named("laptop")).contains(there);

        laptopBook.put(pinned);
        try (PeerLink link = PeerLink.open(laptop, pinned, timer, ready -> { })) {
            PeerLink.Pong pong = link.ping(DEADLINE);
            assertThat(pong.name()).isEqualTo("buildbox");
            assertThat(pong.cells()).containsExactly("echo");
            LinkedBlockingQueue<AxonMessage> answers = new LinkedBlockingQueue<>();
            StreamObserver<AxonMessage> calls = link.openCells(collect(answers));
            calls.onNext(new AxonMessage.Open("node-buildbox"));
            calls.onNext(new AxonMessage.Call(1, "echo", new byte[] {1, 2, 3}));
            AxonMessage answer = answers.poll(10, TimeUnit.SECONDS);
            assertThat(answer).isInstanceOf(AxonMessage.Reply.class);
            assertThat(((AxonMessage.Reply) answer).answer()).containsExactly(1, 2, 3);
            calls.onCompleted();
        }
    }

    @Test
    void aWrongCodeIsRefusedAndThreeVoidTheCode() throws Exception {
        Invites.Invite invite = invites.open(Set.of(Peer.ANY_TYPE), true);
        String wrong = invite.code().startsWith("A") ? "BBBB-BBBB" : "AAAA-AAAA";
        assertThatThrownBy(() -> Links.pair(laptop, address(), wrong, "", DEADLINE))
                .hasMessageContaining("refused to pair: wrong code");
        assertThat(buildboxBook.peers()).isEmpty();
        assertThatThrownBy(() -> Links.pair(laptop, address(), wrong, "", DEADLINE))
                .hasMessageContaining("wrong code");
        assertThatThrownBy(() -> Links.pair(laptop, address(), wrong, "", DEADLINE))
                .hasMessageContaining("the code is void now");
        assertThat(invites.current()).isEmpty();
        assertThatThrownBy(() -> Links.pair(laptop, address(), invite.code(), "", DEADLINE))
                .as("not even the right code after that: the handshake itself is refused")
                .isInstanceOf(IOException.class);
        assertThat(buildboxBook.peers()).isEmpty();
    }

    @Test
    void anUnpairedNodeCannotEvenFinishTheHandshake() throws Exception {
        Peer pretend = new Peer("buildbox", address(), buildbox.fingerprint(), Set.of(), false, "");
        try (PeerLink link = PeerLink.open(laptop, pretend, timer, ready -> { })) {
            assertThatThrownBy(() -> link.ping(DEADLINE)).isInstanceOf(IOException.class)
                    .hasMessageContaining("unavailable");
        }
        NodeIdentity rogue = NodeIdentity.create(dir.resolve("rogue"), "buildbox");
        Gateway impostor = Gateway.start(rogue, "127.0.0.1:0", PeerBook.open(dir.resolve("rogue")),
                new Invites(Clock.systemUTC()), new EchoCells());
        try (PeerLink link = PeerLink.open(laptop, pretend.withAddress("127.0.0.1:" + impostor.port()), timer,
                ready -> { })) {
            assertThatThrownBy(() -> link.ping(DEADLINE)).as("a server with another certificate under the same name")
                    .isInstanceOf(IOException.class);
        } finally {
            impostor.close();
        }
    }

    private static StreamObserver<AxonMessage> collect(LinkedBlockingQueue<AxonMessage> into) {
        return new StreamObserver<>() {
            @Override
            public void onNext(AxonMessage value) {
                into.add(value);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    /** Answers every call with its own bytes. */
    private static final class EchoCells implements Gateway.Cells {
        @Override
        public StreamObserver<AxonMessage> open(Peer peer, StreamObserver<AxonMessage> toPeer) {
            return new StreamObserver<>() {
                @Override
                public void onNext(AxonMessage value) {
                    if (value instanceof AxonMessage.Call call) {
                        toPeer.onNext(new AxonMessage.Reply(call.sequence(), call.request(), 0, -1, -1));
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    toPeer.onCompleted();
                }
            };
        }

        @Override
        public List<String> cellsFor(Peer peer) {
            return List.of("echo");
        }
    }
}
