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
            assertThat(unknownType.err()).contains("no cell type 'Nope'").contains("did you mean Notes?");
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

    @Test
    void arrangeAndUndoOfTissueChangesFromTheCommandLineShowOnScreen() throws Exception {
        Path workspace = dir.resolve("workspace");
        try (RunningShell shell = RunningShell.start(workspace, Map.of(), "--headless")) {
            Path before = dir.resolve("before.png");
            assertThat(shell.cli("shot", before.toString()).exit()).isZero();
            assertThat(shell.cli("spawn", "Label", "--id", "note", "--at", "top-left", "--prop", "text=Overlap")
                    .exit()).isZero();

            RunningShell.Result arrange = shell.cli("arrange");
            assertThat(arrange.exit()).as(arrange.err()).isZero();
            assertThat(arrange.out()).contains("arrange: ").contains("moved");
            var cells = shell.status().cells();
            for (var a : cells) {
                for (var b : cells) {
                    boolean overlap = a != b && a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                            && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
                    assertThat(overlap).as(a.cellId() + " overlaps " + b.cellId()).isFalse();
                }
            }

            RunningShell.Result undo = shell.cli("undo");
            assertThat(undo.exit()).as(undo.err()).isZero();
            assertThat(undo.out()).contains("undo: tissue.json put back, on screen after");
            assertThat(shell.cli("undo").exit()).as("the spawn is undone too").isZero();
            assertThat(shell.status().cells()).extracting(c -> c.cellId()).containsExactly("label", "button", "clock");
            Path after = dir.resolve("after.png");
            assertThat(shell.cli("shot", after.toString()).exit()).isZero();
            var beforeImage = GoldenImages.decode(Files.readAllBytes(before));
            assertThat(GoldenImages.decode(Files.readAllBytes(after)))
                    .matches(image -> sameImage(image, beforeImage), "the desktop looks as it did before the spawn");

            RunningShell.Result told = shell.cli("broadcast", "zone", "Europe/Paris");
            assertThat(told.exit()).as(told.err()).isZero();
            assertThat(told.out()).contains("zone = Europe/Paris told 3 cells");
            assertThat(shell.cli("log").out()).contains("arrange").contains("undo").contains("broadcast");
            assertThat(shell.cli("audit", "verify").exit()).isZero();
        }
    }

    @Test
    void statsInspectAndSelectAnswerFromARealShellAndSayWhyNot() throws Exception {
        Path workspace = dir.resolve("workspace");
        try (RunningShell shell = RunningShell.start(workspace, Map.of(), "--headless")) {
            RunningShell.Result stats = shell.cli("stats", "--json");
            assertThat(stats.exit()).as(stats.err()).isZero();
            assertThat(stats.out()).contains("\"frames\":").contains("\"textures\":").contains("llvmpipe");
            assertThat(shell.cli("stats").out()).contains("last frame").contains("ms process CPU");

            Path plain = dir.resolve("plain.png");
            assertThat(shell.cli("shot", plain.toString()).exit()).isZero();
            assertThat(shell.cli("stats", "--overlay", "on").exit()).isZero();
            assertThat(shell.cli("select", "clock").out().trim()).isEqualTo("clock");
            Path decorated = dir.resolve("decorated.png");
            assertThat(shell.cli("shot", decorated.toString()).exit()).isZero();
            var before = GoldenImages.decode(Files.readAllBytes(plain));
            var after = GoldenImages.decode(Files.readAllBytes(decorated));
            int topLeft = 0;
            int clock = 0;
            int elsewhere = 0;
            for (int y = 0; y < before.getHeight(); y++) {
                for (int x = 0; x < before.getWidth(); x++) {
                    if (GoldenImages.channelDifference(before.getRGB(x, y), after.getRGB(x, y)) > 2) {
                        if (y < 24 && x < 700) {
                            topLeft++;
                        } else if (x >= 995 && y <= 125) {
                            clock++;
                        } else {
                            elsewhere++;
                        }
                    }
                }
            }
            assertThat(topLeft).as("the statistics line").isGreaterThan(100);
            assertThat(clock).as("the clock's outline and tag").isGreaterThan(100);
            assertThat(elsewhere).as("nothing else changed").isZero();

            assertThat(shell.cli("inspect", "on").out()).contains("inspect mode on");
            RunningShell.Result unknown = shell.cli("select", "nope");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).contains("no cell with id 'nope'; the cells are: label, button, clock");
            assertThat(shell.cli("select", "none").out().trim()).isEqualTo("no cell selected");
        }
    }

    private static boolean sameImage(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (GoldenImages.channelDifference(a.getRGB(x, y), b.getRGB(x, y)) > 2) {
                    return false;
                }
            }
        }
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight();
    }
}
