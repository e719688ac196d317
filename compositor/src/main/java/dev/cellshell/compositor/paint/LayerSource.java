package dev.cellshell.compositor.paint;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneRegion;

/** Where a layer's display-list bytes come from: inline in the message, or a shared-memory slot. */
public interface LayerSource {

    /** The layer's bytes, or {@code null} when they cannot be had now (a newer scene is on its way). */
    byte[] bytes(Layer layer);

    /** Only inline bytes: for painters without a shared region (tests, the CPU reference). */
    static LayerSource inline() {
        return layer -> layer.slot() < 0 ? layer.displayList() : null;
    }

    /** Inline bytes, or the slot of {@code region} the layer announces, read without ever blocking the writer. */
    static LayerSource shared(SceneRegion region) {
        return layer -> layer.slot() < 0 ? layer.displayList()
                : layer.slot() < region.slots() ? region.read(layer.slot(), layer.renderVersion()).orElse(null)
                : null;
    }
}
