package dev.cellshell.shell.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.assets.Assets;
import org.junit.jupiter.api.Test;

class TissueSpecTest {

    @Test
    void theDemoTissueParses() {
        TissueSpec spec = TissueSpec.parse(Assets.demoTissue());
        assertThat(spec.width()).isEqualTo(1280);
        assertThat(spec.cells()).extracting(CellSpec::id).containsExactly("label", "button", "clock");
        assertThat(spec.cells().get(0).props()).containsEntry("text", "Hello, CellShell");
    }

    @Test
    void aCorruptTissueFileNamesTheKeyThatIsWrong() {
        String demo = Assets.demoTissue();
        assertThatThrownBy(() -> TissueSpec.parse(demo.replace("label.bounds=40,40,440,96", "label.bounds=40,40")))
                .hasMessageContaining("'label.bounds' wants 4 numbers");
        assertThatThrownBy(() -> TissueSpec.parse(demo.replace("clock.type=Clock\n", "")))
                .hasMessageContaining("missing 'clock.type'");
        assertThatThrownBy(() -> TissueSpec.parse(demo.replace("#1E2430", "blue")))
                .hasMessageContaining("not a colour");
        assertThatThrownBy(() -> TissueSpec.parse(demo.replace("cells=label", "cells=Label")))
                .hasMessageContaining("cell id 'Label'");
    }
}
