package dev.cellshell.shell.tissue;

/** Observes the tissue; called on the tissue thread, so hand work to your own thread. */
public interface TissueListener {

    void swapped(SwapOutcome outcome);
}
