package dev.cellshell.shell.axon;

import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Answer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Display lists as deltas on one cell stream: the sender remembers the last drawing it sent per instance, sends only
 * the bytes between the common prefix and suffix of the next one, and the receiver, remembering the same, puts it
 * together again. A stream is ordered and each side keeps its own copy, so both always agree; a new stream starts
 * empty. Used by one thread at a time (a stream's lane).
 */
final class ListDeltas {

    /** Below this many shared bytes a delta is not worth it: the whole list is sent. */
    private static final int WORTH_IT = 64;

    private final Map<Long, byte[]> last = new HashMap<>();

    /** A delta: keep {@code prefix} bytes, then {@code middle}, then the last {@code suffix} bytes of the previous. */
    record Delta(int prefix, int suffix, byte[] middle) {
    }

    /** Sender: what to send for {@code next}, the new drawing of {@code instance}; {@code prefix} -1 when whole. */
    Delta encode(long instance, byte[] next) {
        byte[] previous = last.put(instance, next);
        if (previous == null || next.length == 0) {
            return new Delta(-1, -1, next);
        }
        int max = Math.min(previous.length, next.length);
        int prefix = Arrays.mismatch(previous, next);
        if (prefix < 0) {
            prefix = max;
        }
        int suffix = 0;
        while (suffix < max - prefix && previous[previous.length - 1 - suffix] == next[next.length - 1 - suffix]) {
            suffix++;
        }
        if (prefix + suffix < WORTH_IT) {
            return new Delta(-1, -1, next);
        }
        return new Delta(prefix, suffix, Arrays.copyOfRange(next, prefix, next.length - suffix));
    }

    /** Receiver: the whole drawing of {@code instance} from what arrived. */
    byte[] decode(long instance, int prefix, int suffix, byte[] middle) {
        byte[] whole;
        if (prefix < 0) {
            whole = middle;
        } else {
            byte[] previous = last.get(instance);
            if (previous == null || prefix > previous.length || suffix > previous.length - prefix || suffix < 0) {
                throw new IllegalArgumentException("a display-list delta for instance " + instance
                        + " does not fit the drawing this side has");
            }
            whole = new byte[prefix + middle.length + suffix];
            System.arraycopy(previous, 0, whole, 0, prefix);
            System.arraycopy(middle, 0, whole, prefix, middle.length);
            System.arraycopy(previous, previous.length - suffix, whole, prefix + middle.length, suffix);
        }
        if (whole.length > 0) {
            last.put(instance, whole);
        }
        return whole;
    }

    void forget(long instance) {
        last.remove(instance);
    }

    /** The drawing an answer carries, or {@code null} for none. */
    static byte[] drawingOf(Answer answer) {
        if (answer instanceof HostMessage.Rendered r) {
            return r.displayList();
        }
        if (answer instanceof HostMessage.Handled h && h.dirty()) {
            return h.displayList();
        }
        return null;
    }

    /** {@code answer} with its drawing replaced by {@code drawing}. */
    static Answer withDrawing(Answer answer, byte[] drawing) {
        if (answer instanceof HostMessage.Rendered r) {
            return new HostMessage.Rendered(drawing, r.againIn());
        }
        if (answer instanceof HostMessage.Handled h) {
            return new HostMessage.Handled(h.dirty(), h.againIn(), h.state(), drawing);
        }
        return answer;
    }

    /** The instance a request is about, or 0. */
    static long instanceOf(HostMessage request) {
        if (request instanceof HostMessage.Render r) {
            return r.instance();
        }
        if (request instanceof HostMessage.Event e) {
            return e.instance();
        }
        if (request instanceof HostMessage.Broadcast b) {
            return b.instance();
        }
        if (request instanceof HostMessage.Instantiate i) {
            return i.instance();
        }
        if (request instanceof HostMessage.Close c) {
            return c.instance();
        }
        return 0;
    }
}
