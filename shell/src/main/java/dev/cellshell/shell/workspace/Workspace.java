package dev.cellshell.shell.workspace;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.RuntimeDirectory;
import dev.cellshell.livecompiler.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A workspace directory. Made from the built-in assets on first use; afterwards the files on disk are the truth and
 * every write is atomic (temp file + rename), so a crash mid-write leaves the old file whole.
 */
public final class Workspace {

    public static final String ENVIRONMENT_VARIABLE = "CELLSHELL_WORKSPACE";

    private final Path root;

    private Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code explicit} if given, else {@code $CELLSHELL_WORKSPACE}, else {@code ~/.local/share/cellshell/workspace}. */
    public static Path locate(Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "cellshell", "workspace");
    }

    /**
     * Opens the workspace at {@code root}, creating it from the built-in assets when it does not exist yet. A
     * built-in cell type missing from {@code cells/} (one added by a newer CellShell) is copied in; a type that is
     * there is never overwritten.
     */
    public static Workspace open(Path root) throws IOException {
        return open(root, Assets.TEMPLATES.get(0));
    }

    /**
     * Opens {@code root}; a folder without a {@code tissue.json} is made into a workspace from {@code template}
     * ({@link Assets#TEMPLATES}: {@code desktop}, the designed desktop, or {@code demo}, three cells to learn on).
     */
    public static Workspace open(Path root, String template) throws IOException {
        String tissue = Assets.tissueTemplate(template);
        Workspace workspace = new Workspace(root);
        if (!Files.exists(workspace.tissueFile())) {
            workspace.initialise(tissue);
        } else {
            workspace.addMissingBuiltInTypes();
        }
        return workspace;
    }

    private void addMissingBuiltInTypes() throws IOException {
        for (String type : Assets.BUILT_IN_CELL_TYPES) {
            if (!Files.exists(typeDirectory(type))) {
                writeAtomically(typeDirectory(type).resolve(type + ".java"), Assets.cellSource(type));
            } else {
                upgradeIfUntouched(type);
            }
        }
    }

    /**
     * Replaces a built-in cell's source that is exactly as an earlier CellShell wrote it (never edited: its hash is
     * one of {@link Assets#earlierCellSources}) with this version's; a source anyone changed is left alone.
     */
    private void upgradeIfUntouched(String type) throws IOException {
        Path file = typeDirectory(type).resolve(type + ".java");
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (Assets.earlierCellSources(type).contains(hash)) {
            writeAtomically(file, Assets.cellSource(type));
            org.slf4j.LoggerFactory.getLogger(Workspace.class).info("{}: the built-in source of an earlier "
                    + "CellShell, never edited: updated to this version's", workspaceRelative(file));
        }
    }

    private String workspaceRelative(Path file) {
        return root.relativize(file).toString();
    }

    /** Where the sockets of the running shell live (a private runtime folder); does not touch the disk. */
    public static Path runDirectory(Path root) {
        return RuntimeDirectory.of(root.toAbsolutePath().normalize());
    }

    /** Creates the private runtime folder (0700) of this workspace. */
    public Path createRunDirectory() throws IOException {
        return RuntimeDirectory.create(root);
    }

    public static Path controlSocket(Path root) {
        return runDirectory(root).resolve("control.sock");
    }

    private void initialise(String tissue) throws IOException {
        Files.createDirectories(root);
        for (String type : Assets.BUILT_IN_CELL_TYPES) {
            Path file = typeDirectory(type).resolve(type + ".java");
            if (!Files.exists(file)) {
                writeAtomically(file, Assets.cellSource(type));
            }
        }
        writeAtomically(tissueFile(), tissue);
    }

    public Path root() {
        return root;
    }

    public Path tissueFile() {
        return root.resolve("tissue.json");
    }

    public Path typeDirectory(String type) {
        return root.resolve("cells").resolve(type);
    }

    public Path sceneSocket() {
        return runDirectory(root).resolve("scene.sock");
    }

    /** The shared-memory file display lists travel through to the compositor. */
    public Path sceneRegion() {
        return runDirectory(root).resolve("scene.shm");
    }

    public Path controlSocket() {
        return controlSocket(root);
    }

    public Path compositorLog() {
        return root.resolve("logs").resolve("compositor.log");
    }

    /**
     * Reads {@code tissue.json}. When it is not readable JSON (a hand edit gone wrong), says where and falls back to
     * the copy saved the last time it was good ({@code .tissue.json.last-good}), leaving the broken file for the
     * person to fix; entries that are wrong are left out and listed in {@link TissueSpec#problems()}.
     */
    public TissueSpec readTissue() throws IOException {
        TissueSpec spec;
        try {
            spec = TissueSpec.parse(Files.readString(tissueFile(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException broken) {
            Path lastGood = root.resolve(".tissue.json.last-good");
            if (!Files.exists(lastGood)) {
                throw new IOException(tissueFile() + ": " + broken.getMessage(), broken);
            }
            org.slf4j.LoggerFactory.getLogger(Workspace.class).error("{}: {}; using the last good copy {} until it is "
                    + "fixed", tissueFile(), broken.getMessage(), lastGood);
            spec = TissueSpec.parse(Files.readString(lastGood, StandardCharsets.UTF_8));
            return spec;
        }
        if (spec.problems().isEmpty()) {
            writeAtomically(root.resolve(".tissue.json.last-good"), spec.toJson());
        }
        return spec;
    }

    /** Saves the tissue definition atomically (and as the last good copy). */
    public void writeTissue(TissueSpec spec) throws IOException {
        String json = spec.toJson();
        writeAtomically(tissueFile(), json);
        writeAtomically(root.resolve(".tissue.json.last-good"), json);
    }

    /** A cell's own storage ({@code data/<id>.properties}), empty when it has none yet. */
    public String readData(String cellId) throws IOException {
        Path file = root.resolve("data").resolve(cellId + ".properties");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Replaces a cell's own storage atomically (temp file, fsync, rename). */
    public void writeData(String cellId, String text) throws IOException {
        writeAtomically(root.resolve("data").resolve(cellId + ".properties"), text);
    }

    /** Every {@code .java} file of a cell type, sorted by name; a cell type may span several files. */
    public List<SourceFile> readSources(String type) throws IOException {
        Path dir = typeDirectory(type);
        if (!Files.isDirectory(dir)) {
            throw new IOException("cell type " + type + " has no source folder " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> paths = files.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList();
            if (paths.isEmpty()) {
                throw new IOException("cell type " + type + " has no .java file in " + dir);
            }
            return paths.stream().map(f -> new SourceFile(f.getFileName().toString(), read(f))).toList();
        }
    }

    /** Writes the given files of a cell type atomically, one by one; files not named are left alone. */
    public void writeSources(String type, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            writeAtomically(typeDirectory(type).resolve(file.getKey()), file.getValue());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
