package dev.cellshell.organelles.windows;

import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.AppWindow;
import java.util.List;

/** The window manager's windows, as an organelle: a backend (EWMH over X11) or one for tests. */
public interface WindowDesk extends AutoCloseable {

    /** Why there are no windows; empty when the window manager answers. */
    String unavailable();

    List<AppWindow> list();

    void activate(String windowId);

    void close(String windowId);

    void moveToWorkspace(String windowId, int index);

    /** The window's icon as PNG bytes nearest {@code size} pixels, or null. */
    byte[] iconPng(String windowId, int size);

    Changes changes();

    @Override
    void close();
}
