package dev.cellshell.ipc;

import java.util.List;

/** Messages between the shell and the compositor on the scene socket. */
public sealed interface SceneMessage {

    /** Compositor → shell, first message on a connection: what it draws on, and which region it attached. */
    record Hello(long pid, int width, int height, boolean windowed, String renderer, long regionEpoch)
            implements SceneMessage {
    }

    /**
     * Shell → compositor: the whole scene, every layer in z-order (back to front). The compositor draws it and
     * answers with {@link FramePresented} carrying the same {@code sceneVersion}.
     */
    record PublishScene(long sceneVersion, int background, List<Layer> layers) implements SceneMessage {
        public PublishScene {
            layers = List.copyOf(layers);
        }
    }

    /**
     * One cell as the compositor sees it.
     *
     * @param renderVersion increases every time the cell's display list changes; the stamp of its shared-memory slot
     * @param slot the {@link SceneRegion} slot holding the display list at {@code renderVersion}, or -1 when the
     *     bytes travel inline in {@code displayList}
     * @param displayList an encoded {@link dev.cellshell.widgets.DisplayList}; empty when {@code slot} is used
     */
    record Layer(String cellId, long generation, long renderVersion, float x, float y, float width, float height,
            int slot, byte[] displayList) {

        /** A layer whose display list travels inline. */
        public Layer(String cellId, long generation, long renderVersion, float x, float y, float width, float height,
                byte[] displayList) {
            this(cellId, generation, renderVersion, x, y, width, height, -1, displayList);
        }

        /** This layer announced in {@code sharedSlot} instead of carrying its bytes. */
        public Layer inSlot(int sharedSlot) {
            return new Layer(cellId, generation, renderVersion, x, y, width, height, sharedSlot, new byte[0]);
        }
    }

    /** Compositor → shell: the frame showing {@code sceneVersion} is on screen (or in the offscreen buffer). */
    record FramePresented(long sceneVersion, long frameNumber, long renderNanos) implements SceneMessage {
    }

    /** Compositor → shell: pointer input in desktop coordinates. */
    record PointerInput(PointerKind kind, float x, float y, int button) implements SceneMessage {
    }

    enum PointerKind { PRESS, RELEASE, MOVE }

    /** Compositor → shell: a key press or release, with the text it types (possibly empty). */
    record KeyInput(boolean pressed, int keyCode, String text, int modifiers) implements SceneMessage {
    }

    /** Shell → compositor: read back the last presented frame. */
    record ShotRequest(long requestId) implements SceneMessage {
    }

    /** Compositor → shell: the PNG of the frame that showed {@code sceneVersion}. */
    record ShotReply(long requestId, long sceneVersion, byte[] png) implements SceneMessage {
    }

    /** Codec for this protocol. */
    Codec<SceneMessage> CODEC = new SceneCodec();
}
