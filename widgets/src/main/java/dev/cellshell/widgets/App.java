package dev.cellshell.widgets;

import java.util.List;

/**
 * An installed application (its XDG desktop entry), in the person's language where the entry has it.
 *
 * @param id          the entry's id: its file name under {@code applications/} without {@code .desktop}, with
 *                    {@code /} as {@code -} (e.g. {@code org.gnome.Calculator})
 * @param name        what the menus call it
 * @param genericName what it is ("Web Browser"); empty when the entry does not say
 * @param comment     its one-line description; empty when the entry has none
 * @param categories  the entry's categories ("Utility", "Development", …)
 * @param terminal    whether it runs in a terminal
 */
public record App(String id, String name, String genericName, String comment, List<String> categories,
        boolean terminal) {

    public App {
        categories = List.copyOf(categories);
    }
}
