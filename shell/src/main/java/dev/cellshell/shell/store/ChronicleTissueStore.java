package dev.cellshell.shell.store;

import dev.cellshell.ipc.store.PersistentMap;
import dev.cellshell.shell.tissue.TissueStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TissueStore} in two Chronicle Maps: {@code store/state.cm} (cell id → props and state) and
 * {@code store/generations.cm} (source hash → class files). A record that does not decode (a store from another
 * version, a damaged file) is dropped with a log line, never thrown at the user.
 *
 * <p>The generation store is a cache and stays bounded: every clean compile is saved (each keystroke's, while a
 * person types in the workbench or an IDE), so once it holds more than {@link #GENERATIONS_KEPT} generations the
 * ones used longest ago are removed down to three quarters of that. A generation records when it was last used
 * (saved, or read at most once an hour); one read since the store opened (the running cells', loaded at start, or
 * one an undo went back to) is not removed.
 */
public final class ChronicleTissueStore implements TissueStore {

    private static final Logger LOG = LoggerFactory.getLogger(ChronicleTissueStore.class);
    private static final int FORMAT = 2;

    private final PersistentMap state;
    private final PersistentMap generations;
    /** The sequence number of each cell's newest record (which of its two copies comes next). */
    private final Map<String, Long> sequences = new java.util.concurrent.ConcurrentHashMap<>();

    /** How many generations the store keeps before it removes the least recently used. */
    static final int GENERATIONS_KEPT = 256;
    /** Marks a generation with its last use (older ones have none and go first). */
    private static final int STAMPED = 0xCE11_6E02;
    private static final long RESTAMP_AFTER_MILLIS = 3_600_000;

    private final int kept;
    private final java.util.function.LongSupplier clock;
    private final java.util.Set<String> readThisRun = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ChronicleTissueStore(PersistentMap state, PersistentMap generations, int kept,
            java.util.function.LongSupplier clock) {
        this.state = state;
        this.generations = generations;
        this.kept = kept;
        this.clock = clock;
    }

    /**
     * Opens (recovering if a shell was killed) the stores under {@code directory}. A file that cannot be opened
     * even with recovery is moved aside ({@code *.broken-<millis>}, kept for inspection) and started afresh.
     */
    public static ChronicleTissueStore open(Path directory) throws IOException {
        return open(directory, GENERATIONS_KEPT, System::currentTimeMillis);
    }

    static ChronicleTissueStore open(Path directory, int kept, java.util.function.LongSupplier clock)
            throws IOException {
        PersistentMap state = openOrSetAside(directory.resolve("state.cm"), "state", 1_024, 512);
        try {
            return new ChronicleTissueStore(state,
                    openOrSetAside(directory.resolve("generations.cm"), "generations", 512, 16 * 1024), kept, clock);
        } catch (IOException | RuntimeException e) {
            state.close();
            throw e;
        }
    }

    private static PersistentMap openOrSetAside(Path file, String name, long entries, int valueBytes)
            throws IOException {
        try {
            return PersistentMap.open(file, name, entries, valueBytes);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".broken-" + System.currentTimeMillis());
            LOG.error("store {} cannot be opened ({}); moved to {} and starting it afresh", file, e.toString(), aside);
            java.nio.file.Files.move(file, aside);
            return PersistentMap.open(file, name, entries, valueBytes);
        }
    }

    /**
     * The newest intact record of a cell. Each save goes to the other of two keys ({@code id#0}, {@code id#1}) with
     * a sequence number and a CRC: a write torn by a kill can only damage the copy being written, never the last
     * acknowledged one.
     */
    @Override
    public Optional<SavedCell> load(String cellId) {
        Record best = null;
        for (int copy = 0; copy < 2; copy++) {
            Record record = decode(cellId, state.get(cellId + "#" + copy));
            if (record != null && (best == null || record.sequence() > best.sequence())) {
                best = record;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        sequences.put(cellId, best.sequence());
        return Optional.of(best.cell());
    }

    private record Record(long sequence, SavedCell cell) {
    }

    private static Record decode(String cellId, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown format");
            }
            long sequence = in.readLong();
            int crc = in.readInt();
            CRC32 check = new CRC32();
            check.update(bytes, 16, bytes.length - 16);
            if ((int) check.getValue() != crc) {
                throw new IOException("checksum mismatch (a write torn by a crash)");
            }
            Map<String, String> props = new LinkedHashMap<>();
            for (int i = 0, n = in.readInt(); i < n; i++) {
                props.put(in.readUTF(), in.readUTF());
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0, n = in.readInt(); i < n; i++) {
                String name = in.readUTF();
                values.put(name, readValue(in));
            }
            return new Record(sequence, new SavedCell(props, values));
        } catch (IOException e) {
            LOG.warn("a saved copy of cell '{}' does not decode ({}); using the other", cellId, e.getMessage());
            return null;
        }
    }

    @Override
    public void save(String cellId, SavedCell cell) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(body);
            out.writeInt(cell.props().size());
            for (Map.Entry<String, String> p : cell.props().entrySet()) {
                out.writeUTF(p.getKey());
                out.writeUTF(p.getValue());
            }
            Map<String, Object> storable = new LinkedHashMap<>();
            cell.state().forEach((k, v) -> {
                if (tag(v) >= 0) {
                    storable.put(k, v);
                }
            });
            out.writeInt(storable.size());
            for (Map.Entry<String, Object> s : storable.entrySet()) {
                out.writeUTF(s.getKey());
                writeValue(out, s.getValue());
            }
            byte[] payload = body.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(payload);
            if (!sequences.containsKey(cellId)) {
                load(cellId);
            }
            long sequence = sequences.merge(cellId, 1L, Long::sum);
            ByteArrayOutputStream record = new ByteArrayOutputStream(payload.length + 16);
            DataOutputStream header = new DataOutputStream(record);
            header.writeInt(FORMAT);
            header.writeLong(sequence);
            header.writeInt((int) crc.getValue());
            header.write(payload);
            state.put(cellId + "#" + (sequence & 1), record.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("saving the state of cell '" + cellId + "'", e);
        }
    }

    /** The type tag of a storable state value, -1 for values the store does not keep. */
    private static int tag(Object v) {
        if (v instanceof Integer) {
            return 1;
        } else if (v instanceof Long) {
            return 2;
        } else if (v instanceof Double) {
            return 3;
        } else if (v instanceof Float) {
            return 4;
        } else if (v instanceof Boolean) {
            return 5;
        } else if (v instanceof String) {
            return 6;
        } else if (v instanceof Character) {
            return 7;
        } else if (v instanceof Short) {
            return 8;
        } else if (v instanceof Byte) {
            return 9;
        }
        return -1;
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        int tag = tag(v);
        out.writeByte(tag);
        switch (tag) {
            case 1 -> out.writeInt((Integer) v);
            case 2 -> out.writeLong((Long) v);
            case 3 -> out.writeDouble((Double) v);
            case 4 -> out.writeFloat((Float) v);
            case 5 -> out.writeBoolean((Boolean) v);
            case 6 -> out.writeUTF((String) v);
            case 7 -> out.writeChar((Character) v);
            case 8 -> out.writeShort((Short) v);
            case 9 -> out.writeByte((Byte) v);
            default -> throw new IllegalArgumentException("not storable: " + v);
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 1 -> in.readInt();
            case 2 -> in.readLong();
            case 3 -> in.readDouble();
            case 4 -> in.readFloat();
            case 5 -> in.readBoolean();
            case 6 -> in.readUTF();
            case 7 -> in.readChar();
            case 8 -> in.readShort();
            case 9 -> in.readByte();
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    @Override
    public Optional<Map<String, byte[]>> classes(String key) {
        byte[] bytes = generations.get(key);
        if (bytes == null) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int first = in.readInt();
            long used = first == STAMPED ? in.readLong() : 0;
            int count = first == STAMPED ? in.readInt() : first;
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] file = new byte[in.readInt()];
                in.readFully(file);
                classes.put(name, file);
            }
            readThisRun.add(key);
            if (clock.getAsLong() - used > RESTAMP_AFTER_MILLIS) {
                saveClasses(key, classes);
            }
            return Optional.of(classes);
        } catch (IOException e) {
            LOG.warn("cached generation {} does not decode ({}); compiling again", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void saveClasses(String key, Map<String, byte[]> classes) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(STAMPED);
            out.writeLong(clock.getAsLong());
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
            generations.put(key, bytes.toByteArray());
            if (generations.size() > kept) {
                evictLeastRecentlyUsed();
            }
        } catch (IOException e) {
            LOG.warn("generation {} not cached: {}", key, e.getMessage());
        }
    }

    /**
     * Removes the generations used longest ago, except those read since the store opened, until three quarters of
     * the bound are left.
     */
    private void evictLeastRecentlyUsed() {
        Map<String, byte[]> all = generations.snapshot();
        List<Map.Entry<String, Long>> byUse = new java.util.ArrayList<>();
        all.forEach((key, bytes) -> {
            if (!readThisRun.contains(key)) {
                byUse.add(Map.entry(key, lastUse(bytes)));
            }
        });
        byUse.sort(Map.Entry.comparingByValue());
        int remove = Math.min(byUse.size(), all.size() - kept * 3 / 4);
        for (int i = 0; i < remove; i++) {
            generations.remove(byUse.get(i).getKey());
        }
        LOG.info("generation store: {} generations used longest ago removed, {} kept", remove, all.size() - remove);
    }

    private static long lastUse(byte[] bytes) {
        if (bytes.length < 12) {
            return 0;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        return b.getInt() == STAMPED ? b.getLong() : 0;
    }

    @Override
    public void close() {
        state.close();
        generations.close();
    }
}
