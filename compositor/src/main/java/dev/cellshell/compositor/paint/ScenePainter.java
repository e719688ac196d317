package dev.cellshell.compositor.paint;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.runtime.DisplayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immediate drawing, kept to measure what the layers save ({@link Painter.Mode#IMMEDIATE}): every frame clears the
 * whole target and replays every display list, translated to its bounds and clipped to them. A layer whose display list does not decode is skipped with one log line naming the cell and its
 * generation; the rest of the desktop still draws.
 */
final class ScenePainter {

    private static final Logger LOG = LoggerFactory.getLogger(ScenePainter.class);

    private record Decoded(long generation, long renderVersion, DisplayList list) {
    }

    private final Fonts fonts;
    private final Map<String, Decoded> decoded = new HashMap<>();
    private final LayerSource source;
    private int decodedThisFrame;

    ScenePainter(LayerSource source, Fonts fonts) {
        this.source = source;
        this.fonts = fonts;
    }

    /** Draws the whole scene; returns how many display lists were decoded. */
    int paint(io.github.humbleui.skija.Canvas canvas, PublishScene scene) {
        decodedThisFrame = 0;
        canvas.clear(scene.background());
        SkijaCanvas target = new SkijaCanvas(canvas, fonts);
        Set<String> present = new HashSet<>();
        for (Layer layer : scene.layers()) {
            present.add(layer.cellId());
            DisplayList list = decode(layer);
            if (list == null) {
                continue;
            }
            int count = canvas.save();
            canvas.translate(layer.x(), layer.y());
            canvas.clipRect(io.github.humbleui.types.Rect.makeWH(layer.width(), layer.height()), true);
            try {
                list.replay(target);
            } finally {
                canvas.restoreToCount(count);
            }
        }
        decoded.keySet().retainAll(present);
        return decodedThisFrame;
    }

    /** The display list drawn for a cell, or null. */
    DisplayList list(String cellId) {
        Decoded d = decoded.get(cellId);
        return d == null ? null : d.list();
    }

    private DisplayList decode(Layer layer) {
        Decoded cached = decoded.get(layer.cellId());
        if (cached != null && cached.generation() == layer.generation()
                && cached.renderVersion() == layer.renderVersion()) {
            return cached.list();
        }
        byte[] bytes = source.bytes(layer);
        if (bytes == null) {
            LOG.debug("cell '{}' render {}: slot {} has moved on; drawing its previous list", layer.cellId(),
                    layer.renderVersion(), layer.slot());
            return cached == null ? null : cached.list();
        }
        try {
            DisplayList list = DisplayList.of(bytes);
            decodedThisFrame++;
            decoded.put(layer.cellId(), new Decoded(layer.generation(), layer.renderVersion(), list));
            return list;
        } catch (IllegalArgumentException e) {
            LOG.error("cell '{}' generation {} render {}: display list rejected, layer not drawn: {}",
                    layer.cellId(), layer.generation(), layer.renderVersion(), e.getMessage());
            decoded.remove(layer.cellId());
            return null;
        }
    }
}
