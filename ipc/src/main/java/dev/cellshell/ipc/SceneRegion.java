package dev.cellshell.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Display lists in shared memory: a memory-mapped file of fixed-size slots, each guarded by a seqlock, so the shell
 * (the one writer) never waits for the compositor (the reader) and a reader never sees a torn write: it reads the
 * sequence, the data, the sequence again, and retries when they differ or the sequence is odd (a write in
 * progress). Nothing is ever locked, so a process killed at any instant leaves nothing that blocks the survivor.
 *
 * <p>Layout: a 64-byte header ({@code magic, layout version, slot count, slot bytes, epoch}), then the slots; a slot
 * is {@code long sequence | long stamp | int length | int unused | data}. The stamp says which version of a cell's
 * display list the slot holds; the scene socket announces "cell X is at stamp S in slot N".
 */
public final class SceneRegion implements AutoCloseable {

    private static final int MAGIC = 0x43535343;
    private static final int LAYOUT = 1;
    private static final int HEADER = 64;
    private static final int SLOT_HEADER = 24;
    private static final int MAX_READ_ATTEMPTS = 64;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.nativeOrder());

    private final Path path;
    private final FileChannel channel;
    private final MappedByteBuffer map;
    private final int slots;
    private final int slotBytes;
    private final long epoch;
    private long tornReads;

    private SceneRegion(Path path, FileChannel channel, MappedByteBuffer map, int slots, int slotBytes, long epoch) {
        this.path = path;
        this.channel = channel;
        this.map = map;
        this.slots = slots;
        this.slotBytes = slotBytes;
        this.epoch = epoch;
    }

    /** Creates a fresh region (replacing any old file) with {@code slots} slots of {@code slotBytes} each. */
    public static SceneRegion create(Path path, int slots, int slotBytes) throws IOException {
        if (slots <= 0 || slotBytes < SLOT_HEADER + 8 || slotBytes % 8 != 0) {
            throw new IllegalArgumentException("bad region geometry " + slots + " x " + slotBytes);
        }
        Files.deleteIfExists(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        long size = HEADER + (long) slots * slotBytes;
        MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        map.order(ByteOrder.nativeOrder());
        long epoch = System.nanoTime() ^ ProcessHandle.current().pid() << 32;
        map.putInt(4, LAYOUT).putInt(8, slots).putInt(12, slotBytes).putLong(16, epoch);
        map.putInt(0, MAGIC);
        return new SceneRegion(path, channel, map, slots, slotBytes, epoch);
    }

    /** Attaches to a live region another process created. */
    public static SceneRegion attach(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (channel.size() < HEADER) {
                throw new IOException(path + " is not a scene region (too short)");
            }
            MappedByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, HEADER);
            head.order(ByteOrder.nativeOrder());
            if (head.getInt(0) != MAGIC || head.getInt(4) != LAYOUT) {
                throw new IOException(path + " is not a scene region of layout " + LAYOUT);
            }
            int slots = head.getInt(8);
            int slotBytes = head.getInt(12);
            long size = HEADER + (long) slots * slotBytes;
            if (slots <= 0 || slotBytes < SLOT_HEADER || channel.size() < size) {
                throw new IOException(path + " has an impossible geometry " + slots + " x " + slotBytes);
            }
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            map.order(ByteOrder.nativeOrder());
            return new SceneRegion(path, channel, map, slots, slotBytes, head.getLong(16));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public int slots() {
        return slots;
    }

    /** The most bytes one slot holds. */
    public int capacity() {
        return slotBytes - SLOT_HEADER;
    }

    /** Identifies this region; a new shell makes a new one. */
    public long epoch() {
        return epoch;
    }

    private int offset(int slot) {
        if (slot < 0 || slot >= slots) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + slots);
        }
        return HEADER + slot * slotBytes;
    }

    /**
     * Writes {@code data} as version {@code stamp} into {@code slot}. One writer per slot (the tissue thread).
     *
     * @return false when the data does not fit a slot (send it inline instead)
     */
    public boolean write(int slot, long stamp, byte[] data) {
        if (data.length > capacity()) {
            return false;
        }
        int at = offset(slot);
        long sequence = (long) LONGS.get(map, at);
        LONGS.setOpaque(map, at, sequence + 1);
        VarHandle.storeStoreFence();
        map.putLong(at + 8, stamp);
        map.putInt(at + 16, data.length);
        map.put(at + SLOT_HEADER, data);
        LONGS.setRelease(map, at, sequence + 2);
        return true;
    }

    /** A consistent read of one slot: the stamp it held and its bytes. */
    public record Snapshot(long stamp, byte[] data) {
    }

    /**
     * Reads {@code slot} if it holds version {@code stamp}. Never blocks: empty when the slot has moved on to
     * another stamp (a newer announcement is on its way) or kept changing under the reader.
     */
    public Optional<byte[]> read(int slot, long stamp) {
        return readLatest(slot).filter(s -> s.stamp() == stamp).map(Snapshot::data);
    }

    /** Reads whatever {@code slot} holds, consistently; empty when it kept changing under the reader. */
    public Optional<Snapshot> readLatest(int slot) {
        int at = offset(slot);
        for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
            long before = (long) LONGS.getAcquire(map, at);
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            long stamp = map.getLong(at + 8);
            int length = map.getInt(at + 16);
            byte[] data = length >= 0 && length <= capacity() ? new byte[length] : null;
            if (data != null) {
                map.get(at + SLOT_HEADER, data);
            }
            VarHandle.loadLoadFence();
            long after = (long) LONGS.getAcquire(map, at);
            if (before != after || data == null) {
                tornReads++;
                continue;
            }
            return Optional.of(new Snapshot(stamp, data));
        }
        return Optional.empty();
    }

    /** Reads that overlapped a write and were retried, for tests and statistics. */
    public long tornReads() {
        return tornReads;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // The mapping stays valid until collected; nothing else to release.
        }
    }
}
