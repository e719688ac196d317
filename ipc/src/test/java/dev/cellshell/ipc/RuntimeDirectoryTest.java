package dev.cellshell.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeDirectoryTest {

    @TempDir
    Path workspace;

    @Test
    void theRuntimeFolderAndItsSocketsAreOwnerOnly() throws Exception {
        Path dir = RuntimeDirectory.create(workspace);
        try {
            assertThat(dir).isEqualTo(RuntimeDirectory.of(workspace));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())))
                    .isEqualTo("rwx------");
            try (SocketServer server = SocketServer.bind(dir.resolve("control.sock"))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.path())))
                        .isEqualTo("rw-------");
            }
            assertThat(RuntimeDirectory.of(workspace.resolve("other"))).isNotEqualTo(dir);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void peersTheCredentialsCheckRefusesAreClosedAndTheServerCarriesOn() throws Exception {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SocketServer server = SocketServer.bind(workspace.resolve("strict.sock"), peer -> {
            seen.add(peer.user().getName());
            return seen.size() > 1;
        })) {
            java.util.concurrent.CompletableFuture<ControlMessage> served =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try (Connection<ControlMessage> peer = server.accept(ControlMessage.CODEC)) {
                            return peer.receive();
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    });
            try (Connection<ControlMessage> refused = Connection.open(server.path(), ControlMessage.CODEC)) {
                assertThat(refused.receive()).as("closed without a word").isNull();
            }
            try (Connection<ControlMessage> admitted = Connection.open(server.path(), ControlMessage.CODEC)) {
                admitted.send(new ControlMessage.StatusRequest());
            }
            assertThat(served.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(new ControlMessage.StatusRequest());
            assertThat(seen).containsOnly(System.getProperty("user.name"));
        }
    }
}
