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
    void aPeerClosingMidFrameIsAnEofNotAHang() throws Exception {
        try (SocketServer server = SocketServer.bind(dir.resolve("scene.sock"))) {
            try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                raw.connect(UnixDomainSocketAddress.of(server.path()));
                try (Connection<SceneMessage> accepted = server.accept(SceneMessage.CODEC)) {
                    raw.write(ByteBuffer.allocate(6).putInt(100).put(Frames.VERSION).put((byte) 1).flip());
                    raw.close();
                    assertThatThrownBy(accepted::receive).isInstanceOf(EOFException.class)
                            .hasMessageContaining("mid-frame");
                }
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
