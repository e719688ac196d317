package dev.cellshell.shell.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, hash-chained log ({@code audit.log}, one tab-separated entry per line). Each entry carries the
 * SHA-256 of the previous entry and its own hash over all its fields, so editing, removing or reordering any entry
 * breaks the chain at that entry. {@link #append} returns only after the line is on disk (fsync): an acknowledged
 * change is always in the log. A line torn by a crash mid-write was never acknowledged and is dropped on open.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** The previous-hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * One change.
     *
     * @param actor who made it: {@code cli}, {@code workbench}, {@code file}, {@code supervisor}, …
     * @param action {@code swap}, {@code rollback}, {@code restart}, {@code quarantine}, …
     * @param sourceHash SHA-256 of the cell type's sources after the change (empty when none)
     * @param diff what changed in the sources, {@code -}/{@code +} lines per file
     * @param result {@code swapped}, {@code refused: why}, …
     */
    public record Entry(long sequence, Instant time, String actor, String action, String cellId, String cellType,
            long generation, String sourceHash, String diff, String result, String previousHash, String hash) {

        String body() {
            return String.join("\t", Long.toString(sequence), time.toString(), escape(actor), escape(action),
                    escape(cellId), escape(cellType), Long.toString(generation), sourceHash, escape(diff),
                    escape(result), previousHash);
        }

        String line() {
            return body() + "\t" + hash;
        }
    }

    /** What {@link #verify} found: every entry chained and intact, or the first that is not and why. */
    public record Verification(boolean intact, int entries, long firstBadSequence, String problem) {
    }

    private final Path file;
    private final FileChannel channel;
    private final List<Entry> entries;

    private AuditLog(Path file, FileChannel channel, List<Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
    }

    /** Opens the log for appending, dropping a torn last line; refuses a log whose chain is broken. */
    public static AuditLog open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                LOG.warn("{}: dropping a torn last line ({} bytes) left by a crash mid-write", file,
                        bytes.length - end);
                try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    c.truncate(end);
                    c.force(true);
                }
            }
        }
        Verification check = verify(file);
        if (!check.intact()) {
            throw new IOException("audit log " + file + " is not intact at entry " + check.firstBadSequence() + ": "
                    + check.problem() + " (run: cell audit verify)");
        }
        List<Entry> entries = new ArrayList<>(read(file));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new AuditLog(file, channel, entries);
    }

    /** Appends an entry and forces it to disk before returning it. */
    public synchronized Entry append(String actor, String action, String cellId, String cellType, long generation,
            String sourceHash, String diff, String result) throws IOException {
        String previous = entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
        Entry draft = new Entry(entries.size() + 1L, Instant.now(), actor, action, cellId, cellType, generation,
                sourceHash, diff, result, previous, "");
        Entry entry = new Entry(draft.sequence(), draft.time(), actor, action, cellId, cellType, generation,
                sourceHash, diff, result, previous, sha256(draft.body()));
        ByteBuffer line = ByteBuffer.wrap((entry.line() + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(false);
        entries.add(entry);
        return entry;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The last entry about {@code cellType} that changed what runs (a swap or rollback that took effect). */
    public static Optional<Entry> lastApplied(List<Entry> entries, String cellType) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.cellType().equals(cellType) && !e.sourceHash().isEmpty()
                    && (e.result().equals("swapped") || e.result().equals("loaded")
                            || e.result().startsWith("rolled back"))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Path file() {
        return file;
    }

    /** Checks the whole chain of the log at {@code file} (absent = an empty, intact log). */
    public static Verification verify(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Verification(true, 0, 0, "");
        }
        List<String> lines = completeLines(file);
        String previous = GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            long expected = i + 1L;
            Entry entry;
            try {
                entry = parse(lines.get(i));
            } catch (RuntimeException e) {
                return new Verification(false, lines.size(), expected, "line " + expected + " is not an entry ("
                        + e.getMessage() + ")");
            }
            if (entry.sequence() != expected) {
                return new Verification(false, lines.size(), expected, "entry " + entry.sequence() + " stands where "
                        + expected + " should (removed or reordered)");
            }
            if (!entry.previousHash().equals(previous)) {
                return new Verification(false, lines.size(), expected,
                        "its previous-hash does not match the entry before it (an entry was removed or reordered)");
            }
            if (!sha256(entry.body()).equals(entry.hash())) {
                return new Verification(false, lines.size(), expected, "its content does not match its hash (edited)");
            }
            previous = entry.hash();
        }
        return new Verification(true, lines.size(), 0, "");
    }

    /**
     * Reads the entries of the log at {@code file} without changing it (safe while a shell appends): a last line
     * still being written is left out.
     *
     * @throws IllegalArgumentException when a line is not an entry (run {@link #verify} for the details)
     */
    public static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : completeLines(file)) {
                entries.add(parse(line));
            }
        }
        return entries;
    }

    /** The lines that end in a newline: a line being appended right now (or torn by a crash) is not one yet. */
    private static List<String> completeLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    private static Entry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 12) {
            throw new IllegalArgumentException(f.length + " fields, not 12");
        }
        return new Entry(Long.parseLong(f[0]), Instant.parse(f[1]), unescape(f[2]), unescape(f[3]), unescape(f[4]),
                unescape(f[5]), Long.parseLong(f[6]), f[7], unescape(f[8]), unescape(f[9]), f[10], f[11]);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Every entry was forced to disk when appended.
        }
    }
}
