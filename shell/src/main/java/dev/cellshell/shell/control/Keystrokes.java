package dev.cellshell.shell.control;

import dev.cellshell.widgets.InputEvent;
import dev.cellshell.widgets.Key;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code cell type} sends, as keyboard events: text with C escapes ({@code \n} Enter, {@code \t} Tab,
 * {@code \e} Escape, {@code \b} Backspace, {@code \\}) and named keys in braces ({@code \{ctrl+c}}, {@code \{up}},
 * {@code \{f5}}), then {@code --key} names; any other backslash is typed as it is ({@code printf '\033[1m'}).
 * Printable text goes as typed text, the rest as key presses and releases.
 */
public final class Keystrokes {

    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        for (int code = 1; code < 400; code++) {
            Key key = Key.ofCode(code);
            if (key != Key.OTHER) {
                CODES.putIfAbsent(key.name().toLowerCase(Locale.ROOT), code);
            }
        }
        CODES.put("return", 257);
        CODES.put("esc", 256);
        CODES.put("pageup", 266);
        CODES.put("pagedown", 267);
        CODES.put("del", 261);
        CODES.put("ins", 260);
        for (char c = '0'; c <= '9'; c++) {
            CODES.put(String.valueOf(c), (int) c);
        }
        for (char c : "`-=[]\\;',./".toCharArray()) {
            CODES.put(String.valueOf(c), (int) c);
        }
    }

    private Keystrokes() {
    }

    /** @throws IllegalArgumentException for an unknown key name or an unfinished escape */
    public static List<InputEvent> parse(String text, List<String> keys) {
        List<InputEvent> events = new ArrayList<>();
        StringBuilder typed = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                i += 2;
                switch (next) {
                    case 'n', 'r' -> press(events, typed, 257, 0);
                    case 't' -> press(events, typed, 258, 0);
                    case 'e' -> press(events, typed, 256, 0);
                    case 'b' -> press(events, typed, 259, 0);
                    case '\\' -> typed.append('\\');
                    case '{' -> {
                        int end = text.indexOf('}', i);
                        if (end < 0) {
                            throw new IllegalArgumentException("'\\{' without its '}' in: " + text);
                        }
                        key(events, typed, text.substring(i, end));
                        i = end + 1;
                    }
                    default -> typed.append('\\').append(next); // "\\033" in a printf stays as typed
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                press(events, typed, 257, 0);
            } else if (c == '\t') {
                press(events, typed, 258, 0);
            } else if (c == 0x1b) {
                press(events, typed, 256, 0);
            } else {
                typed.append(c);
            }
            i++;
        }
        flush(events, typed);
        for (String name : keys) {
            key(events, typed, name);
        }
        return events;
    }

    private static void key(List<InputEvent> events, StringBuilder typed, String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split("\\+");
        int modifiers = 0;
        for (int p = 0; p < parts.length - 1; p++) {
            modifiers |= switch (parts[p]) {
                case "ctrl", "control" -> InputEvent.CONTROL;
                case "alt", "meta" -> InputEvent.ALT;
                case "shift" -> InputEvent.SHIFT;
                case "super" -> InputEvent.SUPER;
                default -> throw new IllegalArgumentException("unknown modifier '" + parts[p] + "' in '" + spec
                        + "' (ctrl, alt, shift, super)");
            };
        }
        String name = parts.length == 0 ? "" : parts[parts.length - 1];
        Integer code = CODES.get(name);
        if (code == null) {
            throw new IllegalArgumentException("unknown key '" + name + "' in '" + spec + "' (names: enter, tab, "
                    + "escape, backspace, up, down, left, right, home, end, page_up, page_down, insert, delete, "
                    + "f1–f12, a–z, 0–9)");
        }
        press(events, typed, code, modifiers);
    }

    private static void press(List<InputEvent> events, StringBuilder typed, int code, int modifiers) {
        flush(events, typed);
        events.add(new InputEvent.Key(true, code, "", modifiers));
        events.add(new InputEvent.Key(false, code, "", modifiers));
    }

    private static void flush(List<InputEvent> events, StringBuilder typed) {
        if (typed.length() > 0) {
            typed.codePoints().forEach(cp -> events.add(new InputEvent.Text(new String(Character.toChars(cp)))));
            typed.setLength(0);
        }
    }
}
