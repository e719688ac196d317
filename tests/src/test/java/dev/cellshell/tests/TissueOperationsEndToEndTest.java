package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spawn, set, move and rm from the command line; the tissue (tissue.json) comes back after a restart. */
class TissueOperationsEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void changesMadeFromTheCommandLineAreDrawnAuditedAndSurviveARestart() throws Exception {
        Path workspace = dir.resolve("workspace");
        try (RunningShell shell = RunningShell.start(workspace, Map.of(), "--headless")) {
            RunningShell.Result spawn = shell.cli("spawn", "Clock", "--at", "bottom-right", "--prop",
                    "zone=Asia/Tokyo");
            assertThat(spawn.exit()).as(spawn.err()).isZero();
            assertThat(spawn.out()).contains("spawn clock-2: bottom-right 1000,600");
            assertThat(shell.cli("set", "label", "text=Edited", "color=#EBCB8B").out())
                    .contains("text: Hello, CellShell -> Edited");
            assertThat(shell.cli("move", "label", "--at", "bottom-left").out()).contains("bottom-left 24,600");
            assertThat(shell.cli("rm", "button").exit()).isZero();

            RunningShell.Result unknownType = shell.cli("spawn", "Nope");
            assertThat(unknownType.exit()).isEqualTo(1);
            assertThat(unknownType.err()).contains("no cell type Nope");
            RunningShell.Result badAnchor = shell.cli("move", "label", "--at", "middle");
            assertThat(badAnchor.exit()).isEqualTo(1);
            assertThat(badAnchor.err()).contains("unknown anchor 'middle'");
            RunningShell.Result duplicate = shell.cli("spawn", "Clock", "--id", "label");
            assertThat(duplicate.err()).contains("a cell with id 'label' exists already");

            assertThat(shell.cli("log").out()).contains("spawn").contains("set").contains("move").contains("rm");
            assertThat(Files.readString(workspace.resolve("tissue.json"))).contains("\"clock-2\"")
                    .contains("Asia/Tokyo").doesNotContain("\"button\"");
        }
        try (RunningShell again = RunningShell.start(workspace, Map.of(), "--headless")) {
            assertThat(again.status().cells()).extracting(c -> c.cellId())
                    .containsExactly("label", "clock", "clock-2");
            var label = again.status().cells().get(0);
            assertThat(label.props()).containsEntry("text", "Edited");
            assertThat(new float[] {label.x(), label.y()}).containsExactly(24, 600);
            assertThat(again.cli("audit", "verify").exit()).isZero();
        }
    }
}
