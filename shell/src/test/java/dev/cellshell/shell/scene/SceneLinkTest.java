package dev.cellshell.shell.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneRegion;
import dev.cellshell.ipc.SocketServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How published display lists move into shared memory: double-buffered slots per cell, inline when too big. */
class SceneLinkTest {

    @TempDir
    Path dir;

    private static Layer layer(String id, long version, int size) {
        return new Layer(id, 1, version, 0, 0, 10, 10, new byte[size]);
    }

    private static PublishScene scene(long version, Layer... layers) {
        return new PublishScene(version, 0, List.of(layers));
    }

    @Test
    void changedListsAlternateBetweenTheirCellsTwoSlotsAndUnchangedOnesKeepTheirs() throws Exception {
        try (SceneRegion region = SceneRegion.create(dir.resolve("scene.shm"), 4, 4096);
                SceneRegion reader = SceneRegion.attach(dir.resolve("scene.shm"));
                SceneLink link = new SceneLink(SocketServer.bind(dir.resolve("s.sock")), region, m -> { }, () -> { })) {
            PublishScene first = link.share(scene(1, layer("a", 1, 10), layer("b", 1, 20)));
            assertThat(first.layers()).extracting(Layer::slot).containsExactly(0, 2);
            assertThat(first.layers()).allSatisfy(l -> assertThat(l.displayList()).isEmpty());
            assertThat(reader.read(2, 1)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(20));

            PublishScene second = link.share(scene(2, layer("a", 2, 11), layer("b", 1, 20)));
            assertThat(second.layers()).extracting(Layer::slot).containsExactly(1, 2);
            assertThat(reader.read(0, 1)).as("the previous version stays readable").isPresent();
            assertThat(reader.read(1, 2)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(11));

            PublishScene third = link.share(scene(3, layer("a", 3, 12), layer("c", 1, 5000), layer("d", 1, 1)));
            assertThat(third.layers()).extracting(Layer::slot).as("c is too big; d finds no free pair")
                    .containsExactly(0, -1, -1);
            assertThat(third.layers().get(1).displayList()).hasSize(5000);

            PublishScene fourth = link.share(scene(4, layer("a", 3, 12), layer("d", 1, 1)));
            assertThat(fourth.layers()).extracting(Layer::slot).as("b left: d gets its pair").containsExactly(0, 2);
        }
    }
}
