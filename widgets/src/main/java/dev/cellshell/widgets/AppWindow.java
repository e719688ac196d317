package dev.cellshell.widgets;

/**
 * A window the window manager manages (EWMH), as a taskbar shows it.
 *
 * @param id        the window's X id, as {@code 0x…}
 * @param title     its title ({@code _NET_WM_NAME}, else {@code WM_NAME})
 * @param appClass  the application's class ({@code WM_CLASS}), e.g. "XTerm"
 * @param workspace the workspace it is on, 0-based; -1 when it is on all of them
 * @param active    whether it is the active window
 * @param minimized whether it is minimised (hidden)
 */
public record AppWindow(String id, String title, String appClass, int workspace, boolean active,
        boolean minimized) {
}
