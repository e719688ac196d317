package dev.cellshell.compositor.gl;

import org.lwjgl.system.JNI;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.SharedLibrary;

/**
 * CPU time of the whole process ({@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)}), in nanoseconds. llvmpipe
 * rasterises on its own threads, so the calling thread's CPU time understates a frame's cost, and
 * {@code OperatingSystemMXBean.getProcessCpuTime()} moves in 10 ms steps. Returns -1 where libc cannot be reached.
 */
public final class ProcessClock {

    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;
    private static final long CLOCK_GETTIME = lookup();

    private ProcessClock() {
    }

    private static long lookup() {
        try {
            SharedLibrary libc = Library.loadNative(ProcessClock.class, "org.lwjgl", "libc.so.6");
            return libc.getFunctionAddress("clock_gettime");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return 0;
        }
    }

    /** Process CPU nanoseconds, monotonic; -1 when unavailable. */
    public static long nanos() {
        if (CLOCK_GETTIME == 0) {
            return -1;
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            long timespec = stack.nmalloc(8, 16);
            if (JNI.invokePI(CLOCK_PROCESS_CPUTIME_ID, timespec, CLOCK_GETTIME) != 0) {
                return -1;
            }
            return org.lwjgl.system.MemoryUtil.memGetLong(timespec) * 1_000_000_000L
                    + org.lwjgl.system.MemoryUtil.memGetLong(timespec + 8);
        }
    }
}
