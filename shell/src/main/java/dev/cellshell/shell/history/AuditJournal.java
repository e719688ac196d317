package dev.cellshell.shell.history;

import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.tissue.TissueJournal;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tissue's journal kept in the {@link AuditLog}: source hash and diff per change, fsync'd. */
public final class AuditJournal implements TissueJournal {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJournal.class);

    private final AuditLog log;

    public AuditJournal(AuditLog log) {
        this.log = log;
    }

    @Override
    public void record(String actor, String action, String cellId, String cellType, long generation,
            List<SourceFile> before, List<SourceFile> after, String result) {
        try {
            log.append(actor, action, cellId, cellType, generation, after.isEmpty() ? "" : SourceDiff.hash(after),
                    SourceDiff.of(before, after), result);
        } catch (IOException e) {
            LOG.error("audit entry for {} of {} not written: {}", action, cellId, e.toString());
        }
    }
}
