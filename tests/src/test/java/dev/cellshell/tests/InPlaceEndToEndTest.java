package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./cell run --in-place} starts the shell with the live compiler's agent and redefines body-only changes. */
class InPlaceEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aBodyOnlySwapIsRedefinedInPlaceAndAStructuralOneMakesANewGeneration() throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("workspace"), Map.of(), "--headless",
                "--in-place")) {
            Path body = dir.resolve("Label.java");
            Files.writeString(body, Assets.cellSource("Label").replace("float size = props", "float size = 0 + props"));
            RunningShell.Result inPlace = shell.cli("swap", "label", body.toString());
            assertThat(inPlace.exit()).as(inPlace.err()).isZero();
            assertThat(inPlace.out()).contains("swapped label to generation")
                    .contains("note: redefined in place: objects, their state and static fields kept");

            Path structural = dir.resolve("Structural.java");
            Files.writeString(structural, Assets.cellSource("Label").replace("public class Label implements Cell {",
                    "public class Label implements Cell {\n    int added;"));
            RunningShell.Result fresh = shell.cli("swap", "label", structural.toString());
            assertThat(fresh.exit()).as(fresh.err()).isZero();
            assertThat(fresh.out()).contains("swapped label to generation").doesNotContain("in place");
        }
    }
}
