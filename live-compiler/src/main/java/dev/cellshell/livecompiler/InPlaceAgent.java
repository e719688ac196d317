package dev.cellshell.livecompiler;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The JVM agent behind the optional in-place swap tier: {@code -javaagent:live-compiler.jar} hands the JVM's
 * {@link Instrumentation} here at start (instant, unlike attaching later). Without the agent there is no in-place
 * tier and every swap makes a new generation.
 */
public final class InPlaceAgent {

    private static volatile Instrumentation instrumentation;

    private InPlaceAgent() {
    }

    public static void premain(String arguments, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The JVM's instrumentation when this JVM was started with the agent and may redefine classes. */
    public static Optional<Instrumentation> instrumentation() {
        Instrumentation inst = instrumentation;
        return inst != null && inst.isRedefineClassesSupported() ? Optional.of(inst) : Optional.empty();
    }
}
