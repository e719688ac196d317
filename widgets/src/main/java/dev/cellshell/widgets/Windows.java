package dev.cellshell.widgets;

import java.util.List;

/**
 * The window manager's windows (EWMH on X11), for a taskbar: which there are, which is active, and the standard
 * requests to activate, close and move them. The desktop's own windows are never listed. A cell that uses it is
 * drawn again whenever a window opens, closes, changes title or workspace, or the active window changes.
 */
public interface Windows extends Service {

    /** Why there are no windows (no display, no EWMH window manager); empty when the service works. */
    String unavailable();

    /** The windows, in the order the window manager mapped them. */
    List<AppWindow> list();

    /** Asks the window manager to show the window (switching to its workspace) and give it the keyboard. */
    void activate(String windowId);

    /** Asks the window (politely, as its close button does) to close. */
    void close(String windowId);

    /** Asks the window manager to move the window to workspace {@code index} (0-based). */
    void moveToWorkspace(String windowId, int index);

    /** The window's own icon ({@code _NET_WM_ICON}) nearest {@code size} pixels; {@code null} when it has none. */
    Picture icon(String windowId, int size);
}
