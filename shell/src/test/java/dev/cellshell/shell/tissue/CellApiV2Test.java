package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.runtime.CanvasAdapter;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.widgets.Paragraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cell API v2 through a real tissue: the guide's worked example compiles and behaves as it says, typed props refuse
 * what does not fit, focus and typed text reach the cells that should get them.
 */
class CellApiV2Test {

    static final String TISSUE = """
            {
              "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430", "theme" : "dark" },
              "cells" : [
                { "id" : "bubble", "type" : "Bubble", "bounds" : [ 20, 20, 280, 140 ] },
                { "id" : "label", "type" : "Label", "bounds" : [ 320, 20, 300, 72 ] },
                { "id" : "field", "type" : "TextField", "bounds" : [ 20, 300, 300, 48 ] },
                { "id" : "notes", "type" : "Notes", "bounds" : [ 340, 300, 300, 200 ] },
                { "id" : "old", "type" : "OldField", "bounds" : [ 700, 300, 300, 60 ] }
              ]
            }
            """;

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private Tissue tissue;

    /** The one code block under the guide's worked example heading. */
    static String workedExample() {
        String guide = Assets.cellGuide();
        String section = guide.substring(guide.indexOf("## A worked example"));
        int start = section.indexOf("```java\n") + "```java\n".length();
        return section.substring(start, section.indexOf("```", start));
    }

    /** A cell written against the first Cell API, as existing workspaces hold them: it must keep working. */
    static final String OLD_FIELD = """
            import dev.cellshell.widgets.*;

            public class OldField implements Cell {
                @State String text = "";
                private boolean editing;

                @Override
                public void render(Canvas canvas, CellContext context) {
                    Theme theme = context.theme();
                    canvas.fillRoundRect(0, 0, context.width(), context.height(), 10,
                            theme.color("surface", Color.rgb(46, 52, 64)));
                    canvas.drawText(text + (editing ? "|" : ""), 14, context.height() / 2 + 6, 17,
                            theme.color("onSurface", Color.WHITE), Align.LEFT);
                }

                @Override
                public boolean onEvent(InputEvent event, CellContext context) {
                    if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
                        editing = true;
                        return true;
                    }
                    if (event instanceof InputEvent.Key key && key.pressed() && editing) {
                        if (key.keyCode() == 259 && !text.isEmpty()) {
                            text = text.substring(0, text.length() - 1);
                            return true;
                        }
                        if (!key.text().isEmpty()) {
                            text = text + key.text();
                            return true;
                        }
                    }
                    return false;
                }
            }
            """;

    private Tissue open() throws Exception {
        Files.createDirectories(workspace.resolve("cells/OldField"));
        Files.writeString(workspace.resolve("cells/OldField/OldField.java"), OLD_FIELD);
        Files.createDirectories(workspace.resolve("cells/Bubble"));
        Files.writeString(workspace.resolve("cells/Bubble/Bubble.java"), workedExample());
        Files.writeString(workspace.resolve("tissue.json"), TISSUE);
        Tissue t = new Tissue(dev.cellshell.shell.workspace.Workspace.open(workspace, "demo"),
                new dev.cellshell.livecompiler.LiveCompiler(getClass().getClassLoader()), getClass().getClassLoader(),
                () -> TestTissues.FROZEN, true, sink);
        t.start().get(60, TimeUnit.SECONDS);
        return t;
    }

    @AfterEach
    void stop() {
        if (tissue != null) {
            tissue.close();
        }
    }

    private List<Paragraph> paragraphs(String cellId) {
        List<Paragraph> found = new ArrayList<>();
        DisplayList.of(sink.layer(cellId).displayList()).replay(new CanvasAdapter() {
            @Override
            public void drawParagraph(Paragraph paragraph, float x, float y) {
                found.add(paragraph);
            }
        });
        return found;
    }

    @Test
    void theGuidesWorkedExampleWrapsItsMessageAndItsCloseRegionHidesIt() throws Exception {
        tissue = open();
        assertThat(paragraphs("bubble")).singleElement().satisfies(p ->
                assertThat(p.text()).startsWith("Hello! This bubble wraps"));
        assertThat(DisplayList.of(sink.layer("bubble").displayList()).regionAt(280 - 8 - 14 + 20 - 20, 20))
                .isEqualTo("close");
        // a press on the card but not on the × changes nothing; on the × it hides the message
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 80, 1));
        tissue.settled().get(10, TimeUnit.SECONDS);
        assertThat(paragraphs("bubble")).hasSize(1);
        tissue.input(new PointerInput(PointerKind.PRESS, 20 + 280 - 8 - 14, 20 + 8 + 16, 1));
        tissue.settled().get(10, TimeUnit.SECONDS);
        assertThat(paragraphs("bubble")).as("hidden after a press on close").isEmpty();
    }

    @Test
    void aCellWrittenForTheFirstApiStillCompilesDrawsAndTypes() throws Exception {
        tissue = open();
        assertThat(tissue.cells()).anySatisfy(c -> assertThat(c.id()).isEqualTo("old"));
        tissue.input(new PointerInput(PointerKind.PRESS, 800, 330, 1));
        for (char c : "old".toCharArray()) {
            tissue.input(new KeyInput(true, 0, String.valueOf(c), 0));
        }
        tissue.input(new KeyInput(true, 259, "", 0));
        tissue.settled().get(10, TimeUnit.SECONDS);
        assertThat(sink.texts("old")).containsExactly("ol|");
    }

    @Test
    void aTypedPropRefusesAValueThatDoesNotFitAndChangesNothing() throws Exception {
        tissue = open();
        Change tooBig = tissue.set("label", Map.of("size", "900"), "test").get(10, TimeUnit.SECONDS);
        assertThat(tooBig.done()).isFalse();
        assertThat(tooBig.message()).contains("size is a number from 6 to 200, not 900").contains("nothing changed");
        Change notAColour = tissue.set("label", Map.of("color", "blue-ish", "text", "x"), "test")
                .get(10, TimeUnit.SECONDS);
        assertThat(notAColour.done()).isFalse();
        assertThat(notAColour.message()).contains("color is a colour");
        assertThat(tissue.spec().cell("label").props()).doesNotContainKeys("size", "color", "text");
        assertThat(tissue.set("label", Map.of("size", "40", "color", "#FF0000"), "test").get(10, TimeUnit.SECONDS)
                .done()).isTrue();
        assertThat(tissue.declaredProps().get(10, TimeUnit.SECONDS).get("Label")).containsKeys("text", "size",
                "color", "background");
    }

    @Test
    void focusMovesWithAPressAndTypedTextReachesOnlyTheFocusedCell() throws Exception {
        tissue = open();
        tissue.input(new PointerInput(PointerKind.PRESS, 100, 320, 1));
        for (char c : "hi".toCharArray()) {
            tissue.input(new KeyInput(true, 0, String.valueOf(c), 0));
        }
        tissue.settled().get(10, TimeUnit.SECONDS);
        assertThat(sink.texts("field")).contains("hi");
        // a press on the notes takes the focus: the field stops editing, the notes start
        tissue.input(new PointerInput(PointerKind.PRESS, 400, 400, 1));
        tissue.input(new KeyInput(true, 0, "!", 0));
        tissue.settled().get(10, TimeUnit.SECONDS);
        assertThat(sink.texts("field")).containsExactly("hi");
        assertThat(sink.texts("notes")).contains("!|");
        // arrows and Delete are named keys the field handles: caret to the start, delete the h
        tissue.input(new PointerInput(PointerKind.PRESS, 100, 320, 1));
        tissue.input(new KeyInput(true, 268, "", 0));
        tissue.input(new KeyInput(true, 261, "", 0));
        tissue.settled().get(10, TimeUnit.SECONDS);
        assertThat(sink.texts("field")).containsExactly("i");
    }
}
