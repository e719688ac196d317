package dev.cellshell.shell.support;

import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** A real tissue over a fresh demo workspace, with a frozen clock and a recording sink. */
public final class TestTissues {

    public static final Instant FROZEN = Instant.parse("2026-11-29T10:09:30Z");
    private static final LiveCompiler COMPILER = new LiveCompiler(TestTissues.class.getClassLoader());

    private TestTissues() {
    }

    public static Tissue started(Path workspaceDir, RecordingSink sink) throws Exception {
        Tissue tissue = new Tissue(Workspace.open(workspaceDir), COMPILER, TestTissues.class.getClassLoader(),
                () -> FROZEN, true, sink);
        tissue.start().get(60, TimeUnit.SECONDS);
        return tissue;
    }
}
