package dev.cellshell.widgets;

/**
 * The window manager's workspaces (virtual desktops, EWMH on X11): how many there are, which is current, their
 * names, and switching. Without a window manager that has workspaces, {@link #count} is 0. A cell that uses it is
 * drawn again whenever they change.
 */
public interface Workspaces extends Service {

    int count();

    /** The current workspace, 0-based; -1 when there are none. */
    int current();

    /** The workspace's name, or its number counted from 1 when it has none. */
    String name(int index);

    /** Asks the window manager to show workspace {@code index} (0-based); out of range does nothing. */
    void switchTo(int index);
}
