package dev.cellshell.shell.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches {@code cells/<Type>/} folders and {@code tissue.json}. When a type's {@code .java} files change and then
 * stay quiet for a short while (an IDE writing several files, an editor saving on every keystroke), the type's files
 * are read once and handed to {@link Tissue#swapType}; files identical to what runs (the tissue's own writes) change
 * nothing. An edited {@code tissue.json} goes to {@link Tissue#tissueEdited} the same way.
 */
public final class WorkspaceWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceWatcher.class);

    private final Workspace workspace;
    private final Tissue tissue;
    private final long quietNanos;
    private final WatchService watcher;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Map<String, Long> changed = new HashMap<>();
    private final Thread thread;

    public WorkspaceWatcher(Workspace workspace, Tissue tissue, Duration quiet) throws IOException {
        this.workspace = workspace;
        this.tissue = tissue;
        this.quietNanos = quiet.toNanos();
        this.watcher = workspace.root().getFileSystem().newWatchService();
        Path cells = workspace.root().resolve("cells");
        Files.createDirectories(cells);
        register(cells);
        register(workspace.root());
        try (Stream<Path> types = Files.list(cells)) {
            for (Path type : types.filter(Files::isDirectory).toList()) {
                register(type);
            }
        }
        thread = new Thread(this::loop, "workspace-watcher");
        thread.setDaemon(true);
    }

    public WorkspaceWatcher start() {
        thread.start();
        return this;
    }

    private void register(Path directory) throws IOException {
        directories.put(directory.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), directory);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = changed.isEmpty() ? watcher.take() : watcher.poll(quietNanos, TimeUnit.NANOSECONDS);
                if (key != null) {
                    collect(key);
                }
                swapQuietTypes();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("workspace watcher stopped");
        }
    }

    private void collect(WatchKey key) {
        Path directory = directories.get(key);
        if (directory != null) {
            accept(directory, key.pollEvents());
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    /** Notes what {@code events} in {@code directory} changed; package-private so tests can hand it an overflow. */
    void accept(Path directory, List<WatchEvent<?>> events) {
        for (WatchEvent<?> event : events) {
            if (event.kind() == OVERFLOW) {
                rescan();
                continue;
            }
            Path child = directory.resolve((Path) event.context());
            boolean isTypeFolder = directory.equals(workspace.root().resolve("cells"));
            if (directory.equals(workspace.root())) {
                if (child.equals(workspace.tissueFile()) && event.kind() != ENTRY_DELETE) {
                    changed.put(TISSUE, System.nanoTime());
                }
            } else if (isTypeFolder) {
                if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                    watchType(child);
                }
            } else if (child.getFileName().toString().endsWith(".java")) {
                changed.put(directory.getFileName().toString(), System.nanoTime());
            }
        }
    }

    /**
     * Events were lost (more arrived than the watch service keeps, e.g. a checkout rewriting many files): every type
     * and {@code tissue.json} are read again after the quiet period. What did not change swaps nothing (the tissue
     * compares the sources with what runs); type folders made meanwhile are watched from now on.
     */
    private void rescan() {
        LOG.warn("file events were lost (overflow): reading every cell type and tissue.json again");
        handled("overflow: rescanning");
        long now = System.nanoTime();
        changed.put(TISSUE, now);
        try (Stream<Path> types = Files.list(workspace.root().resolve("cells"))) {
            for (Path type : types.filter(Files::isDirectory).toList()) {
                if (!directories.containsValue(type)) {
                    watchType(type);
                } else {
                    changed.put(type.getFileName().toString(), now);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the cell types after an overflow: {}", e.toString());
        }
    }

    private void watchType(Path folder) {
        try {
            register(folder);
            changed.put(folder.getFileName().toString(), System.nanoTime());
        } catch (IOException e) {
            LOG.warn("cannot watch {}: {}", folder, e.toString());
        }
    }

    /** Swaps (or reshapes) what changed and then stayed quiet; package-private for tests. */
    void swapQuietTypes() {
        long now = System.nanoTime();
        changed.entrySet().removeIf(entry -> {
            if (now - entry.getValue() < quietNanos) {
                return false;
            }
            if (entry.getKey().equals(TISSUE)) {
                reshape();
            } else {
                swap(entry.getKey());
            }
            return true;
        });
    }

    /** The key of {@code tissue.json} among the changed types (no type is spelled like this). */
    private static final String TISSUE = "/tissue.json";

    private void reshape() {
        String text;
        try {
            text = Files.readString(workspace.tissueFile());
        } catch (IOException e) {
            LOG.warn("tissue.json changed on disk but cannot be read: {}", e.toString());
            return;
        }
        tissue.tissueEdited(text).whenComplete((change, error) -> {
            if (error != null) {
                LOG.error("tissue.json changed on disk; applying it failed: {}", error.toString());
                handled("tissue.json: failed");
            } else if (change.done()) {
                LOG.info("tissue.json changed on disk: {}", change.message());
                handled("tissue.json: applied");
            } else if (!change.message().equals("tissue.json is what the tissue wrote")) {
                LOG.error("tissue.json changed on disk but was not applied (the running tissue is unchanged): {}",
                        change.message());
                handled("tissue.json: not applied");
            } else {
                handled("tissue.json: the tissue's own");
            }
        });
    }

    private void swap(String type) {
        List<SourceFile> sources;
        try {
            sources = workspace.readSources(type);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cell type {} changed on disk but cannot be read: {}", type, e.getMessage());
            return;
        }
        tissue.swapType(type, sources).whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.error("swap of {} from disk failed: {}", type, error.toString());
                handled(type + ": failed");
            } else if (outcome != null && outcome.swapped()) {
                LOG.info("{} changed on disk: swapped to generation {}", type, outcome.generation());
                handled(type + ": swapped");
            } else if (outcome != null) {
                LOG.warn("{} changed on disk but was not swapped ({}); generation {} keeps running{}", type,
                        outcome.failure(), outcome.generation(), outcome.diagnostics().isEmpty() ? ""
                                : ": " + outcome.diagnostics().get(0).format());
                handled(type + ": refused");
            } else {
                handled(type + ": unchanged");
            }
        });
    }

    /** What the watcher did with each change it read, in order ({@code Label: refused}, {@code tissue.json: applied}). */
    private final List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void handled(String what) {
        handled.add(what);
    }

    /**
     * What the watcher did with each change it read, oldest first: {@code TYPE: swapped|refused|unchanged|failed} or
     * {@code tissue.json: applied|not applied|the tissue's own|failed}. A positive signal for tests that a file was
     * seen and dealt with (rather than waiting and seeing that nothing happened).
     */
    public List<String> handled() {
        return List.copyOf(handled);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException ignored) {
            // Nothing is left to watch.
        }
    }
}
