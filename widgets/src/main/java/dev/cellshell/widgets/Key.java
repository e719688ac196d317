package dev.cellshell.widgets;

/**
 * Keys by name, for {@link InputEvent.Key#key()}: {@code if (k.key() == Key.ENTER)}. Typed text comes separately as
 * {@link InputEvent.Text}; match keys here for editing, moving and shortcuts (with {@link InputEvent#CONTROL} etc.).
 */
public enum Key {
    ENTER, TAB, BACKSPACE, DELETE, INSERT, ESCAPE, SPACE,
    LEFT, RIGHT, UP, DOWN, HOME, END, PAGE_UP, PAGE_DOWN,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    DIGIT_0, DIGIT_1, DIGIT_2, DIGIT_3, DIGIT_4, DIGIT_5, DIGIT_6, DIGIT_7, DIGIT_8, DIGIT_9,
    SHIFT, CONTROL, ALT, SUPER,
    /** A key without a name here (punctuation, keypad, media keys); its number is in {@code keyCode}. */
    OTHER;

    /** The key for a GLFW key number, as {@link InputEvent.Key#keyCode()} carries it. */
    public static Key ofCode(int code) {
        if (code >= 65 && code <= 90) {
            return values()[A.ordinal() + code - 65];
        }
        if (code >= 48 && code <= 57) {
            return values()[DIGIT_0.ordinal() + code - 48];
        }
        if (code >= 290 && code <= 301) {
            return values()[F1.ordinal() + code - 290];
        }
        return switch (code) {
            case 32 -> SPACE;
            case 256 -> ESCAPE;
            case 257, 335 -> ENTER;
            case 258 -> TAB;
            case 259 -> BACKSPACE;
            case 260 -> INSERT;
            case 261 -> DELETE;
            case 262 -> RIGHT;
            case 263 -> LEFT;
            case 264 -> DOWN;
            case 265 -> UP;
            case 266 -> PAGE_UP;
            case 267 -> PAGE_DOWN;
            case 268 -> HOME;
            case 269 -> END;
            case 340, 344 -> SHIFT;
            case 341, 345 -> CONTROL;
            case 342, 346 -> ALT;
            case 343, 347 -> SUPER;
            default -> OTHER;
        };
    }
}
