package dev.cellshell.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keys, pastes and mouse events as xterm sends them. */
class InputEncoderTest {

    private static String key(int glfw, int modifiers, boolean application) {
        byte[] bytes = InputEncoder.key(glfw, modifiers, application);
        return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void namedKeys() {
        assertThat(key(257, 0, false)).isEqualTo("\r");
        assertThat(key(259, 0, false)).isEqualTo("\u007f");
        assertThat(key(258, InputEncoder.SHIFT, false)).isEqualTo("\u001b[Z");
        assertThat(key(256, 0, false)).isEqualTo("\u001b");
        assertThat(key(261, 0, false)).isEqualTo("\u001b[3~");
        assertThat(key(266, 0, false)).isEqualTo("\u001b[5~");
        assertThat(key(290, 0, false)).isEqualTo("\u001bOP");
        assertThat(key(294, 0, false)).isEqualTo("\u001b[15~");
        assertThat(key(301, InputEncoder.CONTROL, false)).isEqualTo("\u001b[24;5~");
    }

    @Test
    void arrowsFollowApplicationCursorModeAndModifiers() {
        assertThat(key(265, 0, false)).isEqualTo("\u001b[A");
        assertThat(key(265, 0, true)).isEqualTo("\u001bOA");
        assertThat(key(263, InputEncoder.CONTROL, true)).isEqualTo("\u001b[1;5D");
        assertThat(key(262, InputEncoder.SHIFT | InputEncoder.ALT, false)).isEqualTo("\u001b[1;4C");
        assertThat(key(268, 0, false)).isEqualTo("\u001b[H");
    }

    @Test
    void controlAndAltWithCharacters() {
        assertThat(key('C', InputEncoder.CONTROL, false)).isEqualTo("\u0003");
        assertThat(key('D', InputEncoder.CONTROL, false)).isEqualTo("\u0004");
        assertThat(key('[', InputEncoder.CONTROL, false)).isEqualTo("\u001b");
        assertThat(key(' ', InputEncoder.CONTROL, false)).isEqualTo("\u0000");
        assertThat(key('B', InputEncoder.ALT, false)).isEqualTo("\u001bb");
        assertThat(key('X', 0, false)).isNull(); // its text comes as typed text
    }

    @Test
    void pasteIsBracketedWhenAskedAndCannotCloseTheBracketItself() {
        String sneaky = "ls\n\u001b[201~rm -rf ~\n";
        assertThat(new String(InputEncoder.paste(sneaky, false), StandardCharsets.UTF_8))
                .isEqualTo("ls\r\u001b[201~rm -rf ~\r");
        assertThat(new String(InputEncoder.paste(sneaky, true), StandardCharsets.UTF_8))
                .isEqualTo("\u001b[200~ls\rrm -rf ~\r\u001b[201~");
    }

    @Test
    void mouseInBothForms() {
        assertThat(InputEncoder.mouse(InputEncoder.MouseKind.PRESS, 1, 0, 0, 0, Emulator.MouseTracking.NONE, true))
                .isNull();
        assertThat(new String(InputEncoder.mouse(InputEncoder.MouseKind.PRESS, 1, 4, 2, 0,
                Emulator.MouseTracking.CLICKS, true), StandardCharsets.US_ASCII)).isEqualTo("\u001b[<0;5;3M");
        assertThat(new String(InputEncoder.mouse(InputEncoder.MouseKind.RELEASE, 3, 4, 2, InputEncoder.CONTROL,
                Emulator.MouseTracking.CLICKS, true), StandardCharsets.US_ASCII)).isEqualTo("\u001b[<18;5;3m");
        assertThat(InputEncoder.mouse(InputEncoder.MouseKind.PRESS, 1, 4, 2, 0, Emulator.MouseTracking.CLICKS,
                false)).containsExactly(0x1b, '[', 'M', 32, 33 + 4, 33 + 2);
        assertThat(new String(InputEncoder.mouse(InputEncoder.MouseKind.WHEEL_DOWN, 0, 0, 0, 0,
                Emulator.MouseTracking.CLICKS, true), StandardCharsets.US_ASCII)).isEqualTo("\u001b[<65;1;1M");
        assertThat(InputEncoder.mouse(InputEncoder.MouseKind.MOVE, 0, 1, 1, 0, Emulator.MouseTracking.DRAGS, true))
                .isNull();
        assertThat(InputEncoder.mouse(InputEncoder.MouseKind.MOVE, 1, 1, 1, 0, Emulator.MouseTracking.DRAGS, true))
                .isNotNull();
    }
}
