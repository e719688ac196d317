package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.widgets.SystemStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in catalog cells behaving: notes kept in storage across a restart, calendar paging, the launcher. */
class CatalogCellsTest {

    static final String TISSUE = """
            {
              "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430", "theme" : "dark" },
              "cells" : [
                { "id" : "notes", "type" : "Notes", "bounds" : [ 20, 20, 300, 200 ] },
                { "id" : "calendar", "type" : "Calendar", "bounds" : [ 340, 20, 300, 260 ],
                  "props" : { "zone" : "UTC" } },
                { "id" : "monitor", "type" : "SystemMonitor", "bounds" : [ 660, 20, 320, 200 ] },
                { "id" : "field", "type" : "TextField", "bounds" : [ 20, 300, 300, 48 ] },
                { "id" : "launcher", "type" : "Launcher", "bounds" : [ 340, 300, 420, 64 ],
                  "props" : { "types" : "Clock,Hello" } },
                { "id" : "hello", "type" : "Hello", "bounds" : [ 20, 380, 300, 96 ] },
                { "id" : "go", "type" : "Button", "bounds" : [ 800, 300, 160, 48 ],
                  "props" : { "text" : "Go", "action" : "notify Clicked" } },
                { "id" : "more", "type" : "Button", "bounds" : [ 800, 380, 160, 48 ],
                  "props" : { "text" : "More", "action" : "spawn Hello top-left" } },
                { "id" : "picture", "type" : "Image", "bounds" : [ 1000, 500, 200, 150 ],
                  "props" : { "file" : "../tissue.json" } }
              ]
            }
            """;

    /** Fixed figures, so what the monitor draws is the same on every machine. */
    static final SystemStats FIXED = new dev.cellshell.shell.tissue.FrozenSystemStats();

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private Tissue tissue;

    private Tissue open() throws Exception {
        if (!Files.exists(workspace.resolve("tissue.json"))) {
            Files.writeString(workspace.resolve("tissue.json"), TISSUE);
        }
        Tissue t = new Tissue(dev.cellshell.shell.workspace.Workspace.open(workspace, "demo"),
                new dev.cellshell.livecompiler.LiveCompiler(getClass().getClassLoader()), getClass().getClassLoader(),
                () -> TestTissues.FROZEN, true, sink);
        t.useSystemStats(FIXED);
        t.start().get(60, TimeUnit.SECONDS);
        return t;
    }

    @AfterEach
    void stop() {
        if (tissue != null) {
            tissue.close();
        }
    }

    private void settle() throws Exception {
        tissue.settled().get(10, TimeUnit.SECONDS);
        tissue.sources("notes").get(10, TimeUnit.SECONDS);
    }

    private void type(String text) {
        for (char c : text.toCharArray()) {
            tissue.input(new KeyInput(true, 0, String.valueOf(c), 0));
        }
    }

    @Test
    void notesAreTypedIntoTheCellsStorageAndSurviveARestart() throws Exception {
        tissue = open();
        tissue.input(new PointerInput(PointerKind.PRESS, 100, 100, 1));
        type("Buy milk");
        tissue.input(new KeyInput(true, 257, "", 0));
        type("Call Bob");
        tissue.input(new KeyInput(true, 259, "", 0));
        settle();
        assertThat(sink.texts("notes")).as("one wrapped paragraph, the caret at its end").contains("Buy milk\nCall Bo|");
        assertThat(Files.readString(workspace.resolve("data/notes.properties"))).contains("Buy milk\\nCall Bo");
        tissue.close();

        tissue = open();
        assertThat(sink.texts("notes")).as("after a restart").contains("Buy milk\nCall Bo");
    }

    @Test
    void theCalendarMarksTodayAndPagesThroughMonthsKeepingItsPlaceAcrossASwap() throws Exception {
        tissue = open();
        assertThat(sink.texts("calendar")).contains("November 2026", "29");
        tissue.input(new PointerInput(PointerKind.PRESS, 340 + 290, 30, 1));
        settle();
        assertThat(sink.texts("calendar")).contains("December 2026");
        String v2 = Assets.cellSource("Calendar").replace("ofPattern(\"MMMM yyyy\"", "ofPattern(\"MMM yyyy\"");
        assertThat(tissue.swap("calendar", "Calendar.java", v2).get(60, TimeUnit.SECONDS).swapped()).isTrue();
        assertThat(sink.texts("calendar")).as("@State offset carried").contains("Dec 2026");
        tissue.input(new PointerInput(PointerKind.PRESS, 345, 30, 1));
        tissue.input(new PointerInput(PointerKind.PRESS, 345, 30, 1));
        settle();
        assertThat(sink.texts("calendar")).contains("Oct 2026");
    }

    @Test
    void theLauncherSpawnsTheCellOfTheButtonClicked() throws Exception {
        tissue = open();
        tissue.input(new PointerInput(PointerKind.PRESS, 340 + 320, 330, 1));
        tissue.input(new PointerInput(PointerKind.RELEASE, 340 + 320, 330, 1));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tissue.cells().stream().noneMatch(c -> c.id().equals("hello-2")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tissue.cells()).extracting(CellView::id).contains("hello-2");
    }

    @Test
    void theMonitorShowsTheStatsItIsGivenAndTheFieldAndHelloKeepTheirStateAcrossSwaps() throws Exception {
        tissue = open();
        assertThat(sink.texts("monitor")).contains("CPU 25% of 2 cores", "Memory 6.0 of 16.0 GB");
        tissue.input(new PointerInput(PointerKind.PRESS, 100, 320, 1));
        type("hi");
        tissue.input(new PointerInput(PointerKind.PRESS, 100, 420, 1));
        settle();
        assertThat(sink.texts("hello")).containsExactly("Hello ×1");
        String field = Assets.cellSource("TextField").replace("Type here", "Write here");
        assertThat(tissue.swap("field", "TextField.java", field).get(60, TimeUnit.SECONDS).swapped()).isTrue();
        String hello = Assets.cellSource("Hello").replace("\"Hello ×\"", "\"Hi ×\"");
        assertThat(tissue.swap("hello", "Hello.java", hello).get(60, TimeUnit.SECONDS).swapped()).isTrue();
        assertThat(sink.texts("field")).as("@State text carried").containsExactly("hi");
        assertThat(sink.texts("hello")).containsExactly("Hi ×1");
    }

    @Test
    void switchingTheClockBetweenAnalogAndDigitalKeepsItsTimeZone() throws Exception {
        tissue = open();
        assertThat(tissue.spawn("Clock", "tokyo", dev.cellshell.shell.workspace.Anchor.BOTTOM_RIGHT, 24, null,
                java.util.Map.of("zone", "Asia/Tokyo"), "test").get(60, TimeUnit.SECONDS).done()).isTrue();
        assertThat(sink.texts("tokyo")).contains("19:09:30");
        tissue.set("tokyo", java.util.Map.of("style", "analog"), "test").get(60, TimeUnit.SECONDS);
        assertThat(sink.texts("tokyo")).as("analog: no digits").doesNotContain("19:09:30");
        tissue.set("tokyo", java.util.Map.of("style", "digital"), "test").get(60, TimeUnit.SECONDS);
        assertThat(sink.texts("tokyo")).contains("19:09:30");
        assertThat(tissue.cells().stream().filter(c -> c.id().equals("tokyo")).findFirst().orElseThrow().props())
                .containsEntry("zone", "Asia/Tokyo").containsEntry("style", "digital");
    }

    @Test
    void anImageCellReadsOnlyItsPicturesFolderAndSaysWhatIsWrong() throws Exception {
        tissue = open();
        CellView picture = tissue.cells().stream().filter(c -> c.id().equals("picture")).findFirst().orElseThrow();
        assertThat(picture.lastError()).contains("'../tissue.json' is not a picture name in images/");
        assertThat(tissue.cells()).extracting(CellView::id).as("the rest of the desktop runs").contains("notes", "go");
    }

    @Test
    void aButtonsActionFiresOncePerClick() throws Exception {
        tissue = open();
        java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        tissue.addListener(new TissueListener() {
            @Override
            public void swapped(SwapOutcome outcome) {
            }

            @Override
            public void notified(String cellId, String message) {
                told.add(cellId + ": " + message);
            }
        });
        tissue.input(new PointerInput(PointerKind.PRESS, 850, 320, 1));
        tissue.input(new PointerInput(PointerKind.RELEASE, 850, 320, 1));
        tissue.input(new PointerInput(PointerKind.PRESS, 850, 320, 1));
        settle();
        assertThat(told).as("a press alone does nothing").containsExactly("go: Clicked");
        tissue.input(new PointerInput(PointerKind.RELEASE, 850, 320, 1));
        settle();
        assertThat(told).containsExactly("go: Clicked", "go: Clicked");

        tissue.input(new PointerInput(PointerKind.PRESS, 850, 400, 1));
        tissue.input(new PointerInput(PointerKind.RELEASE, 850, 400, 1));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tissue.cells().stream().noneMatch(c -> c.id().equals("hello-2")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tissue.cells()).extracting(CellView::id).contains("hello-2");
    }

    @Test
    void aCellAskingForAServiceItDidNotDeclareFaultsAndIsRefused() throws Exception {
        tissue = open();
        String sneaky = Assets.cellSource("Hello").replace("public void render(Canvas canvas, CellContext context) {",
                "public void render(Canvas canvas, CellContext context) {\n        context.service(Storage.class);");
        SwapOutcome outcome = tissue.swap("hello", "Hello.java", sneaky).get(60, TimeUnit.SECONDS);
        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.failure()).contains("without declaring it: add @Uses(Storage.class)");
    }

    @Test
    void aCellThatDidNotDeclareThePtyCannotTypeIntoAShell() throws Exception {
        tissue = open();
        String sneaky = Assets.cellSource("Hello").replace("public void render(Canvas canvas, CellContext context) {",
                "public void render(Canvas canvas, CellContext context) {\n"
                        + "        context.service(Pty.class).type(\"touch /tmp/cellshell-pwned\\n\");");
        SwapOutcome outcome = tissue.swap("hello", "Hello.java", sneaky).get(60, TimeUnit.SECONDS);
        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.failure()).contains("without declaring it: add @Uses(Pty.class)");
        assertThat(tissue.terminalOf("hello")).as("no program was started for it").isEmpty();
    }
}
