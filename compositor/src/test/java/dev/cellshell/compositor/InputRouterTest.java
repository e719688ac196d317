package dev.cellshell.compositor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.ipc.SceneMessage.SelectCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputRouterTest {

    private final List<SceneMessage> sent = new ArrayList<>();
    /** Two cells side by side: "left" at x 0–100, "right" at x 100–200, both 0–50 high. */
    private final InputRouter router = new InputRouter(sent::add, (x, y) -> y >= 50 || x >= 200
            ? Optional.empty() : Optional.of(new Painter.Hit(x < 100 ? "left" : "right", x % 100, y)));

    private static PointerInput raw(PointerKind kind, float x, float y, int button, int modifiers) {
        return new PointerInput(kind, x, y, button, modifiers, 0, 0, "", 0, 0);
    }

    private List<String> described() {
        return sent.stream().map(m -> m instanceof PointerInput p
                ? p.kind() + " " + p.cellId() + " " + p.localX() + "," + p.localY()
                : m.getClass().getSimpleName()).toList();
    }

    @Test
    void pointerInputCarriesTheCellUnderItAndEnterLeaveFollowIt() {
        router.accept(raw(PointerKind.MOVE, 10, 10, 0, 0));
        router.accept(raw(PointerKind.MOVE, 150, 20, 0, 0));
        router.accept(raw(PointerKind.PRESS, 150, 20, 1, 0));
        router.accept(raw(PointerKind.MOVE, 300, 20, 0, 0));
        router.accept(raw(PointerKind.RELEASE, 300, 20, 1, 0));

        assertThat(described()).containsExactly(
                "ENTER left 10.0,10.0", "MOVE left 10.0,10.0",
                "LEAVE left 150.0,20.0", "ENTER right 50.0,20.0", "MOVE right 50.0,20.0",
                "PRESS right 50.0,20.0",
                "LEAVE right 200.0,20.0");
    }

    @Test
    void leavingTheWindowLeavesTheHoveredCell() {
        router.accept(raw(PointerKind.MOVE, 10, 10, 0, 0));
        router.accept(raw(PointerKind.LEAVE, 10, 10, 0, 0));
        router.accept(raw(PointerKind.LEAVE, 10, 10, 0, 0));
        assertThat(described()).containsExactly("ENTER left 10.0,10.0", "MOVE left 10.0,10.0",
                "LEAVE left 10.0,10.0");
        assertThat(router.hovered()).isEmpty();
    }

    @Test
    void altClickSelectsTheCellInsteadOfClickingIt() {
        router.accept(new KeyInput(true, 342, "", InputRouter.MOD_ALT));
        assertThat(router.inspecting()).isTrue();
        router.accept(raw(PointerKind.PRESS, 150, 20, 1, InputRouter.MOD_ALT));
        router.accept(raw(PointerKind.RELEASE, 150, 20, 1, InputRouter.MOD_ALT));
        router.accept(new KeyInput(false, 342, "", 0));

        assertThat(sent).filteredOn(SelectCell.class::isInstance).containsExactly(new SelectCell("right"));
        assertThat(sent).filteredOn(m -> m instanceof PointerInput p
                && (p.kind() == PointerKind.PRESS || p.kind() == PointerKind.RELEASE)).isEmpty();
        assertThat(router.inspecting()).isFalse();
    }

    @Test
    void inspectModeFromTheShellWorksWithoutAlt() {
        router.inspectByShell(true);
        router.accept(raw(PointerKind.PRESS, 10, 10, 1, 0));
        assertThat(sent).contains(new SelectCell("left"));
        router.inspectByShell(false);
        router.accept(raw(PointerKind.PRESS, 10, 10, 1, 0));
        assertThat(described()).endsWith("PRESS left 10.0,10.0");
    }

    @Test
    void inputOverNoCellGoesNowhereButKeysAlwaysReachTheShell() {
        router.accept(raw(PointerKind.PRESS, 500, 500, 1, 0));
        router.accept(new KeyInput(true, 65, "a", 0));
        assertThat(sent).containsExactly(new KeyInput(true, 65, "a", 0));
    }
}
