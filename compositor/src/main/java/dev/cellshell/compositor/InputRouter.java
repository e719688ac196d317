package dev.cellshell.compositor;

import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.ipc.SceneMessage.SelectCell;
import java.util.function.Consumer;

/**
 * Turns raw window input into what the shell gets: each pointer event hit-tested against the frame on screen (front
 * to back, by each cell's bounds and declared hit regions) and given the cell's id and cell-local coordinates
 * (input over no cell goes nowhere); ENTER and LEAVE when the
 * pointer crosses from one cell to another. In inspect mode (Alt held, or switched on by the shell) the cell under
 * the pointer is outlined and a click selects it ({@link SelectCell}) instead of reaching it. Main thread only.
 */
final class InputRouter {

    static final int MOD_ALT = 0x0004;
    private static final int KEY_LEFT_ALT = 342;
    private static final int KEY_RIGHT_ALT = 346;

    private final Consumer<SceneMessage> shell;
    private final HitTest hits;
    /** Desktop position of the hovered cell's top-left corner, from its last hit. */
    private float hoveredX;
    private float hoveredY;
    private String hovered = "";
    private boolean altHeld;
    private boolean shellInspect;
    private boolean swallowRelease;

    /** Finds the cell at a desktop point of the frame on screen. */
    interface HitTest {
        java.util.Optional<Painter.Hit> at(float x, float y);
    }

    InputRouter(Consumer<SceneMessage> shell, HitTest hits) {
        this.shell = shell;
        this.hits = hits;
    }

    /** Inspect mode switched on or off by the shell. */
    void inspectByShell(boolean on) {
        shellInspect = on;
    }

    boolean inspecting() {
        return altHeld || shellInspect;
    }

    /** The cell under the pointer, empty when none. */
    String hovered() {
        return hovered;
    }

    /** Handles one input message from the window. */
    void accept(SceneMessage raw) {
        if (raw instanceof KeyInput key) {
            if (key.keyCode() == KEY_LEFT_ALT || key.keyCode() == KEY_RIGHT_ALT) {
                altHeld = key.pressed();
            }
            shell.accept(key);
            return;
        }
        if (!(raw instanceof PointerInput p)) {
            shell.accept(raw);
            return;
        }
        altHeld = (p.modifiers() & MOD_ALT) != 0;
        if (p.kind() == PointerKind.LEAVE) {
            leave(p);
            return;
        }
        Painter.Hit hit = hits.at(p.x(), p.y()).orElse(null);
        String id = hit == null ? "" : hit.cellId();
        if (!id.equals(hovered)) {
            leave(p);
            if (hit != null) {
                shell.accept(new PointerInput(PointerKind.ENTER, p.x(), p.y(), 0, p.modifiers(), 0, 0, "", 0, 0)
                        .at(id, hit.localX(), hit.localY()));
            }
            hovered = id;
        }
        if (hit != null) {
            hoveredX = p.x() - hit.localX();
            hoveredY = p.y() - hit.localY();
        }
        if (inspecting() && p.kind() == PointerKind.PRESS) {
            if (hit != null) {
                shell.accept(new SelectCell(id));
            }
            swallowRelease = true;
            return;
        }
        if (p.kind() == PointerKind.RELEASE && swallowRelease) {
            swallowRelease = false;
            return;
        }
        if (hit != null) {
            shell.accept(p.at(id, hit.localX(), hit.localY()));
        }
    }

    private void leave(PointerInput p) {
        if (!hovered.isEmpty()) {
            shell.accept(new PointerInput(PointerKind.LEAVE, p.x(), p.y(), 0, p.modifiers(), 0, 0, "", 0, 0)
                    .at(hovered, p.x() - hoveredX, p.y() - hoveredY));
            hovered = "";
        }
    }

}
