package dev.cellshell.widgets;

/** Input delivered to a cell, in the cell's own coordinates. */
public sealed interface InputEvent {

    /** Modifier bits in {@code modifiers}. */
    int SHIFT = 0x1;
    int CONTROL = 0x2;
    int ALT = 0x4;
    int SUPER = 0x8;

    /**
     * A pointer press, release or move at (x, y) relative to the cell's top-left corner, or the pointer entering or
     * leaving the cell.
     *
     * @param button 1-based mouse button for PRESS and RELEASE, else 0
     * @param modifiers {@link #SHIFT}, {@link #CONTROL}, {@link #ALT}, {@link #SUPER} bits held
     */
    record Pointer(Kind kind, float x, float y, int button, int modifiers) implements InputEvent {

        public Pointer(Kind kind, float x, float y, int button) {
            this(kind, x, y, button, 0);
        }

        public enum Kind { PRESS, RELEASE, MOVE, ENTER, LEAVE }
    }

    /** A scroll of (dx, dy) with the pointer at (x, y); positive dy scrolls away from the user. */
    record Scroll(float x, float y, float dx, float dy, int modifiers) implements InputEvent {
    }

    /** A key press or release; {@code text} is what the key types, empty for keys that type nothing. */
    record Key(boolean pressed, int keyCode, String text, int modifiers) implements InputEvent {
    }
}
