package dev.cellshell.shell.workbench;

import dev.cellshell.ipc.SceneMessage.FrameStats;
import dev.cellshell.shell.scene.SceneLink;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the workbench asks of the desktop the compositor draws: the selection both share, when a scene was presented
 * (edit→pixel), the compositor's frame statistics and whether one is connected. {@link #of(SceneLink)} is the real
 * one; {@link #NONE} is a desktop with no compositor (tests of the window alone).
 */
public interface DesktopLink {

    /** Outlines {@code cellId} on the desktop; empty clears. */
    void select(String cellId);

    /** Called (from any thread) with the cell picked on the desktop (Alt+click, inspect mode); empty for none. */
    void onSelection(Consumer<String> listener);

    /** Completes with {@link System#nanoTime()} when a frame showing {@code sceneVersion} was presented. */
    CompletableFuture<Long> presented(long sceneVersion);

    /** The compositor's frame statistics. */
    CompletableFuture<FrameStats> stats();

    /** The renderer of the connected compositor, or empty while none is connected (starting, restarting). */
    String compositor();

    DesktopLink NONE = new DesktopLink() {
        @Override
        public void select(String cellId) {
        }

        @Override
        public void onSelection(Consumer<String> listener) {
        }

        @Override
        public CompletableFuture<Long> presented(long sceneVersion) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<FrameStats> stats() {
            return CompletableFuture.failedFuture(new IllegalStateException("no compositor"));
        }

        @Override
        public String compositor() {
            return "";
        }
    };

    /** The desktop behind {@code scene}. */
    static DesktopLink of(SceneLink scene) {
        return new DesktopLink() {
            @Override
            public void select(String cellId) {
                if (!cellId.equals(scene.overlay().highlightCellId())) {
                    scene.select(cellId);
                }
            }

            @Override
            public void onSelection(Consumer<String> listener) {
                scene.onSelection(listener);
            }

            @Override
            public CompletableFuture<Long> presented(long sceneVersion) {
                return scene.presented(sceneVersion);
            }

            @Override
            public CompletableFuture<FrameStats> stats() {
                return scene.stats();
            }

            @Override
            public String compositor() {
                return scene.renderer();
            }
        };
    }
}
