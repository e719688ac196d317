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
