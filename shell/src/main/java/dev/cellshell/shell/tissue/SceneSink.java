package dev.cellshell.shell.tissue;

import dev.cellshell.ipc.SceneMessage.PublishScene;

/** Where the tissue publishes its scene: the compositor link, or a recording sink in tests. */
public interface SceneSink {

    /** Called on the tissue thread with every new scene, in increasing version order. */
    void publish(PublishScene scene);
}
