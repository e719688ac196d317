package dev.cellshell.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketTest {

    @TempDir
    Path dir;

    @Test
    void requestAndReplyCrossAUnixSocket() throws Exception {
        try (SocketServer server = SocketServer.bind(dir.resolve("control.sock"))) {
            CompletableFuture<ControlMessage> served = CompletableFuture.supplyAsync(() -> {
                try (Connection<ControlMessage> peer = server.accept(ControlMessage.CODEC)) {
                    ControlMessage request = peer.receive();
                    peer.send(new ControlMessage.Failure("got " + request.getClass().getSimpleName()));
                    return request;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (Connection<ControlMessage> client = Connection.open(server.path(), ControlMessage.CODEC)) {
                assertThat(client.call(new ControlMessage.StatusRequest()))
                        .isEqualTo(new ControlMessage.Failure("got StatusRequest"));
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(new ControlMessage.StatusRequest());
        }
    }

    @Test
    void aLargeFrameArrivesWhole() throws Exception {
        byte[] png = new byte[5 * 1024 * 1024 + 17];
        new java.util.Random(3).nextBytes(png);
        try (SocketServer server = SocketServer.bind(dir.resolve("big.sock"))) {
            CompletableFuture<ControlMessage> received = CompletableFuture.supplyAsync(() -> {
                try (Connection<ControlMessage> peer = server.accept(ControlMessage.CODEC)) {
                    return peer.receive();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (Connection<ControlMessage> client = Connection.open(server.path(), ControlMessage.CODEC)) {
                client.send(new ControlMessage.ShotReply(9, png));
            }
            assertThat(((ControlMessage.ShotReply) received.get(10, TimeUnit.SECONDS)).png()).isEqualTo(png);
        }
    }

    @Test
    void aPeerClosingMidFrameIsAnEofNotAHang() throws Exception {
        try (SocketServer server = SocketServer.bind(dir.resolve("scene.sock"))) {
            try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                raw.connect(UnixDomainSocketAddress.of(server.path()));
                try (Connection<SceneMessage> accepted = server.accept(SceneMessage.CODEC)) {
                    raw.write(ByteBuffer.allocate(10).putInt(100).put(Frames.VERSION).put((byte) 1).putInt(1).flip());
                    raw.close();
                    assertThatThrownBy(accepted::receive).isInstanceOf(EOFException.class)
                            .hasMessageContaining("mid-frame");
                }
            }
        }
    }

    @Test
    void anOutOfSequenceFrameIsRefusedAndAnErrorFrameReachesThePeer() throws Exception {
        try (SocketServer server = SocketServer.bind(dir.resolve("seq.sock"))) {
            try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                raw.connect(UnixDomainSocketAddress.of(server.path()));
                try (Connection<ControlMessage> accepted = server.accept(ControlMessage.CODEC)) {
                    byte[] frame = ControlMessage.CODEC.encode(new ControlMessage.StatusRequest());
                    Frames.stamp(frame, 7);
                    raw.write(ByteBuffer.wrap(frame));
                    assertThatThrownBy(accepted::receive).isInstanceOf(ProtocolException.class)
                            .hasMessageContaining("expected 1, got 7");
                    accepted.refuse("frame out of sequence");
                }
                Connection<ControlMessage> client = new Connection<>(raw, ControlMessage.CODEC);
                assertThatThrownBy(client::receive).isInstanceOf(Connection.PeerError.class)
                        .hasMessage("frame out of sequence");
            }
        }
    }

    @Test
    void aStaleSocketFileIsReplacedButALiveOneIsRefused() throws Exception {
        Path path = dir.resolve("shell.sock");
        SocketServer first = SocketServer.bind(path);
        assertThatThrownBy(() -> SocketServer.bind(path)).hasMessageContaining("already listening");
        first.close();
        java.nio.file.Files.createFile(path);
        try (SocketServer second = SocketServer.bind(path)) {
            assertThat(SocketServer.isAlive(path)).isTrue();
        }
    }
}
