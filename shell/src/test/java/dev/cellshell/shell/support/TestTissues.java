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
    /**
     * A dark desktop with a container: the dock (a Panel with a row layout) holding a clock and a button, and a label
     * outside it.
     */
    public static final String DOCK = """
            {
              "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430", "theme" : "dark" },
              "cells" : [ {
                "id" : "dock", "type" : "Panel", "at" : "bottom", "margin" : 20, "size" : [ 700, 120 ],
                "props" : { "title" : "Dock" },
                "layout" : { "kind" : "row", "gap" : 10, "padding" : 20 },
                "children" : [ { "id" : "clock", "type" : "Clock", "size" : [ 256, 80 ] },
                               { "id" : "button", "type" : "Button", "size" : [ 200, 60 ] } ]
              }, { "id" : "label", "type" : "Label", "bounds" : [ 40, 40, 440, 96 ], "props" : { "size" : "28" } } ]
            }
            """;

    private static final LiveCompiler COMPILER = new LiveCompiler(TestTissues.class.getClassLoader());

    private TestTissues() {
    }

    public static Tissue started(Path workspaceDir, RecordingSink sink) throws Exception {
        Tissue tissue = new Tissue(Workspace.open(workspaceDir, "demo"), COMPILER, TestTissues.class.getClassLoader(),
                () -> FROZEN, true, sink);
        tissue.start().get(60, TimeUnit.SECONDS);
        return tissue;
    }
}
