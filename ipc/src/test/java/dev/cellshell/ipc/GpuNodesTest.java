package dev.cellshell.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a machine with a GPU is told from one without, before any driver is loaded. */
class GpuNodesTest {

    @TempDir
    Path dev;

    @Test
    void aDrmRenderNodeOrAnNvidiaNodeIsAGpu() throws Exception {
        assertThat(GpuNodes.present(dev)).as("no /dev/dri at all").isFalse();
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0"));
        assertThat(GpuNodes.present(dev)).as("a display-only card node draws nothing").isFalse();
        Files.createFile(dev.resolve("nvidiactl"));
        assertThat(GpuNodes.present(dev)).as("NVIDIA's control node alone is no GPU").isFalse();
        Files.createFile(dev.resolve("nvidia0"));
        assertThat(GpuNodes.present(dev)).isTrue();
        Files.delete(dev.resolve("nvidia0"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(GpuNodes.present(dev)).isTrue();
    }
}
