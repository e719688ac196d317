package dev.cellshell.terminal;

import java.nio.charset.StandardCharsets;

/**
 * What a key, a paste or a mouse event sends to the program, as xterm sends it: named keys by GLFW key number and
 * modifier bits (shift 1, control 2, alt 4, as the Cell API's {@code InputEvent} has them), in the modes the program
 * set (application cursor keys, bracketed paste, mouse tracking and its SGR form).
 */
public final class InputEncoder {

    public static final int SHIFT = 0x1, CONTROL = 0x2, ALT = 0x4;

    /** Mouse event kinds for {@link #mouse}. */
    public enum MouseKind { PRESS, RELEASE, MOVE, WHEEL_UP, WHEEL_DOWN }

    private InputEncoder() {
    }

    /**
     * The bytes of a key press, or {@code null} when the key sends nothing by itself (a letter without control or
     * alt: its text comes as typed text).
     */
    public static byte[] key(int glfwKey, int modifiers, boolean applicationCursor) {
        int xtermModifier = 1 + ((modifiers & SHIFT) != 0 ? 1 : 0) + ((modifiers & ALT) != 0 ? 2 : 0)
                + ((modifiers & CONTROL) != 0 ? 4 : 0);
        boolean modified = xtermModifier > 1;
        String sequence = switch (glfwKey) {
            case 257, 335 -> (modifiers & ALT) != 0 ? "\u001b\r" : "\r";
            case 258 -> (modifiers & SHIFT) != 0 ? "\u001b[Z" : "\t";
            case 259 -> (modifiers & CONTROL) != 0 ? "\u0008" : (modifiers & ALT) != 0 ? "\u001b\u007f" : "\u007f";
            case 256 -> "\u001b";
            case 265 -> cursor('A', xtermModifier, applicationCursor);
            case 264 -> cursor('B', xtermModifier, applicationCursor);
            case 262 -> cursor('C', xtermModifier, applicationCursor);
            case 263 -> cursor('D', xtermModifier, applicationCursor);
            case 268 -> cursor('H', xtermModifier, applicationCursor);
            case 269 -> cursor('F', xtermModifier, applicationCursor);
            case 260 -> tilde(2, xtermModifier);
            case 261 -> tilde(3, xtermModifier);
            case 266 -> tilde(5, xtermModifier);
            case 267 -> tilde(6, xtermModifier);
            case 290, 291, 292, 293 -> modified ? "\u001b[1;" + xtermModifier + (char) ('P' + glfwKey - 290)
                    : "\u001bO" + (char) ('P' + glfwKey - 290);
            case 294 -> tilde(15, xtermModifier);
            case 295 -> tilde(17, xtermModifier);
            case 296 -> tilde(18, xtermModifier);
            case 297 -> tilde(19, xtermModifier);
            case 298 -> tilde(20, xtermModifier);
            case 299 -> tilde(21, xtermModifier);
            case 300 -> tilde(23, xtermModifier);
            case 301 -> tilde(24, xtermModifier);
            default -> printable(glfwKey, modifiers);
        };
        return sequence == null ? null : sequence.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String cursor(char letter, int modifier, boolean application) {
        if (modifier > 1) {
            return "\u001b[1;" + modifier + letter;
        }
        return (application ? "\u001bO" : "\u001b[") + letter;
    }

    private static String tilde(int number, int modifier) {
        return modifier > 1 ? "\u001b[" + number + ";" + modifier + "~" : "\u001b[" + number + "~";
    }

    /** Control and alt with a letter, digit or punctuation key (GLFW numbers them by their ASCII character). */
    private static String printable(int glfwKey, int modifiers) {
        boolean control = (modifiers & CONTROL) != 0;
        boolean alt = (modifiers & ALT) != 0;
        if (!control && !alt) {
            return null;
        }
        char c;
        if (glfwKey >= 'A' && glfwKey <= 'Z') {
            c = (char) ((modifiers & SHIFT) != 0 && !control ? glfwKey : glfwKey + 32);
        } else if (glfwKey >= 32 && glfwKey <= 126) {
            c = (char) glfwKey;
        } else {
            return null;
        }
        if (control) {
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 1);
            } else if (c == ' ' || c == '2' || c == '@') {
                c = 0;
            } else if (c == '[' || c == '3') {
                c = 0x1b;
            } else if (c == '\\' || c == '4') {
                c = 0x1c;
            } else if (c == ']' || c == '5') {
                c = 0x1d;
            } else if (c == '6') {
                c = 0x1e;
            } else if (c == '/' || c == '7' || c == '-') {
                c = 0x1f;
            } else if (c == '8') {
                c = 0x7f;
            } else {
                return null;
            }
        }
        return alt ? "\u001b" + c : String.valueOf(c);
    }

    /** Typed text, as UTF-8. */
    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Pasted text: line breaks as carriage returns (what Enter sends), and inside {@code ESC[200~ … ESC[201~} when
     * the program asked for bracketed paste, with any end marker in the text itself taken out (so a paste cannot
     * end the bracket early and type commands).
     */
    public static byte[] paste(String text, boolean bracketed) {
        String body = text.replace("\r\n", "\r").replace('\n', '\r');
        if (bracketed) {
            body = "\u001b[200~" + body.replace("\u001b[201~", "").replace("\u001b[200~", "") + "\u001b[201~";
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A mouse event at ({@code column}, {@code row}) (0-based) as the program asked for it, or {@code null} when it
     * did not ask for this kind. {@code button} is 1 left, 2 middle, 3 right (0 for a move with none held).
     */
    public static byte[] mouse(MouseKind kind, int button, int column, int row, int modifiers,
            Emulator.MouseTracking tracking, boolean sgr) {
        if (tracking == Emulator.MouseTracking.NONE) {
            return null;
        }
        if (kind == MouseKind.MOVE && (tracking == Emulator.MouseTracking.CLICKS
                || tracking == Emulator.MouseTracking.DRAGS && button == 0)) {
            return null;
        }
        int code = switch (kind) {
            case WHEEL_UP -> 64;
            case WHEEL_DOWN -> 65;
            case MOVE -> 32 + (button == 0 ? 3 : button - 1);
            case RELEASE -> sgr ? button - 1 : 3;
            case PRESS -> button - 1;
        };
        code += ((modifiers & SHIFT) != 0 ? 4 : 0) + ((modifiers & ALT) != 0 ? 8 : 0)
                + ((modifiers & CONTROL) != 0 ? 16 : 0);
        if (sgr) {
            return ("\u001b[<" + code + ";" + (column + 1) + ";" + (row + 1) + (kind == MouseKind.RELEASE ? "m" : "M"))
                    .getBytes(StandardCharsets.US_ASCII);
        }
        if (column > 222 || row > 222) {
            return null; // the old form cannot say columns past 223
        }
        return new byte[] {0x1b, '[', 'M', (byte) (32 + code), (byte) (33 + column), (byte) (33 + row)};
    }
}
