package dev.cellshell.shell.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the shell asks of the compositor's renderer, refused before a process is started when it cannot work. */
class CompositorProcessTest {

    private static CompositorProcess process(boolean headless, String renderer) {
        return new CompositorProcess("cp", Path.of("s.sock"), Path.of("s.shm"), Path.of("c.log"), headless, 1280, 720,
                true, renderer);
    }

    @Test
    void theCpuRendererDrawsOffscreenAndInWindows() {
        assertThat(process(true, "cpu").renderer()).isEqualTo("cpu");
        assertThat(process(false, "cpu").renderer()).isEqualTo("cpu");
    }

    @Test
    void anUnknownRendererNamesTheKnownOnes() {
        assertThatThrownBy(() -> process(true, "direct3d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown renderer 'direct3d': choose one of auto, vulkan, gl, cpu");
        for (String renderer : CompositorProcess.RENDERERS) {
            assertThat(process(true, renderer).renderer()).isEqualTo(renderer);
        }
    }
}
