package dev.cellshell.widgets;

/** Horizontal alignment of a text run relative to its anchor x. */
public enum Align {
    LEFT, CENTER, RIGHT
}
