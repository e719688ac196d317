package dev.cellshell.livecompiler;

/**
 * The time budget of the cell code running now. Loaded cell code is instrumented to call {@link #tick()} at every
 * method entry and loop back-edge; once the armed deadline has passed, the next tick throws {@link CellTimeout},
 * which cell code cannot catch (the sandbox refuses {@code catch (Throwable)}). One thread runs cell code (the cell
 * host's); cell code found on another thread is stopped the same way. The counter is approximate by design.
 */
public final class Budget {

    static final String OWNER = "dev/cellshell/livecompiler/Budget";
    static final String TIMEOUT = "dev/cellshell/livecompiler/Budget$CellTimeout";
    /** Ticks between clock reads: a tick costs an increment and a mask test, every 256th a nanoTime. */
    private static final int CHECK_EVERY = 0xFF;

    private static volatile long deadline = Long.MAX_VALUE;
    private static volatile String armedFor = "";
    /** The thread that runs cell code; cell code found running on any other (a parallel API's pool) is stopped. */
    private static volatile Thread armedBy;
    private static int ticks;

    private Budget() {
    }

    /** Thrown into cell code whose budget ran out. An {@link Error}, so a cell's {@code catch (Exception)} misses it. */
    public static final class CellTimeout extends Error {
        CellTimeout(String message) {
            super(message, null, false, false);
        }
    }

    /** Starts a budget of {@code nanos} for {@code what} (e.g. "label render"). */
    public static void arm(long nanos, String what) {
        armedFor = what;
        armedBy = Thread.currentThread();
        deadline = System.nanoTime() + nanos;
    }

    public static void disarm() {
        deadline = Long.MAX_VALUE;
    }

    /** Called by instrumented cell code. */
    public static void tick() {
        // The deadline stays passed until the caller disarms it: code that swallows the timeout (a finally that
        // loops again) meets it again at its next check, and the host's hard deadline ends what never returns.
        if ((++ticks & CHECK_EVERY) == 0) {
            if (Thread.currentThread() != armedBy) {
                // A parallel API (a stream's, Arrays.parallelSetAll, ConcurrentHashMap's bulk operations) ran cell
                // code on a pool thread, which no deadline covers once the cell's own call has returned.
                throw new CellTimeout(armedFor + ": cell code may run only on its cell host's thread, not on "
                        + Thread.currentThread().getName());
            }
            if (System.nanoTime() > deadline) {
                throw new CellTimeout(armedFor + " ran past its time budget (endless loop or endless recursion?)");
            }
        }
    }
}
