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
}
