package dev.cellshell.runtime;

/** The opcodes of display-list format {@link DisplayList#FORMAT}; each is followed by its operands (see Recorder). */
final class Op {
    static final byte CLEAR = 1;
    static final byte FILL_RECT = 2;
    static final byte FILL_ROUND_RECT = 3;
    static final byte STROKE_ROUND_RECT = 4;
    static final byte LINE = 5;
    static final byte FILL_CIRCLE = 6;
    static final byte STROKE_CIRCLE = 7;
    static final byte TEXT = 8;
    static final byte SAVE = 9;
    static final byte RESTORE = 10;
    static final byte TRANSLATE = 11;
    static final byte ROTATE = 12;
    static final byte CLIP_RECT = 13;
    static final byte HIT_REGION = 14;
    static final byte IMAGE = 15;
    // format 2
    static final byte STYLED_TEXT = 16;
    static final byte PARAGRAPH = 17;
    static final byte FILL_BOX = 18;
    static final byte STROKE_BOX = 19;
    static final byte FILL_PATH = 20;
    static final byte STROKE_PATH = 21;
    static final byte SHADOW = 22;
    static final byte BLUR_BEHIND = 23;
    static final byte SAVE_LAYER = 24;
    static final byte SCALE = 25;
    static final byte CLIP_BOX = 26;
    static final byte NAMED_HIT_REGION = 27;
    static final byte PICTURE = 28;

    /** Names for messages and statistics, by opcode. */
    static String name(int op) {
        return switch (op) {
            case CLEAR -> "clear";
            case FILL_RECT -> "fillRect";
            case FILL_ROUND_RECT -> "fillRoundRect";
            case STROKE_ROUND_RECT -> "strokeRoundRect";
            case LINE -> "drawLine";
            case FILL_CIRCLE -> "fillCircle";
            case STROKE_CIRCLE -> "strokeCircle";
            case TEXT -> "drawText";
            case SAVE -> "save";
            case RESTORE -> "restore";
            case TRANSLATE -> "translate";
            case ROTATE -> "rotate";
            case CLIP_RECT -> "clipRect";
            case HIT_REGION -> "hitRegion";
            case IMAGE -> "drawImage";
            case STYLED_TEXT -> "drawText(style)";
            case PARAGRAPH -> "drawParagraph";
            case FILL_BOX -> "fillRoundRect(fill)";
            case STROKE_BOX -> "strokeRoundRect(stroke)";
            case FILL_PATH -> "fillPath";
            case STROKE_PATH -> "strokePath";
            case SHADOW -> "drawShadow";
            case BLUR_BEHIND -> "blurBehind";
            case SAVE_LAYER -> "saveLayer";
            case SCALE -> "scale";
            case CLIP_BOX -> "clipRoundRect";
            case NAMED_HIT_REGION -> "hitRegion(name)";
            case PICTURE -> "drawPicture";
            default -> String.format("0x%02X", op);
        };
    }

    private Op() {
    }
}
