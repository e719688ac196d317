package dev.cellshell.shell.workbench;

/**
 * How long the editor waits after a keystroke before it compiles for diagnostics: as long as a compile has been
 * taking lately (the median of the last five), between 50 and 400 ms. A fast compiler shows problems soon after
 * typing stops; a slow one is not started on every short hesitation only to be dropped at the next keystroke.
 */
final class CheckPause {

    static final long MIN_MILLIS = 50;
    static final long MAX_MILLIS = 400;
    private static final int KEPT = 5;

    private final long[] recent = new long[KEPT];
    private int count;

    /** Records how long a finished compile took. */
    synchronized void compiled(long nanos) {
        recent[count++ % KEPT] = nanos / 1_000_000;
    }

    /** The pause before the next check. */
    synchronized long millis() {
        if (count == 0) {
            return MIN_MILLIS * 2;
        }
        long[] sorted = java.util.Arrays.copyOf(recent, Math.min(count, KEPT));
        java.util.Arrays.sort(sorted);
        return Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, sorted[sorted.length / 2]));
    }
}
