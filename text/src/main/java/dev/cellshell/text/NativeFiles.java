package dev.cellshell.text;

import dev.cellshell.assets.Assets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Skia's native library and the bundled fonts as files in one folder per user and Skija version
 * ({@code $XDG_CACHE_HOME/cellshell/native-<version>}), written once (temp file + rename) and then only read: the
 * compositor and every cell host map the same files, so their pages are shared, and a cell host — whose file system is
 * read-only — finds them ready ({@code -D}{@value #DIRECTORY_PROPERTY}). A marker file written last says the folder is
 * whole, so a start after the first only checks that the files are there.
 */
public final class NativeFiles {

    /** Where the files are, when a parent process prepared them (the cell host). */
    public static final String DIRECTORY_PROPERTY = "cellshell.native.dir";
    private static final String SKIJA_LIBRARY_PATH = "skija.library.path";
    private static final String RESOURCE = "/io/github/humbleui/skija/linux/x64/";
    private static final String LIBRARY = "libskija.so";

    private static Path prepared;

    private NativeFiles() {
    }

    /**
     * Makes sure the folder holds the library and the fonts, and points Skija at it (before any Skija class loads its
     * library). Idempotent.
     *
     * @throws UncheckedIOException when the folder cannot be written and does not hold them yet
     */
    public static synchronized Path prepare() {
        if (prepared != null) {
            return prepared;
        }
        String given = System.getProperty(DIRECTORY_PROPERTY, "");
        Path directory = given.isBlank() ? defaultDirectory() : Path.of(given);
        try {
            if (complete(directory)) {
                finish(directory);
                return directory;
            }
            Files.createDirectories(directory);
            java.net.URL library = NativeFiles.class.getResource(RESOURCE + LIBRARY);
            if (library == null) {
                throw new IllegalStateException("Skija's native library for linux-x64 is not on the classpath");
            }
            unpack(directory, LIBRARY, library);
            for (String font : Assets.FONT_FILES) {
                unpack(directory, font, Assets.fontFile(font));
            }
            Files.writeString(directory.resolve(MARKER), skijaVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Skia's library and the fonts into " + directory, e);
        }
        finish(directory);
        return directory;
    }

    /** A marker written after every file was unpacked: later starts check it and that the files are there. */
    private static final String MARKER = "complete";

    private static boolean complete(Path directory) {
        if (!Files.isRegularFile(directory.resolve(MARKER)) || !Files.isRegularFile(directory.resolve(LIBRARY))) {
            return false;
        }
        for (String font : Assets.FONT_FILES) {
            if (!Files.isRegularFile(directory.resolve(font))) {
                return false;
            }
        }
        return true;
    }

    private static void finish(Path directory) {
        if (System.getProperty(SKIJA_LIBRARY_PATH) == null) {
            System.setProperty(SKIJA_LIBRARY_PATH, directory.toString());
        }
        prepared = directory;
    }

    /** The folder for this user and this Skija build. */
    static Path defaultDirectory() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cellshell").resolve("native-" + skijaVersion());
    }

    static String skijaVersion() {
        try (InputStream in = NativeFiles.class.getResourceAsStream(RESOURCE + "skija.version")) {
            if (in == null) {
                throw new IllegalStateException("Skija's native library for linux-x64 is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code name} unless a file of the same size is there (the folder is per Skija version and the fonts do not
     * change within one: same size, same file), without reading the resource when it is.
     */
    private static void unpack(Path directory, String name, java.net.URL source) throws IOException {
        Path target = directory.resolve(name);
        long length = source.openConnection().getContentLengthLong();
        if (Files.isRegularFile(target) && Files.size(target) == length) {
            return;
        }
        Path temp = Files.createTempFile(directory, name, ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try (InputStream in = source.openStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
