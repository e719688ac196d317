package dev.cellshell.widgets;

/**
 * An application's tray item.
 *
 * @param id      the item's bus name and object path, as the watcher lists it
 * @param title   its title (the application's name)
 * @param tooltip its tooltip's title and text; empty when none
 * @param status  "Active", "Passive" (may be hidden) or "NeedsAttention"
 * @param hasMenu whether it has a menu
 */
public record TrayItem(String id, String title, String tooltip, String status, boolean hasMenu) {
}
