package dev.cellshell.shell.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.InputEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeystrokesTest {

    private static InputEvent.Key press(int code, int modifiers) {
        return new InputEvent.Key(true, code, "", modifiers);
    }

    private static InputEvent.Key release(int code, int modifiers) {
        return new InputEvent.Key(false, code, "", modifiers);
    }

    @Test
    void textEscapesAndNamedKeysInOrder() {
        assertThat(Keystrokes.parse("ih\\e:w\\n", List.of("ctrl+c"))).containsExactly(
                new InputEvent.Text("i"), new InputEvent.Text("h"), press(256, 0), release(256, 0),
                new InputEvent.Text(":"), new InputEvent.Text("w"), press(257, 0), release(257, 0),
                press('C', InputEvent.CONTROL), release('C', InputEvent.CONTROL));
    }

    @Test
    void bracedKeysModifiersAndRealLineBreaks() {
        assertThat(Keystrokes.parse("a\\{shift+tab}\\{Up}\n\\\\", List.of())).containsExactly(
                new InputEvent.Text("a"), press(258, InputEvent.SHIFT), release(258, InputEvent.SHIFT),
                press(265, 0), release(265, 0), press(257, 0), release(257, 0), new InputEvent.Text("\\"));
        assertThat(Keystrokes.parse("\u4e2d\uD83D\uDE00", List.of())).containsExactly(
                new InputEvent.Text("\u4e2d"), new InputEvent.Text("\uD83D\uDE00"));
    }

    @Test
    void otherBackslashesAreTypedAsTheyAre() {
        assertThat(Keystrokes.parse("\\033[1m", List.of())).containsExactly(new InputEvent.Text("\\"),
                new InputEvent.Text("0"), new InputEvent.Text("3"), new InputEvent.Text("3"), new InputEvent.Text("["),
                new InputEvent.Text("1"), new InputEvent.Text("m"));
    }

    @Test
    void unknownNamesAreRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> Keystrokes.parse("", List.of("hyper+x"))).hasMessageContaining("unknown modifier");
        assertThatThrownBy(() -> Keystrokes.parse("\\{enterr}", List.of())).hasMessageContaining("unknown key "
                + "'enterr'").hasMessageContaining("enter, tab");
        assertThatThrownBy(() -> Keystrokes.parse("\\{up", List.of())).hasMessageContaining("without its '}'");
    }
}
