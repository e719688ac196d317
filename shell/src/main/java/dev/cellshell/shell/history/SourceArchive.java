package dev.cellshell.shell.history;

import dev.cellshell.livecompiler.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every version of a cell type's sources the audit log names, by {@link SourceDiff#hash}: {@code history/sources/
 * <hash>.src} in the workspace, written once, atomically. What undo, redo and rollback go back to.
 */
public final class SourceArchive {

    private final Path directory;

    public SourceArchive(Path directory) {
        this.directory = directory;
    }

    /** Archives {@code files} (if not already) and returns their hash. */
    public String put(List<SourceFile> files) throws IOException {
        return putTexts(SourceDiff.texts(files));
    }

    /** Archives named texts that are not Java sources (e.g. {@code tissue.json}); the same hash and format. */
    String putTexts(Map<String, String> files) throws IOException {
        String hash = SourceDiff.hashTexts(files);
        Path file = directory.resolve(hash + ".src");
        if (Files.exists(file)) {
            return hash;
        }
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder();
        files.forEach((name, content) -> {
            byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
            text.append(name).append('\n').append(utf8.length).append('\n').append(content).append('\n');
        });
        Path temp = Files.createTempFile(directory, "." + hash, ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return hash;
    }

    /** The sources archived under {@code hash}; empty when unknown or damaged (their hash no longer matches). */
    public Optional<List<SourceFile>> get(String hash) throws IOException {
        Optional<Map<String, String>> texts = getTexts(hash);
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<SourceFile> files = new ArrayList<>();
            texts.get().forEach((name, text) -> files.add(new SourceFile(name, text)));
            return Optional.of(files);
        } catch (IllegalArgumentException notSources) {
            return Optional.empty();
        }
    }

    /** The named texts archived under {@code hash}; empty when unknown or damaged. */
    Optional<Map<String, String>> getTexts(String hash) throws IOException {
        Path file = directory.resolve(hash + ".src");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        Map<String, String> files = new java.util.TreeMap<>();
        int at = 0;
        try {
            while (at < bytes.length) {
                int nameEnd = indexOf(bytes, at);
                String name = new String(bytes, at, nameEnd - at, StandardCharsets.UTF_8);
                int lengthEnd = indexOf(bytes, nameEnd + 1);
                int length = Integer.parseInt(new String(bytes, nameEnd + 1, lengthEnd - nameEnd - 1,
                        StandardCharsets.US_ASCII));
                files.put(name, new String(bytes, lengthEnd + 1, length, StandardCharsets.UTF_8));
                at = lengthEnd + 1 + length + 1;
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return SourceDiff.hashTexts(files).equals(hash) ? Optional.of(files) : Optional.empty();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("truncated archive entry");
    }
}
