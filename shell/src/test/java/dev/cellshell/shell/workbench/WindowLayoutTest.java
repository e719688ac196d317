package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's remembered layout: saved and read back; a broken file gives the defaults, never an error. */
class WindowLayoutTest {

    @TempDir
    Path workspace;

    private final WindowLayout defaults = WindowLayout.defaults(1280, 760);

    @Test
    void aSavedLayoutIsReadBack() {
        new WindowLayout(40, 50, 900, 600, false, Map.of("main", new double[] {0.25, 0.7}, "single",
                new double[0])).save(workspace);
        WindowLayout read = WindowLayout.load(workspace, defaults);
        assertThat(new double[] {read.x(), read.y(), read.width(), read.height()}).containsExactly(40, 50, 900, 600);
        assertThat(read.dividers().get("main")).containsExactly(0.25, 0.7);
        assertThat(read.placed()).isTrue();
        assertThat(read.dividers()).as("a pane without dividers is not written").containsOnlyKeys("main");
    }

    @Test
    void noFileGivesTheDefaults() {
        assertThat(WindowLayout.load(workspace, defaults)).isSameAs(defaults);
        assertThat(defaults.placed()).isFalse();
    }

    @Test
    void aCorruptOrNonsensicalFileGivesTheDefaultsAndIsLeftAsItIs() throws Exception {
        Path file = workspace.resolve(WindowLayout.FILE);
        for (String broken : new String[] {"width=wide\n", "width=10\nheight=10\n", "divider.main=0.2,7\n",
            "x=1\ndivider.left=abc\n"}) {
            Files.writeString(file, broken);
            assertThat(WindowLayout.load(workspace, defaults)).as(broken).isSameAs(defaults);
            assertThat(file).hasContent(broken);
        }
    }
}
