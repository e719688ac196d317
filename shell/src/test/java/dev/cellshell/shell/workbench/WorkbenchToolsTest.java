package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.history.SourceArchive;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueStore;
import dev.cellshell.shell.workspace.Catalog;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench's tree, catalog, theme and live mode on headless Monocle over a real tissue with a container. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchToolsTest {

    private Path workspace;
    private final RecordingSink sink = new RecordingSink();
    private Tissue tissue;
    private AuditLog log;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        workspace = Files.createTempDirectory("workbench-tools");
        Files.writeString(workspace.resolve("tissue.json"), TestTissues.DOCK);
        log = AuditLog.open(workspace.resolve("audit.log"));
        ClassLoader host = getClass().getClassLoader();
        tissue = new Tissue(Workspace.open(workspace, "demo"), new LiveCompiler(host), host, () -> TestTissues.FROZEN, true,
                sink, null, TissueStore.NONE, new History(log, new SourceArchive(workspace.resolve("history"))));
        tissue.start().get(60, TimeUnit.SECONDS);
        view = new WorkbenchView(tissue, workspace);
        stage.setScene(new Scene(view, 1280, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        tissue.close();
        log.close();
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("never: " + what, e);
        }
    }

    private Label status(FxRobot robot) {
        return robot.from(view).lookup("#status").queryAs(Label.class);
    }

    @Test
    void theTreeShowsWhatIsInsideEachContainerAndTheLookFollowsTheDesktopsTheme(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TreeView<CellView> tree = robot.from(view).lookup("#cells").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().id()).containsExactly("dock", "label");
        TreeItem<CellView> dock = tree.getRoot().getChildren().get(0);
        assertThat(dock.getChildren()).extracting(i -> i.getValue().id()).containsExactly("clock", "button");
        assertThat(dock.getChildren().get(0).getValue().generation()).isPositive();

        Cells.click(robot, view, "button");
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().id()).isEqualTo("button");

        assertThat(view.getStyleClass()).contains("dark");
        assertThat(Application.getUserAgentStylesheet()).contains("nord-dark");
        assertThat(tissue.setTheme("light", "test").get(30, TimeUnit.SECONDS).done()).isTrue();
        waitFor("the workbench turns light with the desktop", () -> view.getStyleClass().contains("light"));
        assertThat(Application.getUserAgentStylesheet()).contains("nord-light");
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().id()).as("selection kept").isEqualTo("button");
    }

    @Test
    void aNumberPropIsASliderThatAppliesOnClickOrKeyAndAtTheEndOfADrag(FxRobot robot) throws Exception {
        Cells.click(robot, view, "label");
        waitFor("the label's props", () -> robot.from(view).lookup("#prop-size").tryQuery().isPresent());
        javafx.scene.control.Slider size = robot.from(view).lookup("#prop-size")
                .queryAs(javafx.scene.control.Slider.class);
        assertThat(size.getValue()).isEqualTo(28);
        robot.interact(() -> size.setValue(40));
        waitFor("applied", () -> "40".equals(cell("label").props().get("size")));
        robot.interact(() -> {
            size.setValueChanging(true);
            size.setValue(44);
            size.setValue(48);
        });
        robot.interact(() -> size.setValueChanging(false));
        waitFor("applied at the end of the drag", () -> "48".equals(cell("label").props().get("size")));
        assertThat(log.entries().stream().filter(e -> e.action().equals("set") && e.cellId().equals("label"))
                .map(e -> e.result())).as("one set on the click, one at the end of the drag, none while dragging")
                .hasSize(2);
    }

    private CellView cell(String id) {
        return tissue.cells().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theCatalogSpawnsABuiltInTypeAndANewOneFromTheTemplateReadyToEdit(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<Catalog.Entry> types = robot.from(view).lookup("#catalog-types").queryAs(ListView.class);
        assertThat(types.getItems()).extracting(Catalog.Entry::type).contains("Calendar", "Clock", "Notes");
        robot.interact(() -> {
            types.getSelectionModel().select(types.getItems().stream().filter(e -> e.type().equals("Calendar"))
                    .findFirst().orElseThrow());
            robot.from(view).lookup("#spawn").queryAs(Button.class).fire();
        });
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        waitFor("the new calendar's source is open", () -> editor.getText().contains("class Calendar"));
        assertThat(tissue.cells()).extracting(CellView::id).contains("calendar");

        TextField name = robot.from(view).lookup("#new-type").queryAs(TextField.class);
        robot.interact(() -> {
            name.setText("lower");
            robot.from(view).lookup("#create-type").queryAs(Button.class).fire();
        });
        assertThat(status(robot).getText()).startsWith("Not created: a cell type is a Java class name");
        robot.interact(() -> {
            name.setText("Pomodoro");
            robot.from(view).lookup("#create-type").queryAs(Button.class).fire();
        });
        waitFor("the new type's source is open", () -> editor.getText().contains("public class Pomodoro"));
        assertThat(workspace.resolve("cells/Pomodoro/Pomodoro.java")).exists();
        assertThat(tissue.cells()).extracting(CellView::type).contains("Pomodoro");
        assertThat(types.getItems()).extracting(Catalog.Entry::type).contains("Pomodoro");
    }

    @Test
    void withLiveOnEveryCleanCompileIsSwappedAndBrokenCodeIsNot(FxRobot robot) throws Exception {
        Cells.click(robot, view, "label");
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        waitFor("the label's source is open", () -> editor.getText().contains("class Label"));
        String good = editor.getText();
        robot.interact(() -> robot.from(view).lookup("#live").queryAs(CheckBox.class).setSelected(true));

        robot.interact(() -> editor.replaceText(good.replace("float width", "float width = nope;\n float w")));
        waitFor("the error is listed", () -> robot.from(view).lookup("#problems").queryAs(ListView.class).getItems()
                .stream().anyMatch(p -> p.toString().contains("nope cannot be resolved")));
        assertThat(sink.texts("label")).as("broken code is not swapped").containsExactly("Hello, CellShell");

        robot.interact(() -> editor.replaceText(good.replace("props.string(\"text\", \"Hello, CellShell\")",
                "\"Typed live\"")));
        waitFor("swapped without saving", () -> sink.texts("label").contains("Typed live"));
        waitFor("the status bar shows the new generation", () -> robot.from(view).lookup("#swap-figures")
                .queryAs(Label.class).getText().matches("gen \\d+ · compiled [\\d.]+ ms.*"));
        waitFor("the status says so", () -> status(robot).getText().startsWith("Swapped label to generation"));
        assertThat(log.entries().stream().filter(e -> e.action().equals("swap"))).as("swapped once")
                .hasSize(1);
    }
}
