package dev.cellshell.ipc.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code String → byte[]} Chronicle Map persisted to a file, owned by this process alone. Opening recovers a
 * file left by a killed owner ({@code createOrRecoverPersistedTo}); a put into a full map rebuilds it twice as large
 * (written beside it, then moved over it) and retries, so a user never sees "map full".
 */
public final class PersistentMap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PersistentMap.class);

    private final Path file;
    private final String name;
    private long entries;
    private int averageValueBytes;
    private ChronicleMap<String, byte[]> map;

    private PersistentMap(Path file, String name, long entries, int averageValueBytes) throws IOException {
        this.file = file;
        this.name = name;
        this.entries = entries;
        this.averageValueBytes = averageValueBytes;
        this.map = openMap(file, name, entries, averageValueBytes);
    }

    /**
     * Opens (creating or recovering) the map at {@code file}.
     *
     * @param entries how many entries to size for at first
     * @param averageValueBytes the expected average value size
     */
    public static PersistentMap open(Path file, String name, long entries, int averageValueBytes)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new PersistentMap(file, name, entries, averageValueBytes);
    }

    private static ChronicleMap<String, byte[]> openMap(Path file, String name, long entries, int averageValueBytes)
            throws IOException {
        return ChronicleMapBuilder.of(String.class, byte[].class).name(name).entries(entries)
                .averageKeySize(40).averageValueSize(averageValueBytes).maxBloatFactor(4.0)
                .createOrRecoverPersistedTo(file.toFile());
    }

    public synchronized byte[] get(String key) {
        return map.get(key);
    }

    /** Stores {@code value} under {@code key}; grows the map when it is full. */
    public synchronized void put(String key, byte[] value) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                map.put(key, value);
                return;
            } catch (IllegalStateException | IllegalArgumentException full) {
                if (attempt >= 4) {
                    throw new IOException(name + ": cannot store " + value.length + " bytes under " + key
                            + " even after growing to " + entries + " entries", full);
                }
                grow(Math.max(averageValueBytes, value.length));
            }
        }
    }

    public synchronized void remove(String key) {
        map.remove(key);
    }

    public synchronized long size() {
        return map.longSize();
    }

    /** A copy of every entry. */
    public synchronized Map<String, byte[]> snapshot() {
        return new HashMap<>(map);
    }

    /** How many entries the map is sized for now. */
    public synchronized long capacity() {
        return entries;
    }

    private void grow(int valueBytes) throws IOException {
        long larger = entries * 2;
        Path next = file.resolveSibling(file.getFileName() + ".grow");
        Files.deleteIfExists(next);
        LOG.info("{} is full at {} entries; rebuilding it for {}", name, map.longSize(), larger);
        try (ChronicleMap<String, byte[]> bigger = openMap(next, name, larger, valueBytes)) {
            bigger.putAll(map);
        }
        map.close();
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        entries = larger;
        averageValueBytes = valueBytes;
        map = openMap(file, name, entries, averageValueBytes);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (map.isOpen()) {
            map.close();
        }
    }
}
