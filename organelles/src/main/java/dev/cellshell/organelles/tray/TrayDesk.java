package dev.cellshell.organelles.tray;

import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.TrayItem;
import dev.cellshell.widgets.TrayMenuItem;
import java.util.List;

/** The tray, as an organelle: the status-notifier watcher and host on the session bus, or fixed items for tests. */
public interface TrayDesk extends AutoCloseable {

    String unavailable();

    List<TrayItem> items();

    /** The item's icon as PNG bytes nearest {@code size}, or the path of its named theme icon; null when none. */
    Object icon(String itemId, int size);

    void activate(String itemId, int x, int y, boolean secondary);

    List<TrayMenuItem> menu(String itemId);

    void clickMenu(String itemId, int entryId);

    Changes changes();

    @Override
    void close();
}
