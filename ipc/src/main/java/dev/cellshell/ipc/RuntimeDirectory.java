package dev.cellshell.ipc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The private folder (mode 0700) where a shell's sockets and shared memory live:
 * {@code $XDG_RUNTIME_DIR/cellshell/<workspace hash>} when the session has one, else
 * {@code /dev/shm/cellshell-<user>/<workspace hash>} (memory-backed), else under {@code java.io.tmpdir}. One folder
 * per workspace, so every {@code cell} verb finds its shell from the workspace path alone.
 */
public final class RuntimeDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private RuntimeDirectory() {
    }

    /** Where the runtime folder of {@code workspace} is; does not touch the disk. */
    public static Path of(Path workspace) {
        return base().resolve(hash(workspace.toAbsolutePath().normalize().toString()));
    }

    /** The file in a runtime folder that names the shell using it: {@code <pid> <process start instant>}. */
    public static final String OWNER_FILE = "shell.pid";
    /** A folder this young without an owner may be a shell starting up: it is left alone. */
    static final java.time.Duration GRACE = java.time.Duration.ofMinutes(1);

    /** Writes {@link #OWNER_FILE} for the calling process into {@code dir}. */
    public static void claim(Path dir) throws IOException {
        ProcessHandle me = ProcessHandle.current();
        Files.writeString(dir.resolve(OWNER_FILE), me.pid() + " " + me.info().startInstant().map(Object::toString)
                .orElse("?") + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Removes the runtime folders of shells that are gone (killed shells leave their sockets and shared memory
     * behind; a shell that closes removes its own); returns what was removed.
     */
    public static java.util.List<Path> sweepStale() throws IOException {
        return sweepStale(base(), java.time.Instant.now());
    }

    /**
     * A folder is stale when the process its {@link #OWNER_FILE} names is not running any more (or is another process
     * that got the pid), or when it has no owner file, is older than {@link #GRACE} and nobody answers on its
     * {@code control.sock}.
     */
    static java.util.List<Path> sweepStale(Path base, java.time.Instant now) throws IOException {
        java.util.List<Path> removed = new java.util.ArrayList<>();
        if (!Files.isDirectory(base)) {
            return removed;
        }
        try (var folders = Files.list(base)) {
            for (Path dir : folders.filter(Files::isDirectory).toList()) {
                if (!stale(dir, now)) {
                    continue;
                }
                try {
                    delete(dir);
                    removed.add(dir);
                } catch (IOException e) {
                    // Another shell's sweep or its owner got there first; it is not ours to fight over.
                }
            }
        }
        return removed;
    }

    private static boolean stale(Path dir, java.time.Instant now) throws IOException {
        Path owner = dir.resolve(OWNER_FILE);
        if (Files.exists(owner)) {
            String[] fields = Files.readString(owner, StandardCharsets.UTF_8).strip().split(" ");
            try {
                java.util.Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]));
                return process.isEmpty() || !process.get().isAlive() || fields.length < 2
                        || !process.get().info().startInstant().map(Object::toString).orElse("?").equals(fields[1]);
            } catch (NumberFormatException e) {
                return true;
            }
        }
        if (Files.getLastModifiedTime(dir).toInstant().plus(GRACE).isAfter(now)) {
            return false;
        }
        Path control = dir.resolve("control.sock");
        if (!Files.exists(control)) {
            return true;
        }
        try (var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            channel.connect(java.net.UnixDomainSocketAddress.of(control));
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    /** Deletes a runtime folder and what is in it (sockets, shared memory; no subfolders are made there). */
    public static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Creates the runtime folder of {@code workspace} (and its parent) owner-only, and returns it. */
    public static Path create(Path workspace) throws IOException {
        Path dir = of(workspace);
        ensurePrivate(dir.getParent());
        ensurePrivate(dir);
        return dir;
    }

    private static Path base() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg)) && Files.isWritable(Path.of(xdg))) {
            return Path.of(xdg, "cellshell");
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm.resolve("cellshell-" + user);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "cellshell-" + user);
    }

    private static void ensurePrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another process made it first; it is checked below like any existing folder.
            }
        }
        String owner = Files.getOwner(dir).getName();
        String me = System.getProperty("user.name");
        if (!owner.equals(me)) {
            throw new IOException("runtime folder " + dir + " belongs to " + owner + ", not " + me
                    + "; refusing to put sockets there");
        }
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
