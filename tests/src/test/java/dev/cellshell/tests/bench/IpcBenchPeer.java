package dev.cellshell.tests.bench;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneRegion;
import java.nio.file.Path;

/** The other JVM of {@link IpcBench}: takes each display list (inline or from its slot) and acknowledges it. */
public final class IpcBenchPeer {

    private IpcBenchPeer() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection<SceneMessage> c = Connection.open(Path.of(args[0]), SceneMessage.CODEC);
                SceneRegion region = SceneRegion.attach(Path.of(args[1]))) {
            for (SceneMessage m = c.receive(); m != null; m = c.receive()) {
                if (m instanceof PublishScene scene) {
                    Layer layer = scene.layers().get(0);
                    byte[] bytes = layer.slot() < 0 ? layer.displayList()
                            : region.read(layer.slot(), layer.renderVersion()).orElseThrow();
                    if (bytes[0] != (byte) layer.renderVersion()) {
                        throw new IllegalStateException("wrong bytes for " + layer.renderVersion());
                    }
                    c.send(new FramePresented(scene.sceneVersion(), 0, 0));
                } else if (m instanceof SceneMessage.PointerInput) {
                    c.send(m);
                } else {
                    return;
                }
            }
        }
    }
}
