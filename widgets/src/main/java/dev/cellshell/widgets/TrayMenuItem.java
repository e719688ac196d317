package dev.cellshell.widgets;

/**
 * An entry of a tray item's menu.
 *
 * @param id        what {@link Tray#clickMenu} takes
 * @param label     its label, mnemonics taken out; empty for a separator
 * @param separator whether it is a separator
 * @param enabled   whether it may be clicked
 * @param toggle    "checkmark", "radio" or empty
 * @param checked   whether its toggle is on
 */
public record TrayMenuItem(int id, String label, boolean separator, boolean enabled, String toggle,
        boolean checked) {
}
