package dev.cellshell.compositor.x11;

import dev.cellshell.ipc.SceneMessage.Surface;
import java.util.List;

/**
 * Tells the window system what a surface's window is, before it is first shown and whenever its place changes:
 * a desktop below all windows, a panel that reserves its edge, an overlay above windows that exists only where its
 * cells are. Implementations: {@link X11WindowRoles} (EWMH), and {@link #NONE} where there is nothing to tell.
 */
public interface WindowRoles {

    /** Marks {@code window} (the platform's handle) as {@code surface}'s role; call before the window is shown. */
    void apply(long window, Surface surface);

    /** For an overlay: the window exists (is drawn and takes input) only inside these {x, y, w, h} rectangles. */
    void shape(long window, List<float[]> rectangles);

    /**
     * Gives {@code window} the keyboard after a click on it: window managers give it to an application's window on a
     * click, but not to the desktop layer or a panel, where a terminal or a text field cell may be.
     */
    default void takeFocus(long window) {
    }

    /** Ordinary windows for everything: the window manager decides. */
    WindowRoles NONE = new WindowRoles() {
        @Override
        public void apply(long window, Surface surface) {
        }

        @Override
        public void shape(long window, List<float[]> rectangles) {
        }
    };
}
