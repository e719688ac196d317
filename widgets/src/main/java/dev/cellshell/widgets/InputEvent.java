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
     * @param region the name of the front-most named hit region under the pointer, as the cell's last render
     *     declared it with {@link Canvas#hitRegion(String, Rect, float)}; {@code ""} when none
     */
    record Pointer(Kind kind, float x, float y, int button, int modifiers, String region) implements InputEvent {

        public Pointer {
            region = region == null ? "" : region;
        }

        public Pointer(Kind kind, float x, float y, int button, int modifiers) {
            this(kind, x, y, button, modifiers, "");
        }

        public Pointer(Kind kind, float x, float y, int button) {
            this(kind, x, y, button, 0, "");
        }

        /** True when the pointer is over the named region {@code name}. */
        public boolean in(String name) {
            return region.equals(name);
        }

        /** The same event with the region the cell's hit regions name at its point. */
        public Pointer withRegion(String name) {
            return new Pointer(kind, x, y, button, modifiers, name);
        }

        public enum Kind { PRESS, RELEASE, MOVE, ENTER, LEAVE }
    }

    /** A scroll of (dx, dy) with the pointer at (x, y); positive dy scrolls away from the user. */
    record Scroll(float x, float y, float dx, float dy, int modifiers) implements InputEvent {
    }

    /**
     * A key press or release. Match it by name with {@link #key()}; typed text arrives as {@link Text}.
     *
     * @param keyCode the GLFW key number (0 for the legacy form of typed text, see {@link #text})
     * @param text what the key typed, only in the legacy form: a cell that does not handle {@link Text} (returns
     *     false for it) gets each typed character again as a {@code Key} with {@code keyCode} 0 and this text, so
     *     cells written before {@link Text} existed keep typing
     */
    record Key(boolean pressed, int keyCode, String text, int modifiers) implements InputEvent {

        /** The key by name ({@link dev.cellshell.widgets.Key#OTHER} for keys without one). */
        public dev.cellshell.widgets.Key key() {
            return dev.cellshell.widgets.Key.ofCode(keyCode);
        }

        /** True when {@code modifier} ({@link InputEvent#CONTROL}, …) was held. */
        public boolean with(int modifier) {
            return (modifiers & modifier) == modifier;
        }
    }

    /** Text typed on the keyboard (one character or a composed sequence), for the focused cell. */
    record Text(String text) implements InputEvent {
    }

    /**
     * The keyboard focus came to this cell ({@code gained}: a press on it) or left it (a press on another cell): a
     * text field leaves editing mode when it loses focus.
     */
    record Focus(boolean gained) implements InputEvent {
    }
}
