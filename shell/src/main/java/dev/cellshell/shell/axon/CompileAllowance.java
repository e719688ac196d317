package dev.cellshell.shell.axon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many definitions (each a compile on this node's one compiler thread) a peer may ask for within a sliding
 * minute: a paired peer is trusted to run cells here, not to keep this node's compiler busy. A person saving a remote
 * cell's source every two seconds stays well inside it; a peer past it is refused with when to ask again.
 */
final class CompileAllowance {

    /** Definitions one peer may ask for within {@link #WINDOW_NANOS}. */
    static final int PER_MINUTE = 30;
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LongSupplier nanos;
    private final Map<String, Deque<Long>> asked = new HashMap<>();

    CompileAllowance(LongSupplier nanos) {
        this.nanos = nanos;
    }

    CompileAllowance() {
        this(System::nanoTime);
    }

    /**
     * Counts one definition for {@code peer} and answers {@code null} when it is allowed, else why not (nothing is
     * counted then, so a peer that waits is served again once its oldest definitions leave the window).
     */
    synchronized String ask(String peer) {
        long now = nanos.getAsLong();
        Deque<Long> times = asked.computeIfAbsent(peer, p -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.pollFirst();
        }
        if (times.size() >= PER_MINUTE) {
            long wait = WINDOW_NANOS - (now - times.peekFirst());
            return "node '" + peer + "' asked for " + times.size() + " definitions within a minute (at most "
                    + PER_MINUTE + "); ask again in " + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L))
                    + " s";
        }
        times.addLast(now);
        return null;
    }
}
