package dev.cellshell.ipc;

import java.util.List;
import java.util.Map;

/**
 * The host protocol: the shell and one cell host (a child JVM that runs cell code). The shell asks, the host answers
 * each request with exactly one {@link Answer}; while it works on a request the host may ask the shell for services
 * ({@link ServiceCall} → {@link ServiceReply}). Instances are numbered by the shell, generations too.
 *
 * <p>Values that cross (a cell's {@code @State}, service arguments and results) are {@link HostValues}: JDK scalars,
 * strings, byte and int arrays, string maps — nothing that could carry a class of the host's.
 */
public sealed interface HostMessage {

    /** What a cell may know during one call, sent with every call (the theme travels once, in {@link UseTheme}). */
    record CallContext(String cellId, float width, float height, Map<String, String> props, long epochSecond,
            int nano) {
    }

    // Shell → host.

    /** The desktop's theme, until the next one. */
    record UseTheme(String name, Map<String, String> tokens) implements HostMessage {
    }

    /**
     * Define a generation's classes in a loader of its own (checked against the sandbox at load time). The sources
     * they came from ride along for a host on another node, which compiles them itself (a local host ignores them).
     */
    record Define(long generation, String type, Map<String, byte[]> classes, Map<String, String> sources)
            implements HostMessage {
        public Define(long generation, String type, Map<String, byte[]> classes) {
            this(generation, type, classes, Map.of());
        }
    }

    /**
     * Make instance {@code instance} of {@code generation}: construct it, carry {@code @State} from the live instance
     * {@code carryFrom} (0: none) or else from {@code state}, and call {@code onReload} when {@code previousGeneration}
     * is not 0.
     */
    record Instantiate(long instance, String cellId, long generation, long carryFrom, Map<String, Object> state,
            long previousGeneration) implements HostMessage {
    }

    record Render(long instance, CallContext context) implements HostMessage {
    }

    /** Input for the cell: {@code kind} is {@link EventKind}'s ordinal. */
    record Event(long instance, int kind, float x, float y, float dx, float dy, int button, int modifiers,
            int keyCode, String text, CallContext context) implements HostMessage {
    }

    record Broadcast(long instance, String topic, String value, CallContext context) implements HostMessage {
    }

    /** Read the storable part of an instance's {@code @State}. */
    record ReadState(long instance) implements HostMessage {
    }

    record Close(long instance) implements HostMessage {
    }

    /** Drop a generation no instance uses any more (its loader can then be collected). */
    record Forget(long generation) implements HostMessage {
    }

    record ServiceReply(Object value, String error) implements HostMessage {
    }

    // Host → shell.

    /** The first message of a host: who it is and which walls it stands behind. */
    record Hello(long pid, List<String> walls) implements HostMessage {
    }

    /** Cell {@code cellId} calls {@code service.method(args)}; the shell checks the cell's {@code @Uses} itself. */
    record ServiceCall(String cellId, String service, String method, List<Object> args) implements HostMessage {
    }

    /** The answers; {@code againIn} is the delay the cell asked for with {@code renderAgainIn}, or -1. */
    sealed interface Answer extends HostMessage {
    }

    /** The request was done; {@code notes} say what a state carry reset or dropped. */
    record Done(List<String> notes, long againIn) implements Answer {
    }

    /** Cell code failed: {@code phase (what happened)}, already capped in size. */
    record Failed(String error) implements Answer {
    }

    record Rendered(byte[] displayList, long againIn) implements Answer {
    }

    /**
     * Input or a broadcast was handled; when the cell asked to be drawn again ({@code dirty}) the host drew it at once
     * and {@code displayList} holds the new drawing (empty otherwise), so input costs one round trip. {@code state}
     * is the cell's storable {@code @State} after it all.
     */
    record Handled(boolean dirty, long againIn, Map<String, Object> state, byte[] displayList) implements Answer {
    }

    record StateSnapshot(Map<String, Object> state, List<String> notes) implements Answer {
    }

    /** The kinds of {@link Event}. */
    enum EventKind { PRESS, RELEASE, MOVE, ENTER, LEAVE, SCROLL, KEY_PRESS, KEY_RELEASE, TEXT, FOCUS_GAINED, FOCUS_LOST }
}
