package dev.cellshell.widgets;

import java.util.List;

/**
 * The applications' tray icons (StatusNotifierItem; CellShell is the watcher and the host on the session bus): their
 * icons, tooltips, activation and menus ({@code com.canonical.dbusmenu}). A cell that uses it is drawn again when an
 * item comes, goes or changes.
 */
public interface Tray extends Service {

    /** Why applications cannot reach the tray (no session bus, another watcher has the name); empty when they can. */
    String unavailable();

    List<TrayItem> items();

    /** The item's icon nearest {@code size} pixels (its pixmap or its named theme icon); {@code null} when none. */
    Picture icon(String itemId, int size);

    /** What a left click does: the application's Activate at the screen point. */
    void activate(String itemId, int x, int y);

    /** What a middle click does: SecondaryActivate. */
    void secondaryActivate(String itemId, int x, int y);

    /** The item's menu, top level, in order; empty when it has none. Fetched again when the application says it changed. */
    List<TrayMenuItem> menu(String itemId);

    /** Clicks the menu entry {@code entryId} of the item's menu (the application is told). */
    void clickMenu(String itemId, int entryId);
}
