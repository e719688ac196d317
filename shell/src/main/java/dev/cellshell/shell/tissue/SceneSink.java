package dev.cellshell.shell.tissue;

import dev.cellshell.ipc.SceneMessage.PublishScene;

/** Where the tissue publishes its scene: the compositor link, or a recording sink in tests. */
public interface SceneSink {

    /** Called on the tissue thread with every new scene, in increasing version order. */
    void publish(PublishScene scene);

    /**
     * A picture a cell asked for ({@code Images.picture}): the compositor must have its bytes before a scene draws
     * it. Called on the thread that answered the service call, before the cell's render returns.
     */
    default void picture(long key, byte[] encoded) {
    }
}
