package dev.cellshell.shell.tissue;

import dev.cellshell.livecompiler.Diagnostic;
import java.util.List;

/**
 * What a swap did.
 *
 * @param generation the new generation when swapped, else the one still running
 * @param failure why the swap was refused, for a person to read; empty when swapped
 * @param sceneVersion the first scene version showing the new generation; -1 when not swapped
 * @param notes what the swap did to state (reset, dropped) or to cells that failed to start, for the person
 */
public record SwapOutcome(boolean swapped, String cellId, String cellType, long generation,
        List<Diagnostic> diagnostics, String failure, long sceneVersion, long compileNanos, List<String> notes) {

    public SwapOutcome {
        diagnostics = List.copyOf(diagnostics);
        notes = List.copyOf(notes);
    }

    static SwapOutcome refused(String cellId, String cellType, long running, String failure,
            List<Diagnostic> diagnostics, long compileNanos) {
        return new SwapOutcome(false, cellId, cellType, running, diagnostics, failure, -1, compileNanos, List.of());
    }
}
