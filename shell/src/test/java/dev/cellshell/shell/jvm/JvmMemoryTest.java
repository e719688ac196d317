package dev.cellshell.shell.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmMemoryTest {

    @Test
    void theNativeHeapIsTrimmedOnlyWhereTheJdkKnowsTheOption() {
        assertThat(JvmMemory.trims(Runtime.Version.parse("17.0.8"))).isFalse();
        assertThat(JvmMemory.trims(Runtime.Version.parse("17.0.9"))).isTrue();
        assertThat(JvmMemory.trims(Runtime.Version.parse("17.0.15+6-Debian-1deb12u1"))).isTrue();
        assertThat(JvmMemory.trims(Runtime.Version.parse("21.0.2"))).isTrue();
    }

    @Test
    void aJvmOfThisJdkStartsWithTheseOptions() throws Exception {
        List<String> options = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        options.addAll(JvmMemory.options(8));
        options.add("-version");
        Process java = new ProcessBuilder(options).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor()).as(out).isZero();
        assertThat(JvmMemory.options(8)).startsWith("-Xms8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    }
}
