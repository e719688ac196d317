package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.Tissue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench on headless Monocle, driving a real tissue over a real workspace. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {

    private Path workspace;
    private RecordingSink sink;
    private Tissue tissue;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        workspace = Files.createTempDirectory("workbench-test");
        sink = new RecordingSink();
        tissue = TestTissues.started(workspace, sink);
        view = new WorkbenchView(tissue, workspace);
        stage.setScene(new Scene(view, 1000, 680));
        stage.show();
    }

    @AfterEach
    void stop() {
        tissue.close();
    }

    private void waitForStatus(FxRobot robot, String fragment) throws Exception {
        Label status = robot.from(view).lookup("#status").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().contains(fragment));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status never said '" + fragment + "'; it says: " + status.getText(), e);
        }
    }

    @Test
    void selectingACellShowsItsSourceAndSavingSwapsTheEditedCode(FxRobot robot) throws Exception {
        javafx.scene.control.TreeView<?> cells = robot.from(view).lookup("#cells")
                .queryAs(javafx.scene.control.TreeView.class);
        assertThat(cells.getRoot().getChildren()).hasSize(3);
        Cells.click(robot, view, "label");
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().contains("class Label"));
        assertThat(editor.getText()).isEqualTo(Assets.cellSource("Label"));
        int keyword = editor.getText().indexOf("public class") + 1;
        int string = editor.getText().indexOf("\"Hello, CellShell\"") + 1;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> editor.getStyleOfChar(keyword).contains("keyword"));
        assertThat(editor.getStyleOfChar(string)).as("Java is highlighted").contains("string");

        String edited = editor.getText().replace("props.string(\"text\", \"Hello, CellShell\")", "\"Edited live\"");
        robot.interact(() -> editor.replaceText(edited));
        robot.clickOn(editor).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        waitForStatus(robot, "Swapped label to generation");
        assertThat(sink.texts("label")).containsExactly("Edited live");
        assertThat(workspace.resolve("cells/Label/Label.java")).hasContent(edited);
    }

    @Test
    void brokenCodeIsNotSwappedAndItsErrorsAreListedWithLineAndColumn(FxRobot robot) throws Exception {
        Cells.click(robot, view, "label");
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().contains("class Label"));
        robot.interact(() -> editor.replaceText(editor.getText().replace("float width", "float width = nope;\n float w")));
        robot.clickOn(robot.from(view).lookup("#save").queryButton());

        waitForStatus(robot, "Not swapped");
        ListView<?> problems = robot.from(view).lookup("#problems").queryAs(ListView.class);
        assertThat(problems.getItems()).anySatisfy(p -> assertThat(p.toString())
                .startsWith("Label.java:16:").contains("nope cannot be resolved"));
        assertThat(editor.getParagraph(15).getParagraphStyle()).contains("error-line");
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }

    @Test
    void typingBrokenCodeMarksTheErrorUnderItsWordWithoutSavingAndFixingItClearsTheMark(FxRobot robot)
            throws Exception {
        Cells.click(robot, view, "label");
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().contains("class Label"));
        String good = editor.getText();
        robot.interact(() -> editor.replaceText(good.replace("float width", "float width = nope;\n float w")));

        ListView<?> problems = robot.from(view).lookup("#problems").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problems.getItems().stream()
                .anyMatch(p -> p.toString().contains("nope cannot be resolved")));
        int column = editor.getParagraph(15).getText().indexOf("nope");
        assertThat(editor.getStyleAtPosition(15, column + 1)).as("squiggle under the word").contains("squiggle");
        assertThat(editor.getParagraph(15).getParagraphStyle()).contains("error-line");
        assertThat(sink.texts("label")).as("nothing was swapped").containsExactly("Hello, CellShell");
        assertThat(workspace.resolve("cells/Label/Label.java")).hasContent(good);

        robot.interact(() -> editor.replaceText(good.replace("Hello, CellShell", "Hello again")));
        waitForStatus(robot, "Compiles.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problems.getItems().isEmpty());
        assertThat(editor.getParagraph(15).getParagraphStyle()).isEmpty();
        assertThat(sink.texts("label")).as("still not swapped").containsExactly("Hello, CellShell");
    }

    @Test
    void unsavedEditsSurviveOpeningAnotherCellAndComingBack(FxRobot robot) throws Exception {
        Cells.click(robot, view, "label");
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().contains("class Label"));
        String edited = editor.getText().replace("Hello, CellShell", "Half-way through an edit");
        robot.interact(() -> editor.replaceText(edited));

        Cells.click(robot, view, "button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().contains("class Button"));
        Cells.click(robot, view, "label");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().contains("class Label"));
        assertThat(editor.getText()).isEqualTo(edited);
        waitForStatus(robot, "Unsaved edits to Label.java restored");
        assertThat(sink.texts("label")).as("nothing swapped").containsExactly("Hello, CellShell");
    }

    @Test
    void aSwapFromElsewhereReloadsTheEditorUnlessItHasUnsavedEdits(FxRobot robot) throws Exception {
        Cells.click(robot, view, "label");
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().contains("class Label"));
        String fromTheCli = Assets.cellSource("Label").replace("props.string(\"text\", \"Hello, CellShell\")",
                "\"From the CLI\"");
        assertThat(tissue.swap("label", "Label.java", fromTheCli, "cli").get(60, TimeUnit.SECONDS).swapped()).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.getText().equals(fromTheCli));
        waitForStatus(robot, "Reloaded Label.java");

        String mine = fromTheCli.replace("From the CLI", "Mine, not saved");
        robot.interact(() -> editor.replaceText(mine));
        String again = fromTheCli.replace("From the CLI", "From an IDE");
        assertThat(tissue.swap("label", "Label.java", again, "file").get(60, TimeUnit.SECONDS).swapped()).isTrue();
        waitForStatus(robot, "Label.java changed elsewhere");
        assertThat(editor.getText()).as("unsaved edits kept").isEqualTo(mine);
        robot.clickOn(editor).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitForStatus(robot, "Swapped label to generation");
        assertThat(sink.texts("label")).last().isEqualTo("Mine, not saved");
    }
}
