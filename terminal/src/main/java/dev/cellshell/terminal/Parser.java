package dev.cellshell.terminal;

import java.nio.charset.StandardCharsets;

/**
 * The DEC/ANSI escape-sequence parser: Paul Williams' state machine (the one xterm, alacritty's {@code vte} and
 * libvterm follow), driven by a transition table built once: for every state and byte, the action to take and the
 * next state. Bytes of 0x80 and above are UTF-8 (C1 controls are 7-bit only, as in every UTF-8 terminal). The parser
 * holds no screen: it tells a {@link Handler} what it found, and never throws on any input.
 */
public final class Parser {

    /** What the parser finds, in order. */
    public interface Handler {
        /** A printable character (a Unicode code point). */
        void print(int codePoint);

        /** Printable ASCII {@code bytes[from, to)}, the common case, handed over without decoding one by one. */
        default void printAscii(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                print(bytes[i]);
            }
        }

        /** A C0 control (BS, HT, LF, CR, BEL, …). */
        void execute(int control);

        /**
         * A control sequence {@code CSI [marker] params [intermediates] final}.
         *
         * @param params the numbers, {@link Params#MISSING} where one was left out
         * @param marker the private marker ({@code ? > < =}) or 0
         * @param intermediates up to two intermediate bytes, first in the low byte, or 0
         */
        void csi(Params params, int marker, int intermediates, int finalByte);

        /** An escape sequence {@code ESC [intermediates] final}. */
        void esc(int intermediates, int finalByte);

        /** An operating-system command {@code ESC ] text BEL|ST}: its text, decoded as UTF-8. */
        void osc(String text);
    }

    /** The numbers of a control sequence; a {@code :} sub-parameter is marked so SGR can tell {@code 38:2:…}. */
    public static final class Params {
        public static final int MISSING = -1;
        static final int MAX = 32;
        private final int[] values = new int[MAX];
        private int count;
        private int subMask;

        public int count() {
            return count;
        }

        /** The parameter at {@code index}, or {@code fallback} when missing, zero-as-default aside. */
        public int get(int index, int fallback) {
            int v = index < count ? values[index] : MISSING;
            return v == MISSING ? fallback : v;
        }

        /** Like {@link #get} but 0 also means {@code fallback} (cursor movements: "CSI 0 A" moves one). */
        public int positive(int index, int fallback) {
            int v = get(index, fallback);
            return v == 0 ? fallback : v;
        }

        /** Whether parameter {@code index} followed a {@code :} (a sub-parameter of the one before it). */
        public boolean isSub(int index) {
            return index < 32 && (subMask & (1 << index)) != 0;
        }

        void clear() {
            count = 0;
            subMask = 0;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(i == 0 ? "" : isSub(i) ? ":" : ";").append(values[i] == MISSING ? "" : values[i]);
            }
            return text.toString();
        }
    }

    // States.
    private static final int GROUND = 0, ESCAPE = 1, ESCAPE_INTERMEDIATE = 2, CSI_ENTRY = 3, CSI_PARAM = 4,
            CSI_INTERMEDIATE = 5, CSI_IGNORE = 6, DCS_ENTRY = 7, DCS_PARAM = 8, DCS_INTERMEDIATE = 9,
            DCS_PASSTHROUGH = 10, DCS_IGNORE = 11, OSC_STRING = 12, SOS_PM_APC_STRING = 13, STATES = 14;
    // Actions.
    private static final int NONE = 0, PRINT = 1, EXECUTE = 2, COLLECT = 3, PARAM = 4, ESC_DISPATCH = 5,
            CSI_DISPATCH = 6, OSC_PUT = 7, IGNORE = 8, MARKER = 9;
    /** For every state and byte: action in the high nibble, next state in the low one. */
    private static final byte[] TABLE = new byte[STATES * 128];

    static {
        for (int state = 0; state < STATES; state++) {
            for (int b = 0; b < 128; b++) {
                TABLE[state * 128 + b] = (byte) ((IGNORE << 4) | state);
            }
        }
        for (int state = 0; state < STATES; state++) {
            // C0 controls execute in most states (not inside strings); CAN and SUB abort; ESC starts over.
            if (state != OSC_STRING && state != DCS_PASSTHROUGH && state != DCS_IGNORE && state != SOS_PM_APC_STRING
                    && state != DCS_ENTRY && state != DCS_PARAM && state != DCS_INTERMEDIATE) {
                range(state, 0x00, 0x17, EXECUTE, state);
                set(state, 0x19, EXECUTE, state);
                range(state, 0x1c, 0x1f, EXECUTE, state);
            }
            set(state, 0x18, EXECUTE, GROUND);
            set(state, 0x1a, EXECUTE, GROUND);
            set(state, 0x1b, NONE, ESCAPE);
        }
        range(GROUND, 0x20, 0x7e, PRINT, GROUND);
        set(GROUND, 0x7f, IGNORE, GROUND);

        range(ESCAPE, 0x20, 0x2f, COLLECT, ESCAPE_INTERMEDIATE);
        range(ESCAPE, 0x30, 0x7e, ESC_DISPATCH, GROUND);
        set(ESCAPE, '[', NONE, CSI_ENTRY);
        set(ESCAPE, ']', NONE, OSC_STRING);
        set(ESCAPE, 'P', NONE, DCS_ENTRY);
        set(ESCAPE, 'X', NONE, SOS_PM_APC_STRING);
        set(ESCAPE, '^', NONE, SOS_PM_APC_STRING);
        set(ESCAPE, '_', NONE, SOS_PM_APC_STRING);
        range(ESCAPE_INTERMEDIATE, 0x20, 0x2f, COLLECT, ESCAPE_INTERMEDIATE);
        range(ESCAPE_INTERMEDIATE, 0x30, 0x7e, ESC_DISPATCH, GROUND);

        range(CSI_ENTRY, 0x20, 0x2f, COLLECT, CSI_INTERMEDIATE);
        range(CSI_ENTRY, 0x30, 0x3b, PARAM, CSI_PARAM);
        range(CSI_ENTRY, 0x3c, 0x3f, MARKER, CSI_PARAM);
        range(CSI_ENTRY, 0x40, 0x7e, CSI_DISPATCH, GROUND);
        range(CSI_PARAM, 0x30, 0x3b, PARAM, CSI_PARAM);
        range(CSI_PARAM, 0x3c, 0x3f, NONE, CSI_IGNORE);
        range(CSI_PARAM, 0x20, 0x2f, COLLECT, CSI_INTERMEDIATE);
        range(CSI_PARAM, 0x40, 0x7e, CSI_DISPATCH, GROUND);
        range(CSI_INTERMEDIATE, 0x20, 0x2f, COLLECT, CSI_INTERMEDIATE);
        range(CSI_INTERMEDIATE, 0x30, 0x3f, NONE, CSI_IGNORE);
        range(CSI_INTERMEDIATE, 0x40, 0x7e, CSI_DISPATCH, GROUND);
        range(CSI_IGNORE, 0x40, 0x7e, NONE, GROUND);

        // Device control strings (sixel, DECRQSS, tmux passthrough) are recognised and skipped as a whole.
        range(DCS_ENTRY, 0x20, 0x2f, NONE, DCS_INTERMEDIATE);
        range(DCS_ENTRY, 0x30, 0x3f, NONE, DCS_PARAM);
        range(DCS_ENTRY, 0x40, 0x7e, NONE, DCS_PASSTHROUGH);
        range(DCS_PARAM, 0x30, 0x3f, NONE, DCS_PARAM);
        range(DCS_PARAM, 0x20, 0x2f, NONE, DCS_INTERMEDIATE);
        range(DCS_PARAM, 0x40, 0x7e, NONE, DCS_PASSTHROUGH);
        range(DCS_INTERMEDIATE, 0x20, 0x2f, NONE, DCS_INTERMEDIATE);
        range(DCS_INTERMEDIATE, 0x30, 0x3f, NONE, DCS_IGNORE);
        range(DCS_INTERMEDIATE, 0x40, 0x7e, NONE, DCS_PASSTHROUGH);

        range(OSC_STRING, 0x20, 0x7f, OSC_PUT, OSC_STRING);
        set(OSC_STRING, 0x07, NONE, GROUND); // BEL ends an OSC (xterm); the dispatch happens on leaving the state
    }

    private static void set(int state, int b, int action, int next) {
        TABLE[state * 128 + b] = (byte) ((action << 4) | next);
    }

    private static void range(int state, int from, int to, int action, int next) {
        for (int b = from; b <= to; b++) {
            set(state, b, action, next);
        }
    }

    /** At most this many bytes of an OSC are kept (a title, a colour); the rest is dropped. */
    static final int MAX_OSC_BYTES = 4096;

    private final Handler handler;
    private int state = GROUND;
    private final Params params = new Params();
    private int marker;
    private int intermediates;
    private int intermediateCount;
    private final byte[] osc = new byte[MAX_OSC_BYTES];
    private int oscLength;
    // UTF-8 decoding in the ground state.
    private int utf8CodePoint;
    private int utf8Remaining;
    private int utf8Min;

    public Parser(Handler handler) {
        this.handler = handler;
    }

    /** Feeds {@code bytes[from, to)}. */
    public void feed(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xff;
            if (state == GROUND) {
                if (utf8Remaining > 0) {
                    if ((b & 0xc0) == 0x80) {
                        utf8CodePoint = (utf8CodePoint << 6) | (b & 0x3f);
                        if (--utf8Remaining == 0) {
                            int cp = utf8CodePoint;
                            handler.print(cp < utf8Min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)
                                    ? 0xfffd : cp);
                        }
                        i++;
                        continue;
                    }
                    utf8Remaining = 0;
                    handler.print(0xfffd); // a sequence cut short; this byte is looked at afresh
                }
                if (b >= 0x20 && b < 0x7f) {
                    int end = i + 1;
                    while (end < to && bytes[end] >= 0x20 && bytes[end] < 0x7f) {
                        end++;
                    }
                    handler.printAscii(bytes, i, end);
                    i = end;
                    continue;
                }
                if (b >= 0x80) {
                    startUtf8(b);
                    i++;
                    continue;
                }
            } else if (b >= 0x80) {
                // Inside a sequence: a UTF-8 byte is kept in an OSC (a title with accents) and otherwise ignored.
                if (state == OSC_STRING) {
                    putOsc(b);
                }
                i++;
                continue;
            }
            step(b);
            i++;
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    private void startUtf8(int b) {
        if (b >= 0xc2 && b <= 0xdf) {
            utf8CodePoint = b & 0x1f;
            utf8Remaining = 1;
            utf8Min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            utf8CodePoint = b & 0x0f;
            utf8Remaining = 2;
            utf8Min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            utf8CodePoint = b & 0x07;
            utf8Remaining = 3;
            utf8Min = 0x10000;
        } else {
            handler.print(0xfffd);
        }
    }

    private void step(int b) {
        int entry = TABLE[state * 128 + b];
        int action = (entry >> 4) & 0x0f;
        int next = entry & 0x0f;
        switch (action) {
            case PRINT -> handler.print(b);
            case EXECUTE -> handler.execute(b);
            case COLLECT -> {
                if (intermediateCount < 2) {
                    intermediates |= b << (8 * intermediateCount);
                }
                intermediateCount++;
            }
            case MARKER -> marker = b;
            case PARAM -> param(b);
            case ESC_DISPATCH -> {
                if (intermediateCount <= 2) {
                    handler.esc(intermediates, b);
                }
            }
            case CSI_DISPATCH -> {
                if (intermediateCount <= 2) {
                    endParam();
                    handler.csi(params, marker, intermediates, b);
                }
            }
            case OSC_PUT -> putOsc(b);
            default -> { }
        }
        if (next != state) {
            leave(state, b);
            state = next;
            enter(next);
        }
    }

    private void leave(int old, int b) {
        if (old == OSC_STRING && (b == 0x07 || b == 0x1b)) { // ended by BEL or ST, not cancelled by CAN/SUB
            handler.osc(new String(osc, 0, oscLength, StandardCharsets.UTF_8));
        }
    }

    private void enter(int now) {
        switch (now) {
            case ESCAPE, CSI_ENTRY, DCS_ENTRY -> {
                params.clear();
                current = Params.MISSING;
                sawParam = false;
                marker = 0;
                intermediates = 0;
                intermediateCount = 0;
            }
            case OSC_STRING -> oscLength = 0;
            default -> { }
        }
    }

    private void param(int b) {
        sawParam = true;
        if (b == ';' || b == ':') {
            if (params.count < Params.MAX) {
                params.values[params.count++] = current;
                if (b == ':' && params.count < 32) {
                    params.subMask |= 1 << params.count;
                }
            }
            current = Params.MISSING;
            return;
        }
        long v = (current == Params.MISSING ? 0L : current) * 10L + (b - '0');
        current = (int) Math.min(v, 65535); // xterm's own cap
    }

    /** The number being read ({@link Params#MISSING} until a digit comes) and whether any parameter byte came. */
    private int current = Params.MISSING;
    private boolean sawParam;

    /** Closes the parameter being read, before a dispatch. */
    private void endParam() {
        if (sawParam && params.count < Params.MAX) {
            params.values[params.count++] = current;
        }
        sawParam = false;
        current = Params.MISSING;
    }

    private void putOsc(int b) {
        if (oscLength < osc.length) {
            osc[oscLength++] = (byte) b;
        }
    }
}
