package dev.cellshell.shell.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.assets.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TissueSpecTest {

    @TempDir
    Path dir;

    @Test
    void theDemoTissueParsesWithItsAnchorsResolved() {
        TissueSpec spec = TissueSpec.parse(Assets.demoTissue());
        assertThat(spec.width()).isEqualTo(1280);
        assertThat(spec.cells()).extracting(CellSpec::id).containsExactly("label", "button", "clock");
        assertThat(spec.cells().get(0).props()).containsEntry("text", "Hello, CellShell");
        CellSpec clock = spec.cells().get(2);
        assertThat(clock.anchor()).isEqualTo(Anchor.TOP_RIGHT);
        assertThat(new float[] {clock.x(), clock.y()}).containsExactly(1000, 24);
        assertThat(spec.problems()).isEmpty();
    }

    @Test
    void writingAndReadingBackGivesTheSameTissue() {
        TissueSpec spec = TissueSpec.parse(Assets.demoTissue());
        assertThat(TissueSpec.parse(spec.toJson())).isEqualTo(spec);
    }

    @Test
    void aSyntaxErrorNamesTheLineAndColumn() {
        String broken = Assets.demoTissue().replace("\"type\" : \"Button\",", "\"type\" : \"Button\"");
        assertThatThrownBy(() -> TissueSpec.parse(broken)).hasMessageStartingWith("tissue.json line 19 column 5: Unexpected character");
    }

    @Test
    void aWrongCellEntryIsLeftOutWithItsReasonAndTheOthersLoad() {
        String demo = Assets.demoTissue();
        TissueSpec spec = TissueSpec.parse(demo.replace("\"bounds\" : [ 40, 170, 240, 64 ]", "\"bounds\" : [ 40 ]")
                .replace("\"at\" : \"top-right\"", "\"at\" : \"upper-right\""));
        assertThat(spec.cells()).extracting(CellSpec::id).containsExactly("label");
        assertThat(spec.problems()).containsExactly(
                "tissue.json: 'cell 'button'.bounds (or 'at' and 'size')' wants a list of 4 numbers",
                "tissue.json: cell 'clock': unknown anchor 'upper-right' (one of top-left, top, top-right, left, "
                        + "center, right, bottom-left, bottom, bottom-right)");
        assertThatThrownBy(() -> TissueSpec.parse(demo.replace("#1E2430", "blue")))
                .hasMessageContaining("not a colour");
    }

    @Test
    void aBrokenFileFallsBackToTheLastGoodCopyAndIsLeftForThePersonToFix() throws Exception {
        Workspace workspace = Workspace.open(dir);
        assertThat(workspace.readTissue().cells()).hasSize(3);
        Files.writeString(workspace.tissueFile(), "{ \"desktop\": ");

        assertThat(workspace.readTissue().cells()).hasSize(3);
        assertThat(Files.readString(workspace.tissueFile())).isEqualTo("{ \"desktop\": ");
    }
}
