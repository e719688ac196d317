package dev.cellshell.shell.tissue;

import java.util.Map;
import java.util.Optional;

/**
 * What the tissue persists: each cell's props and state after every change, and compiled classes by source hash.
 * Implementations: {@code ChronicleTissueStore} (files in the workspace) and {@link #NONE}.
 */
public interface TissueStore extends AutoCloseable {

    /** A cell as saved: props by name, {@code @State} fields by name (JDK values only). */
    record SavedCell(Map<String, String> props, Map<String, Object> state) {
        public SavedCell {
            props = Map.copyOf(props);
            state = Map.copyOf(state);
        }
    }

    Optional<SavedCell> load(String cellId);

    /** Durable when it returns: a process killed afterwards loses nothing of it. */
    void save(String cellId, SavedCell cell);

    Optional<Map<String, byte[]>> classes(String key);

    void saveClasses(String key, Map<String, byte[]> classes);

    @Override
    void close();

    /** Persists nothing. */
    TissueStore NONE = new TissueStore() {
        @Override
        public Optional<SavedCell> load(String cellId) {
            return Optional.empty();
        }

        @Override
        public void save(String cellId, SavedCell cell) {
        }

        @Override
        public Optional<Map<String, byte[]>> classes(String key) {
            return Optional.empty();
        }

        @Override
        public void saveClasses(String key, Map<String, byte[]> classes) {
        }

        @Override
        public void close() {
        }
    };
}
