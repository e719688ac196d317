package dev.cellshell.ipc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentMapTest {

    @TempDir
    Path dir;

    @Test
    void valuesSurviveClosingAndReopening() throws Exception {
        try (PersistentMap map = PersistentMap.open(dir.resolve("state.cm"), "state", 100, 64)) {
            map.put("label", new byte[] {1, 2, 3});
        }
        try (PersistentMap map = PersistentMap.open(dir.resolve("state.cm"), "state", 100, 64)) {
            assertThat(map.get("label")).containsExactly(1, 2, 3);
            assertThat(map.get("absent")).isNull();
        }
    }

    @Test
    void aFullMapIsRebuiltLargerInsteadOfFailing() throws Exception {
        try (PersistentMap map = PersistentMap.open(dir.resolve("small.cm"), "small", 10, 16)) {
            for (int i = 0; i < 2_000; i++) {
                map.put("key-" + i, new byte[16 + i % 200]);
            }
            assertThat(map.size()).isEqualTo(2_000);
            assertThat(map.capacity()).isGreaterThan(10);
            assertThat(map.get("key-1999")).hasSize(16 + 1999 % 200);
        }
        try (PersistentMap reopened = PersistentMap.open(dir.resolve("small.cm"), "small", 10, 16)) {
            assertThat(reopened.size()).isEqualTo(2_000);
        }
    }
}
