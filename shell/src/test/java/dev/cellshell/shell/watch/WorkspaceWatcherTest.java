package dev.cellshell.shell.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving cell sources from outside (any editor or IDE) swaps them in; broken files change nothing that runs. */
class WorkspaceWatcherTest {

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private Tissue tissue;
    private WorkspaceWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        tissue = TestTissues.started(workspace, sink);
        watcher = new WorkspaceWatcher(Workspace.open(workspace, "demo"), tissue, Duration.ofMillis(50)).start();
    }

    @AfterEach
    void stop() {
        watcher.close();
        tissue.close();
    }

    private static void eventually(Supplier<Boolean> condition, Supplier<String> state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s; now: " + state.get());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void anIdeWritingSeveralFilesOfATypeGetsThemSwappedTogether() throws Exception {
        Path folder = workspace.resolve("cells/Label");
        Files.writeString(folder.resolve("Palette.java"), """
                final class Palette {
                    static String greeting() { return "From a helper file"; }
                }
                """);
        Files.writeString(folder.resolve("Label.java"), Assets.cellSource("Label")
                .replace("props.string(\"text\", \"Hello, CellShell\")", "Palette.greeting()"));

        eventually(() -> sink.texts("label").equals(List.of("From a helper file")), () -> sink.texts("label").toString());
        long generation = tissue.cells().get(0).generation();
        int swapped = watcher.handled().lastIndexOf("Label: swapped");
        assertThat(swapped).as("the watcher swapped the files it read").isNotNegative();
        eventually(() -> watcher.handled().subList(swapped + 1, watcher.handled().size()).contains("Label: unchanged"),
                () -> watcher.handled().toString());
        assertThat(tissue.cells().get(0).generation()).as("the tissue's own write-back, seen, swaps nothing")
                .isEqualTo(generation);
    }

    @Test
    void aBrokenFileOnDiskLeavesTheRunningGenerationAlone() throws Exception {
        long generation = tissue.cells().get(0).generation();
        Files.writeString(workspace.resolve("cells/Label/Label.java"), "public class Label implements {");
        eventually(() -> watcher.handled().contains("Label: refused"), () -> watcher.handled().toString());
        assertThat(tissue.cells().get(0).generation()).isEqualTo(generation);
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");

        Files.writeString(workspace.resolve("cells/Label/Label.java"), Assets.cellSource("Label")
                .replace("props.string(\"text\", \"Hello, CellShell\")", "\"Fixed on disk\""));
        eventually(() -> sink.texts("label").equals(List.of("Fixed on disk")), () -> sink.texts("label").toString());
    }

    @Test
    void editingTissueJsonInAnEditorReshapesTheTissueAndABrokenEditChangesNothing() throws Exception {
        Path file = workspace.resolve("tissue.json");
        String text = Files.readString(file);
        assertThat(text).contains("\"bounds\" : [ 40, 170, 240, 64 ]");
        Files.writeString(file, text.replace("\"bounds\" : [ 40, 170, 240, 64 ]",
                "\"bounds\" : [ 500, 400, 240, 64 ]").replace("\"text\" : \"Click me\"",
                "\"text\" : \"Edited\""));
        eventually(() -> sink.texts("button").equals(List.of("Edited")), () -> sink.texts("button").toString());
        var button = tissue.cells().stream().filter(c -> c.id().equals("button")).findFirst().orElseThrow();
        assertThat(new float[] {button.x(), button.y()}).containsExactly(500, 400);

        long scenes = sink.scenes().size();
        int before = watcher.handled().size();
        Files.writeString(file, Files.readString(file).replace("\"type\" : \"Button\",", "\"type\" : \"Button\""));
        Files.writeString(file, Files.readString(file).replace("\"id\" : \"clock\"", "\"id\" : \"Bad Id\""));
        eventually(() -> watcher.handled().subList(before, watcher.handled().size())
                .contains("tissue.json: not applied"), () -> watcher.handled().toString());
        assertThat(tissue.cells()).extracting(c -> c.id()).as("a broken edit removes nothing")
                .containsExactly("label", "button", "clock");
        assertThat(sink.scenes().size()).isEqualTo(scenes);
    }
}
