package dev.cellshell.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneRegionTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenSlotReadsBackUnderItsStampOnly() throws Exception {
        try (SceneRegion writer = SceneRegion.create(dir.resolve("scene.shm"), 8, 4096);
                SceneRegion reader = SceneRegion.attach(dir.resolve("scene.shm"))) {
            assertThat(writer.write(3, 42, new byte[] {1, 2, 3})).isTrue();
            assertThat(reader.read(3, 42)).contains(new byte[] {1, 2, 3});
            assertThat(reader.read(3, 41)).as("another stamp: the slot moved on").isEmpty();
            assertThat(reader.epoch()).isEqualTo(writer.epoch());
            assertThat(writer.write(4, 1, new byte[writer.capacity() + 1])).as("too big for a slot").isFalse();
        }
    }

    @Test
    void attachingToSomethingElseIsRefusedClearly() throws Exception {
        Path junk = Files.write(dir.resolve("junk"), new byte[100]);
        assertThatThrownBy(() -> SceneRegion.attach(junk)).hasMessageContaining("is not a scene region");
    }

    @Test
    void aWriterJvmAndAReaderHammeringTheRegionForTenSecondsNeverYieldATornRead() throws Exception {
        Path file = dir.resolve("hammer.shm");
        try (SceneRegion reader = SceneRegion.create(file, 4, 8192)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SeqlockWriter.class.getName(), file.toString(), "10").redirectErrorStream(true).start();
            long reads = 0;
            long nonEmpty = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(11);
            while (writer.isAlive() && System.nanoTime() < deadline) {
                for (int slot = 0; slot < 4; slot++) {
                    var snapshot = reader.readLatest(slot);
                    reads++;
                    if (snapshot.isPresent() && snapshot.get().stamp() > 0) {
                        nonEmpty++;
                        long stamp = snapshot.get().stamp();
                        byte[] data = snapshot.get().data();
                        assertThat(data.length).as("length of stamp %d", stamp).isEqualTo(SeqlockWriter.lengthOf(stamp));
                        for (byte b : data) {
                            if (b != (byte) stamp) {
                                throw new AssertionError("torn read returned: stamp " + stamp + " has byte " + b);
                            }
                        }
                    }
                }
            }
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long written = Long.parseLong(new String(writer.getInputStream().readAllBytes()).strip());
            assertThat(written).as("writes").isGreaterThan(10_000);
            assertThat(nonEmpty).as("consistent reads of %d", reads).isGreaterThan(10_000);
            System.out.printf("seqlock hammer: %d writes, %d reads, %d consistent, %d torn and retried%n",
                    written, reads, nonEmpty, reader.tornReads());
        }
    }
}
