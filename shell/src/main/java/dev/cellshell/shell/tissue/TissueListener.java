package dev.cellshell.shell.tissue;

/** Observes the tissue; called on the tissue thread, so hand work to your own thread. */
public interface TissueListener {

    void swapped(SwapOutcome outcome);

    /** A running cell failed and was rolled back or quarantined; {@code report} says which and why. */
    default void faulted(String cellId, String report) {
    }

    /** A cell told the person something ({@link dev.cellshell.widgets.Notifier}). */
    default void notified(String cellId, String message) {
    }

    /** The tissue definition changed (a cell spawned, removed, moved or set; the theme; an arrangement). */
    default void reshaped(dev.cellshell.shell.workspace.TissueSpec spec) {
    }
}
