package dev.cellshell.shell.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
    void surfacesAndTheCellsOnThemAreReadWrittenBackAndPinnedOnTheirSurface() {
        TissueSpec spec = TissueSpec.parse("""
                { "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430" },
                  "surfaces" : [ { "name" : "desktop", "role" : "desktop" },
                                 { "name" : "bar", "role" : "panel", "edge" : "top", "size" : 40 },
                                 { "name" : "oops", "role" : "dock" } ],
                  "cells" : [
                    { "id" : "clock", "type" : "Clock", "surface" : "bar", "at" : "right", "margin" : 8,
                      "size" : [ 200, 32 ] },
                    { "id" : "lost", "type" : "Label", "surface" : "nowhere", "bounds" : [ 0, 0, 10, 10 ] },
                    { "id" : "label", "type" : "Label", "at" : "top-left", "margin" : 40, "size" : [ 300, 60 ] } ] }
                """);
        assertThat(spec.surfaces()).extracting(SurfaceSpec::name).containsExactly("desktop", "bar");
        assertThat(spec.problems()).anySatisfy(p -> assertThat(p).contains("surfaces[2]").contains("unknown surface"
                + " role 'dock'")).anySatisfy(p -> assertThat(p).contains("cell 'lost': no surface 'nowhere'"));
        assertThat(spec.cells()).extracting(CellSpec::id, CellSpec::surface)
                .containsExactly(tuple("clock", "bar"), tuple("label", ""));
        TissueSpec placed = spec.withAreas(java.util.Map.of("desktop", new float[] {1920, 1040}, "bar",
                new float[] {1920, 40}));
        assertThat(placed.cell("clock").x()).isEqualTo(1920 - 8 - 200);
        assertThat(placed.cell("clock").y()).isEqualTo(4);
        assertThat(placed.cell("label").x()).isEqualTo(40);
        TissueSpec again = TissueSpec.parse(spec.toJson());
        assertThat(again.surfaces()).isEqualTo(spec.surfaces());
        assertThat(again.cells()).isEqualTo(spec.cells());
        assertThat(TissueSpec.parse(Assets.demoTissue()).toJson()).doesNotContain("surfaces");
    }

    @Test
    void aCellsIsolationIsReadWrittenBackAndAWrongOneIsLeftOutWithItsReason() {
        String demo = Assets.demoTissue();
        TissueSpec spec = TissueSpec.parse(demo.replace("\"type\" : \"Button\",",
                "\"type\" : \"Button\", \"isolation\" : \"solo\",").replace("\"type\" : \"Clock\",",
                "\"type\" : \"Clock\", \"isolation\" : \"alone\",").replace("\"type\" : \"Label\",",
                "\"type\" : \"Label\", \"isolation\" : \"node:buildbox\","));
        assertThat(spec.cells()).extracting(CellSpec::id, CellSpec::isolation)
                .containsExactly(tuple("label", "node:buildbox"), tuple("button", "solo"));
        assertThat(spec.cell("label").node()).isEqualTo("buildbox");
        assertThat(spec.problems()).containsExactly("tissue.json: cell 'clock': isolation is \"shared\", \"solo\" or"
                + " \"node:NAME\", not 'alone'");
        assertThat(spec.toJson()).contains("\"isolation\" : \"solo\"").contains("\"isolation\" : \"node:buildbox\"");
        assertThat(TissueSpec.parse(spec.toJson()).cells()).extracting(CellSpec::isolation)
                .containsExactly("node:buildbox", "solo");
        assertThat(TissueSpec.parse(demo.replace("\"type\" : \"Label\",", "\"type\" : \"Label\", "
                + "\"isolation\" : \"node:../x\",")).problems()).singleElement().asString().contains("not 'node:../x'");
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
        Workspace workspace = Workspace.open(dir, "demo");
        assertThat(workspace.readTissue().cells()).hasSize(3);
        Files.writeString(workspace.tissueFile(), "{ \"desktop\": ");

        assertThat(workspace.readTissue().cells()).hasSize(3);
        assertThat(Files.readString(workspace.tissueFile())).isEqualTo("{ \"desktop\": ");
    }

    /** A dock at the bottom holding a row of three cells, one of them a grid container with two cells. */
    static final String DOCK = """
            {
              "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430", "theme" : "dark" },
              "cells" : [ {
                "id" : "dock", "type" : "Panel", "at" : "bottom", "margin" : 20, "size" : [ 700, 120 ],
                "layout" : { "kind" : "row", "gap" : 10, "padding" : 20 },
                "children" : [
                  { "id" : "a", "type" : "Label", "size" : [ 100, 80 ] },
                  { "id" : "b", "type" : "Button", "size" : [ 200, 40 ] },
                  { "id" : "pad", "type" : "Panel", "size" : [ 200, 80 ],
                    "layout" : { "kind" : "grid", "columns" : 2, "gap" : 0, "padding" : 0 },
                    "children" : [ { "id" : "c", "type" : "Label", "size" : [ 50, 20 ] },
                                   { "id" : "d", "type" : "Label", "size" : [ 100, 80 ] } ] } ]
              }, { "id" : "top", "type" : "Clock", "bounds" : [ 0, 0, 10, 10 ] } ]
            }
            """;

    private static float[] corner(TissueSpec spec, String id) {
        CellSpec cell = spec.cell(id);
        return new float[] {cell.x(), cell.y()};
    }

    @Test
    void containersPlaceTheCellsInsideThemByTheirLayout() {
        TissueSpec spec = TissueSpec.parse(DOCK);
        assertThat(spec.problems()).isEmpty();
        assertThat(spec.cells()).extracting(CellSpec::id).as("z-order: a container, then what is inside it")
                .containsExactly("dock", "a", "b", "pad", "c", "d", "top");
        assertThat(corner(spec, "dock")).containsExactly(290, 580);
        assertThat(corner(spec, "a")).as("row: from the padding, centred vertically").containsExactly(310, 600);
        assertThat(corner(spec, "b")).containsExactly(420, 620);
        assertThat(corner(spec, "pad")).containsExactly(630, 600);
        assertThat(corner(spec, "c")).as("grid of 2: each centred in its slot").containsExactly(655, 630);
        assertThat(corner(spec, "d")).containsExactly(730, 600);
        assertThat(spec.cell("c").parent()).isEqualTo("pad");
        assertThat(spec.inside("dock")).containsExactly("a", "b", "pad", "c", "d");
        assertThat(TissueSpec.parse(spec.toJson())).as("written back nested, read back the same").isEqualTo(spec);
    }

    @Test
    void aColumnAndAStackCentreTheirCells() {
        Layout column = new Layout(Layout.Kind.COLUMN, 5, 10, 0);
        CellSpec box = CellSpec.at("box", "Panel", 100, 100, 200, 300, java.util.Map.of());
        var children = java.util.List.of(CellSpec.at("x", "Label", 0, 0, 100, 50, java.util.Map.of()),
                CellSpec.at("y", "Label", 0, 0, 180, 50, java.util.Map.of()));
        assertThat(column.place(box, children)).containsExactly(new float[] {150, 110}, new float[] {110, 165});
        assertThat(new Layout(Layout.Kind.STACK, 0, 0, 0).place(box, children))
                .containsExactly(new float[] {150, 225}, new float[] {110, 225});
    }

    @Test
    void wrongContainerEntriesAreLeftOutWithTheirReasonAndTheRestLoads() {
        String placedChild = DOCK.replace("{ \"id\" : \"a\", \"type\" : \"Label\", \"size\" : [ 100, 80 ] }",
                "{ \"id\" : \"a\", \"type\" : \"Label\", \"at\" : \"top\", \"size\" : [ 100, 80 ] }");
        TissueSpec spec = TissueSpec.parse(placedChild);
        assertThat(spec.problems()).singleElement().asString()
                .contains("cell 'a'").contains("inside container 'dock' is placed by it: give only its 'size'");
        assertThat(spec.cells()).extracting(CellSpec::id).containsExactly("dock", "b", "pad", "c", "d", "top");

        TissueSpec badKind = TissueSpec.parse(DOCK.replace("\"kind\" : \"row\"", "\"kind\" : \"spiral\""));
        assertThat(badKind.problems()).singleElement().asString().contains("unknown layout 'spiral'");
        assertThat(badKind.cells()).extracting(CellSpec::id).containsExactly("top");
    }
}
