package dev.cellshell.shell.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace made by an earlier CellShell gets this version's built-in cells where their sources are exactly as that
 * version wrote them, and keeps every source someone changed.
 */
class BuiltInUpgradeTest {

    @TempDir
    Path root;

    /** The Label an earlier CellShell (before the Cell API v2) copied into every workspace. */
    static String earlierLabel() throws Exception {
        try (InputStream in = BuiltInUpgradeTest.class.getResourceAsStream("/earlier/Label.java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUntouchedEarlierBuiltInSourceIsReplacedAndAnEditedOneIsKept() throws Exception {
        Workspace.open(root, "desktop");
        Path label = root.resolve("cells/Label/Label.java");
        Path button = root.resolve("cells/Button/Button.java");
        Files.writeString(label, earlierLabel());
        String mine = earlierLabel().replace("Hello, CellShell", "Hello, mine");
        Files.writeString(button, mine);

        Workspace.open(root, "desktop");

        assertThat(label).hasContent(Assets.cellSource("Label"));
        assertThat(button).as("not an earlier built-in source: someone's own").hasContent(mine);
    }

    @Test
    void anEditedEarlierSourceIsNeverReplaced() throws Exception {
        Workspace.open(root, "desktop");
        Path label = root.resolve("cells/Label/Label.java");
        String edited = earlierLabel() + "\n// my note\n";
        Files.writeString(label, edited);

        Workspace.open(root, "desktop");

        assertThat(label).hasContent(edited);
        assertThat(Assets.earlierCellSources("Label")).isNotEmpty().doesNotContain("");
    }

    @Test
    void noCurrentBuiltInSourceIsListedAsAnEarlierOne() throws Exception {
        for (String type : Assets.BUILT_IN_CELL_TYPES) {
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Assets.cellSource(type).getBytes(StandardCharsets.UTF_8)));
            assertThat(Assets.earlierCellSources(type)).as(type).doesNotContain(hash);
        }
    }
}
