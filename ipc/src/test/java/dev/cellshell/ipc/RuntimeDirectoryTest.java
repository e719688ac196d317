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

    @Test
    void foldersOfShellsThatAreGoneAreSweptAndLiveOrStartingOnesStay(@TempDir Path base) throws Exception {
        java.time.Instant now = java.time.Instant.now();
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(now.minusSeconds(600));

        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = Files.createDirectory(base.resolve("dead"));
        Files.writeString(dead.resolve(RuntimeDirectory.OWNER_FILE), finished.pid() + " 2026-01-01T00:00:00Z\n");
        Files.writeString(dead.resolve("scene.shm"), "left behind");

        Path alive = Files.createDirectory(base.resolve("alive"));
        RuntimeDirectory.claim(alive);

        Path reused = Files.createDirectory(base.resolve("reused"));
        Files.writeString(reused.resolve(RuntimeDirectory.OWNER_FILE), ProcessHandle.current().pid()
                + " 1999-01-01T00:00:00Z\n");

        Path starting = Files.createDirectory(base.resolve("starting"));

        Path oldEmpty = Files.createDirectory(base.resolve("old-empty"));
        Files.setLastModifiedTime(oldEmpty, old);

        Path oldListening = Files.createDirectory(base.resolve("old-listening"));
        Path oldSilent = Files.createDirectory(base.resolve("old-silent"));
        try (SocketServer server = SocketServer.bind(oldListening.resolve("control.sock"))) {
            SocketServer silent = SocketServer.bind(oldSilent.resolve("control.sock"));
            silent.close();
            if (!Files.exists(oldSilent.resolve("control.sock"))) {
                // A killed shell leaves its socket file; closing removed it, so put a dead one back.
                Files.createFile(oldSilent.resolve("control.sock"));
            }
            Files.setLastModifiedTime(oldListening, old);
            Files.setLastModifiedTime(oldSilent, old);

            java.util.List<Path> removed = RuntimeDirectory.sweepStale(base, now);

            assertThat(removed).containsExactlyInAnyOrder(dead, reused, oldEmpty, oldSilent);
            assertThat(dead).as("a dead shell's folder, its shared memory too").doesNotExist();
            assertThat(alive).as("this process's own folder").exists();
            assertThat(starting).as("a folder without an owner younger than the grace period").exists();
            assertThat(oldListening).as("an old shell without an owner file that still answers").exists();
            assertThat(server.path()).exists();
        }
    }
}
