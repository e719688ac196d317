package dev.cellshell.shell.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.store.PersistentMap;
import dev.cellshell.shell.tissue.TissueStore.SavedCell;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleTissueStoreTest {

    @TempDir
    Path dir;

    @Test
    void theNewestIntactCopyWinsSoATornWriteLosesOnlyItself() throws Exception {
        try (ChronicleTissueStore store = ChronicleTissueStore.open(dir)) {
            store.save("button", new SavedCell(Map.of("text", "Click me"), Map.of("clicks", 1)));
            store.save("button", new SavedCell(Map.of("text", "Click me"), Map.of("clicks", 2)));
            store.save("button", new SavedCell(Map.of("text", "Click me"), Map.of("clicks", 3)));
        }
        try (PersistentMap raw = PersistentMap.open(dir.resolve("state.cm"), "state", 1_024, 512)) {
            byte[] newest = raw.get("button#1");
            newest[newest.length - 1] ^= 0x5A;
            raw.put("button#1", newest);
        }
        try (ChronicleTissueStore store = ChronicleTissueStore.open(dir)) {
            assertThat(store.load("button")).hasValueSatisfying(cell ->
                    assertThat(cell.state()).containsEntry("clicks", 2));
            store.save("button", new SavedCell(Map.of(), Map.of("clicks", 4)));
            assertThat(store.load("button").orElseThrow().state()).containsEntry("clicks", 4);
            assertThat(store.load("nobody")).isEmpty();
        }
    }

    @Test
    void theGenerationStoreKeepsTheRecentlyUsedAndStopsGrowing() throws Exception {
        long[] now = {1_000_000};
        Map<String, byte[]> classes = Map.of("Label", new byte[2_000], "Label$1", new byte[300]);
        try (ChronicleTissueStore store = ChronicleTissueStore.open(dir, 40, () -> now[0])) {
            store.saveClasses("running", classes);
            store.saveClasses("stale", classes);
            assertThat(store.classes("running")).as("read: a cell runs it").isPresent();
            for (int i = 0; i < 200; i++) {
                now[0] += 1_000;
                store.saveClasses("typed-" + i, classes);
            }
            assertThat(store.classes("running")).as("in use, so kept").isPresent();
            assertThat(store.classes("typed-199")).isPresent();
            assertThat(store.classes("typed-0")).as("used longest ago").isEmpty();
            assertThat(store.classes("stale")).as("saved, never read, long ago").isEmpty();
            assertThat(store.classes("typed-150")).isEmpty();
            assertThat(store.classes("typed-190").orElseThrow().get("Label")).hasSize(2_000);
        }
        try (PersistentMap raw = PersistentMap.open(dir.resolve("generations.cm"), "generations", 512, 16 * 1024)) {
            assertThat(raw.size()).isBetween(30L, 40L);
            assertThat(raw.capacity()).as("never rebuilt larger").isEqualTo(512);
        }
    }

    @Test
    void generationsSavedBeforeTheyCarriedTheirLastUseStillLoadAndGoFirst() throws Exception {
        try (PersistentMap raw = PersistentMap.open(dir.resolve("generations.cm"), "generations", 512, 16 * 1024)) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            out.writeInt(1);
            out.writeUTF("Old");
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
            raw.put("old", bytes.toByteArray());
        }
        long[] now = {5_000};
        try (ChronicleTissueStore store = ChronicleTissueStore.open(dir, 4, () -> now[0])) {
            assertThat(store.classes("old").orElseThrow().get("Old")).containsExactly(1, 2, 3);
        }
        try (ChronicleTissueStore store = ChronicleTissueStore.open(dir, 4, () -> now[0])) {
            for (int i = 0; i < 4; i++) {
                now[0] += 10;
                store.saveClasses("new-" + i, Map.of("New", new byte[] {9}));
            }
            assertThat(store.classes("new-3")).isPresent();
            assertThat(store.classes("old")).as("no last use: the first to go").isEmpty();
        }
    }
}
