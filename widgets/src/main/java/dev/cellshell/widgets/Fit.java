package dev.cellshell.widgets;

/** How a picture fills the box it is drawn into. */
public enum Fit {
    /** All of the picture, as large as fits, centred; the rest of the box stays empty. */
    CONTAIN,
    /** The whole box, centred, the picture's overflow cut off. */
    COVER,
    /** Stretched to the box, ignoring the picture's proportions. */
    FILL
}
