package dev.cellshell.shell.tissue;

import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.CallContext;
import dev.cellshell.ipc.HostMessage.EventKind;
import dev.cellshell.widgets.InputEvent;

/** An {@link InputEvent} as the host protocol carries it. */
final class HostEvents {

    private HostEvents() {
    }

    static HostMessage.Event of(long instance, InputEvent event, CallContext context) {
        if (event instanceof InputEvent.Pointer p) {
            return new HostMessage.Event(instance, EventKind.valueOf(p.kind().name()).ordinal(), p.x(), p.y(), 0, 0,
                    p.button(), p.modifiers(), 0, "", context);
        }
        if (event instanceof InputEvent.Scroll s) {
            return new HostMessage.Event(instance, EventKind.SCROLL.ordinal(), s.x(), s.y(), s.dx(), s.dy(), 0,
                    s.modifiers(), 0, "", context);
        }
        if (event instanceof InputEvent.Text t) {
            return new HostMessage.Event(instance, EventKind.TEXT.ordinal(), 0, 0, 0, 0, 0, 0, 0, t.text(), context);
        }
        if (event instanceof InputEvent.Focus f) {
            return new HostMessage.Event(instance, (f.gained() ? EventKind.FOCUS_GAINED : EventKind.FOCUS_LOST)
                    .ordinal(), 0, 0, 0, 0, 0, 0, 0, "", context);
        }
        InputEvent.Key k = (InputEvent.Key) event;
        return new HostMessage.Event(instance, (k.pressed() ? EventKind.KEY_PRESS : EventKind.KEY_RELEASE).ordinal(),
                0, 0, 0, 0, 0, k.modifiers(), k.keyCode(), k.text() == null ? "" : k.text(), context);
    }
}
