package dev.cellshell.shell.history;

import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.SwapOutcome;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueJournal;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tissue's journal ({@link AuditLog} + {@link SourceArchive}) and what can be done with it: undo and redo
 * (global, for the changes of this session) and rollback of a cell type to an earlier version. Each of these is a
 * swap like any other, so it is audited too (actor {@code undo}, {@code redo}, {@code rollback}).
 */
public final class History implements TissueJournal {

    private static final Logger LOG = LoggerFactory.getLogger(History.class);

    private final AuditLog log;
    private final SourceArchive archive;
    private final Deque<Long> undoable = new ArrayDeque<>();
    private final Deque<Long> redoable = new ArrayDeque<>();
    /** For each tissue.json change of this session: the archive hash of the text before it. */
    private final java.util.Map<Long, String> layoutBefore = new java.util.HashMap<>();

    public History(AuditLog log, SourceArchive archive) {
        this.log = log;
        this.archive = archive;
    }

    @Override
    public synchronized void record(String actor, String action, String cellId, String cellType, long generation,
            List<SourceFile> before, List<SourceFile> after, String result) {
        try {
            if (action.equals("load") && AuditLog.lastApplied(log.entries(), cellType)
                    .filter(e -> e.sourceHash().equals(SourceDiff.hash(after))).isPresent()) {
                return;
            }
            if (!before.isEmpty()) {
                archive.put(before);
            }
            String hash = after.isEmpty() ? "" : archive.put(after);
            AuditLog.Entry entry = log.append(actor, action, cellId, cellType, generation, hash,
                    SourceDiff.of(before, after), result);
            boolean applied = result.equals("swapped") || result.startsWith("rolled back");
            if (applied && !actor.equals("undo") && !actor.equals("redo")) {
                undoable.push(entry.sequence());
                redoable.clear();
            }
        } catch (IOException e) {
            LOG.error("audit entry for {} of {} not written: {}", action, cellId, e.toString());
        }
    }

    @Override
    public synchronized void recordTissue(String actor, String action, String cellId, String cellType,
            long generation, String before, String after, String result) {
        try {
            String beforeHash = archive.putTexts(java.util.Map.of(Tissue.TISSUE_FILE, before));
            String hash = archive.putTexts(java.util.Map.of(Tissue.TISSUE_FILE, after));
            AuditLog.Entry entry = log.append(actor, action, cellId, cellType, generation, hash,
                    SourceDiff.ofTexts(java.util.Map.of(Tissue.TISSUE_FILE, before),
                            java.util.Map.of(Tissue.TISSUE_FILE, after)), result);
            layoutBefore.put(entry.sequence(), beforeHash);
            if (!beforeHash.equals(hash) && !actor.equals("undo") && !actor.equals("redo")) {
                undoable.push(entry.sequence());
                redoable.clear();
            }
        } catch (IOException e) {
            LOG.error("audit entry for {} of {} not written: {}", action, cellId.isEmpty() ? "the tissue" : cellId,
                    e.toString());
        }
    }

    /** Every audit entry so far, oldest first. */
    public synchronized List<AuditLog.Entry> entries() {
        return List.copyOf(log.entries());
    }

    /** True when rolling back to {@code entry} can work: an applied version of a cell type's sources. */
    public static boolean canRollBackTo(AuditLog.Entry entry) {
        return isApplied(entry) && !entry.cellType().isEmpty();
    }

    /** Undoes the newest change of this session that is not undone yet. */
    public CompletableFuture<SwapOutcome> undo(Tissue tissue) {
        Long sequence;
        List<SourceFile> sources;
        String type;
        synchronized (this) {
            sequence = undoable.peek();
            if (sequence == null) {
                return failed("nothing to undo in this session");
            }
            AuditLog.Entry change = entry(sequence);
            if (layoutBefore.containsKey(sequence)) {
                undoable.pop();
                return reshape(tissue, layoutBefore.get(sequence), "undo", sequence, undoable, redoable);
            }
            type = change.cellType();
            Optional<AuditLog.Entry> before = appliedBefore(type, sequence);
            if (before.isEmpty()) {
                return failed("no earlier version of " + type + " is recorded");
            }
            sources = sources(before.get());
            if (sources == null) {
                return failed("the sources of entry " + before.get().sequence() + " are not in the archive");
            }
            undoable.pop();
        }
        return swap(tissue, type, sources, "undo").whenComplete((outcome, error) -> {
            synchronized (this) {
                if (outcome != null && outcome.swapped()) {
                    redoable.push(sequence);
                } else {
                    undoable.push(sequence);
                }
            }
        });
    }

    /** Redoes the change the last undo took back. */
    public CompletableFuture<SwapOutcome> redo(Tissue tissue) {
        Long sequence;
        List<SourceFile> sources;
        String type;
        synchronized (this) {
            sequence = redoable.peek();
            if (sequence == null) {
                return failed("nothing to redo");
            }
            AuditLog.Entry change = entry(sequence);
            if (layoutBefore.containsKey(sequence)) {
                redoable.pop();
                return reshape(tissue, change.sourceHash(), "redo", sequence, redoable, undoable);
            }
            type = change.cellType();
            sources = sources(change);
            if (sources == null) {
                return failed("the sources of entry " + sequence + " are not in the archive");
            }
            redoable.pop();
        }
        return swap(tissue, type, sources, "redo").whenComplete((outcome, error) -> {
            synchronized (this) {
                if (outcome != null && outcome.swapped()) {
                    undoable.push(sequence);
                } else {
                    redoable.push(sequence);
                }
            }
        });
    }

    /**
     * Swaps the type of {@code cellId} back to an earlier recorded version: the one applied before the current
     * one, or with {@code toGeneration >= 0} the newest one recorded with that generation number.
     */
    public CompletableFuture<SwapOutcome> rollback(Tissue tissue, String cellId, long toGeneration) {
        Optional<CellView> cell = tissue.cells().stream().filter(c -> c.id().equals(cellId)).findFirst();
        if (cell.isEmpty()) {
            return failed("no cell with id '" + cellId + "' (cells: " + String.join(", ",
                    tissue.cells().stream().map(CellView::id).toList()) + ")");
        }
        String type = cell.get().type();
        AuditLog.Entry target;
        synchronized (this) {
            List<AuditLog.Entry> entries = log.entries();
            Optional<AuditLog.Entry> current = AuditLog.lastApplied(entries, type);
            Optional<AuditLog.Entry> found = toGeneration >= 0
                    ? entries.stream().filter(e -> e.cellType().equals(type) && e.generation() == toGeneration
                            && isApplied(e)).reduce((a, b) -> b)
                    : current.flatMap(c -> appliedBefore(type, c.sequence()));
            if (found.isEmpty()) {
                return failed(toGeneration >= 0 ? "no recorded version of " + type + " has generation "
                        + toGeneration : "no earlier version of " + type + " is recorded");
            }
            target = found.get();
        }
        List<SourceFile> sources = sources(target);
        if (sources == null) {
            return failed("the sources of entry " + target.sequence() + " are not in the archive");
        }
        return swap(tissue, type, sources, "rollback");
    }

    /**
     * Puts back the {@code tissue.json} text archived as {@code hash}; on success the entry moves from
     * {@code from} (where the caller took it) to {@code to}, else back onto {@code from}.
     */
    private CompletableFuture<SwapOutcome> reshape(Tissue tissue, String hash, String actor, long sequence,
            Deque<Long> from, Deque<Long> to) {
        dev.cellshell.shell.workspace.TissueSpec target;
        try {
            String text = archive.getTexts(hash).map(t -> t.get(Tissue.TISSUE_FILE)).orElse(null);
            if (text == null) {
                from.push(sequence);
                return failed("the tissue.json of entry " + sequence + " is not in the archive");
            }
            target = dev.cellshell.shell.workspace.TissueSpec.parse(text);
        } catch (IOException | IllegalArgumentException e) {
            from.push(sequence);
            return failed("the tissue.json of entry " + sequence + " cannot be read: " + e.getMessage());
        }
        return tissue.reshape(target, actor, actor).handle((change, error) -> {
            synchronized (this) {
                (error == null && change.done() ? to : from).push(sequence);
            }
            if (error != null) {
                throw new java.util.concurrent.CompletionException(error);
            }
            return new SwapOutcome(change.done(), Tissue.TISSUE_FILE, "", 0, List.of(),
                    change.done() ? "" : change.message(), change.sceneVersion(), 0, List.of(change.message()));
        });
    }

    private CompletableFuture<SwapOutcome> swap(Tissue tissue, String type, List<SourceFile> sources, String actor) {
        return tissue.swapType(type, sources, actor).thenApply(outcome -> outcome != null ? outcome
                : new SwapOutcome(false, "", type, 0, List.of(), type + " already runs that version", -1, 0,
                        List.of()));
    }

    private static boolean isApplied(AuditLog.Entry e) {
        return !e.sourceHash().isEmpty() && (e.result().equals("swapped") || e.result().equals("loaded")
                || e.result().startsWith("rolled back"));
    }

    private Optional<AuditLog.Entry> appliedBefore(String type, long sequence) {
        List<AuditLog.Entry> entries = log.entries();
        return AuditLog.lastApplied(entries.subList(0, (int) Math.min(entries.size(), sequence - 1)), type);
    }

    private AuditLog.Entry entry(long sequence) {
        return log.entries().get((int) sequence - 1);
    }

    private List<SourceFile> sources(AuditLog.Entry entry) {
        try {
            return archive.get(entry.sourceHash()).orElse(null);
        } catch (IOException e) {
            LOG.error("archive read of {} failed: {}", entry.sourceHash(), e.toString());
            return null;
        }
    }

    private static <T> CompletableFuture<T> failed(String why) {
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }
}
