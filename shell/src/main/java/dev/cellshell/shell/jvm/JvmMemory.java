package dev.cellshell.shell.jvm;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory options of the JVMs the shell starts (the compositor, the cell hosts; {@code ./cell} gives the shell's
 * own the same). The heap starts small and a full collection gives back down to 30 % free: the JDK's default
 * initial heap is 1/64 of the machine's memory and the heap never goes below it. Where the JDK has it (17.0.9 and
 * later), the JVM also hands the C heap's free memory back to the system every 30 s ({@code TrimNativeHeapInterval},
 * {@code malloc_trim}): the JIT compilers' arenas and the drivers' transient buffers stayed resident otherwise
 * (the shell: 125 → 106 MB).
 */
public final class JvmMemory {

    private static final Runtime.Version TRIM_SINCE = Runtime.Version.parse("17.0.9");

    private JvmMemory() {
    }

    /** Options for a JVM of this JDK starting with {@code initialHeapMegabytes}. */
    public static List<String> options(int initialHeapMegabytes) {
        List<String> options = new ArrayList<>(List.of("-Xms" + initialHeapMegabytes + "m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        if (trims(Runtime.version())) {
            options.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=30000"));
        }
        return options;
    }

    static boolean trims(Runtime.Version version) {
        return version.compareToIgnoreOptional(TRIM_SINCE) >= 0;
    }
}
