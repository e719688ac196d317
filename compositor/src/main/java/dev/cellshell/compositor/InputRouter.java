package dev.cellshell.compositor;

import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.SelectCell;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns raw window input into what the shell gets: each pointer event hit-tested against the scene on screen (front
 * to back, by each cell's bounds) and given the cell's id and cell-local coordinates; ENTER and LEAVE when the
 * pointer crosses from one cell to another. In inspect mode (Alt held, or switched on by the shell) the cell under
 * the pointer is outlined and a click selects it ({@link SelectCell}) instead of reaching it. Main thread only.
 */
final class InputRouter {

    static final int MOD_ALT = 0x0004;
    private static final int KEY_LEFT_ALT = 342;
    private static final int KEY_RIGHT_ALT = 346;

    private final Consumer<SceneMessage> shell;
    private List<Layer> frontToBack = List.of();
    private String hovered = "";
    private boolean altHeld;
    private boolean shellInspect;
    private boolean swallowRelease;

    InputRouter(Consumer<SceneMessage> shell) {
        this.shell = shell;
    }

    /** The scene now on screen. */
    void shown(PublishScene scene) {
        List<Layer> layers = new java.util.ArrayList<>(scene.layers());
        java.util.Collections.reverse(layers);
        frontToBack = layers;
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
        Layer hit = hit(p.x(), p.y());
        String id = hit == null ? "" : hit.cellId();
        if (!id.equals(hovered)) {
            leave(p);
            if (hit != null) {
                shell.accept(new PointerInput(PointerKind.ENTER, p.x(), p.y(), 0, p.modifiers(), 0, 0, "", 0, 0)
                        .at(id, p.x() - hit.x(), p.y() - hit.y()));
            }
            hovered = id;
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
        shell.accept(hit == null ? p : p.at(id, p.x() - hit.x(), p.y() - hit.y()));
    }

    private void leave(PointerInput p) {
        if (!hovered.isEmpty()) {
            Layer left = frontToBack.stream().filter(l -> l.cellId().equals(hovered)).findFirst().orElse(null);
            float lx = left == null ? 0 : p.x() - left.x();
            float ly = left == null ? 0 : p.y() - left.y();
            shell.accept(new PointerInput(PointerKind.LEAVE, p.x(), p.y(), 0, p.modifiers(), 0, 0, "", 0, 0)
                    .at(hovered, lx, ly));
            hovered = "";
        }
    }

    /** The front-most cell whose bounds hold (x, y), or null. */
    Layer hit(float x, float y) {
        for (Layer layer : frontToBack) {
            if (x >= layer.x() && y >= layer.y() && x < layer.x() + layer.width() && y < layer.y() + layer.height()) {
                return layer;
            }
        }
        return null;
    }
}
