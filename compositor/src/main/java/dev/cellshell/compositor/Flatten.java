package dev.cellshell.compositor;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.Role;
import dev.cellshell.ipc.SceneMessage.Surface;
import dev.cellshell.runtime.DisplayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scene on several surfaces as one picture of the whole screen, for a compositor with one drawable (offscreen, or
 * one ordinary window): every layer moved from its surface's coordinates to the screen's, surfaces stacked by role
 * (desktops, windows, panels, overlays), each surface but the desktops drawn over its own background first. Layers
 * keep their render versions, so the damage-driven painter redraws only what changed.
 */
final class Flatten {

    /** Prefix of the ids of the layers that paint a surface's background. */
    static final String BACKGROUND = "surface:";

    private final Map<String, byte[]> backgrounds = new HashMap<>();

    PublishScene apply(PublishScene scene) {
        if (scene.surfaces().isEmpty()) {
            return scene;
        }
        Map<String, Surface> byName = new HashMap<>();
        for (Surface s : scene.surfaces()) {
            byName.putIfAbsent(s.name(), s);
        }
        String first = scene.surfaces().get(0).name();
        List<Layer> flat = new ArrayList<>(scene.layers().size() + scene.surfaces().size());
        for (Role role : Role.values()) {
            for (Surface surface : scene.surfaces()) {
                if (surface.role() != role || byName.get(surface.name()) != surface) {
                    continue;
                }
                if (role != Role.DESKTOP && (surface.background() >>> 24) != 0) {
                    flat.add(background(surface));
                }
                for (Layer layer : scene.layers()) {
                    String on = layer.surface().isEmpty() ? first : layer.surface();
                    if (on.equals(surface.name())) {
                        flat.add(layer.moved(surface.x(), surface.y()));
                    }
                }
            }
        }
        for (Layer layer : scene.layers()) {
            // A layer on a surface the scene does not place is drawn where it says, on top.
            if (!layer.surface().isEmpty() && !byName.containsKey(layer.surface())) {
                flat.add(layer);
            }
        }
        return new PublishScene(scene.sceneVersion(), scene.background(), flat);
    }

    private Layer background(Surface surface) {
        String key = surface.width() + "x" + surface.height() + "#" + Integer.toHexString(surface.background());
        if (backgrounds.size() > 64) {
            backgrounds.clear();
        }
        byte[] list = backgrounds.computeIfAbsent(key, k -> DisplayList.record(c -> c.fillRect(0, 0, surface.width(),
                surface.height(), surface.background())).bytes());
        // The version changes with the size and colour, so the painter redraws the background only then.
        return new Layer(BACKGROUND + surface.name(), 0, key.hashCode() & 0x7fffffffL, surface.x(), surface.y(),
                surface.width(), surface.height(), list);
    }
}
