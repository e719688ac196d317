package dev.cellshell.compositor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code auto} tells a machine with a GPU from one without, before it loads any driver. */
class BackendTest {

    @TempDir
    Path dev;

    @Test
    void aDrmRenderNodeOrAnNvidiaNodeIsAGpu() throws Exception {
        assertThat(Backend.gpuDeviceNodes(dev)).as("no /dev/dri at all").isFalse();
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0"));
        assertThat(Backend.gpuDeviceNodes(dev)).as("a display-only card node draws nothing").isFalse();
        Files.createFile(dev.resolve("nvidiactl"));
        assertThat(Backend.gpuDeviceNodes(dev)).as("NVIDIA's control node alone is no GPU").isFalse();
        Files.createFile(dev.resolve("nvidia0"));
        assertThat(Backend.gpuDeviceNodes(dev)).isTrue();
        Files.delete(dev.resolve("nvidia0"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(Backend.gpuDeviceNodes(dev)).isTrue();
    }
}
