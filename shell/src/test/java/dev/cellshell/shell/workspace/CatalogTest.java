package dev.cellshell.shell.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.assets.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @Test
    void typesAreFoundWhateverTheCaseAndAMisspellingNamesTheClosest(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve("cells/WeatherCard"));
        assertThat(Catalog.resolve(workspace, "Clock")).isEqualTo("Clock");
        assertThat(Catalog.resolve(workspace, "clock")).isEqualTo("Clock");
        assertThat(Catalog.resolve(workspace, "SYSTEMMONITOR")).isEqualTo("SystemMonitor");
        assertThat(Catalog.resolve(workspace, "weathercard")).isEqualTo("WeatherCard");
        assertThatThrownBy(() -> Catalog.resolve(workspace, "Calender")).hasMessageContaining("did you mean Calendar?")
                .hasMessageContaining("WeatherCard");
        assertThatThrownBy(() -> Catalog.resolve(workspace, "Spreadsheet")).hasMessageNotContaining("did you mean")
                .hasMessageContaining("Types: AppDock, AppGrid, Battery, Button, Calendar");
    }

    @Test
    void everyBuiltInTypeDeclaresASizeItsMinimumFitsIn() throws Exception {
        for (String type : Assets.BUILT_IN_CELL_TYPES) {
            TypeSize size = TypeSize.fromSource(Assets.cellSource(type));
            assertThat(size).as(type).isNotEqualTo(TypeSize.UNDECLARED);
            assertThat(size.tooSmall(type, size.width(), size.height())).as(type).isNull();
            assertThat(size.tooSmall(type, size.minWidth() - 1, size.height())).as(type).contains("needs at least");
        }
    }

    @Test
    void aSizeIsReadFromSourceAndANonsenseOneIsIgnored() {
        assertThat(TypeSize.fromSource("@Size(width = 300, height = 200f, minWidth = 100)\nclass A {}"))
                .isEqualTo(new TypeSize(300, 200, 100, 0));
        assertThat(TypeSize.fromSource("@Size(width = 10, height = 10, minWidth = 50)")).isEqualTo(TypeSize.UNDECLARED);
        assertThat(TypeSize.fromSource("class A {}")).isEqualTo(TypeSize.UNDECLARED);
    }
}
