package dev.cellshell.widgets;

/** Input delivered to a cell, in the cell's own coordinates. */
public sealed interface InputEvent {

    /** A pointer press, release or move at (x, y) relative to the cell's top-left corner. */
    record Pointer(Kind kind, float x, float y, int button) implements InputEvent {
        public enum Kind { PRESS, RELEASE, MOVE }
    }

    /** A key press or release; {@code text} is what the key types, empty for keys that type nothing. */
    record Key(boolean pressed, int keyCode, String text, int modifiers) implements InputEvent {
    }
}
