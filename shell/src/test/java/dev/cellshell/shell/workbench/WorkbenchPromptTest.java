package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.history.SourceArchive;
import dev.cellshell.shell.intent.Asker;
import dev.cellshell.shell.intent.Engine;
import dev.cellshell.shell.intent.PlanRunner;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueStore;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench's prompt bar on headless Monocle: a request applies, shows what it did, and one click undoes it. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchPromptTest {

    private Tissue tissue;
    private AuditLog log;
    private RecordingSink sink;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        Path workspace = Files.createTempDirectory("workbench-prompt");
        log = AuditLog.open(workspace.resolve("audit.log"));
        History history = new History(log, new SourceArchive(workspace.resolve("history/sources")));
        ClassLoader host = getClass().getClassLoader();
        sink = new RecordingSink();
        tissue = new Tissue(Workspace.open(workspace, "demo"), new LiveCompiler(host), host, () -> TestTissues.FROZEN, true,
                sink, null, TissueStore.NONE, history);
        tissue.start().get(60, TimeUnit.SECONDS);
        Asker asker = new Asker(Engine.create(), new PlanRunner(tissue, history, workspace), null);
        view = new WorkbenchView(tissue, asker, history, DesktopLink.NONE, workspace);
        stage.setScene(new Scene(view, 1000, 680));
        stage.show();
    }

    @AfterEach
    void stop() {
        tissue.close();
        log.close();
    }

    private CellView button() {
        return tissue.cells().stream().filter(c -> c.id().equals("button")).findFirst().orElseThrow();
    }

    private void waitForAnswer(Label answer, String fragment) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> answer.getText().contains(fragment));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the answer never said '" + fragment + "'; it says: " + answer.getText(), e);
        }
    }

    @Test
    void aRequestTypedIntoThePromptBarIsAppliedShownAndUndoneInOneClick(FxRobot robot) throws Exception {
        TextField prompt = robot.from(view).lookup("#prompt").queryAs(TextField.class);
        Label answer = robot.from(view).lookup("#answer").queryAs(Label.class);
        Button undo = robot.from(view).lookup("#undo-ask").queryAs(Button.class);
        assertThat(undo.isDisabled()).isTrue();

        robot.interact(() -> {
            prompt.setText("make the button bigger");
            robot.from(view).lookup("#preview").queryAs(Button.class).fire();
        });
        waitForAnswer(answer, "Preview (not applied): Made button 25% bigger");
        assertThat(robot.from(view).lookup("#plan").queryAs(Label.class).getText()).startsWith("plan: set button");
        assertThat(new float[] {button().width(), button().height()}).as("a preview changes nothing")
                .containsExactly(240, 64);
        assertThat(undo.isDisabled()).isTrue();

        robot.interact(() -> prompt.fireEvent(new ActionEvent()));
        waitForAnswer(answer, "Done: Made button 25% bigger (rules, 0.97)");
        assertThat(new float[] {button().width(), button().height()}).containsExactly(300, 80);
        assertThat(prompt.getText()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !undo.isDisabled());

        robot.clickOn(undo);
        waitForAnswer(answer, "Undone.");
        assertThat(new float[] {button().width(), button().height()}).containsExactly(240, 64);

        robot.interact(() -> {
            prompt.setText("tell me a joke");
            prompt.fireEvent(new ActionEvent());
        });
        waitForAnswer(answer, "Nothing changed: I don't know how to do that");
        assertThat(undo.isDisabled()).isTrue();
    }

    @Test
    void aRequestThatRemovesSeveralCellsWaitsForConfirmAndChangesNothingBefore(FxRobot robot) throws Exception {
        TextField prompt = robot.from(view).lookup("#prompt").queryAs(TextField.class);
        Label answer = robot.from(view).lookup("#answer").queryAs(Label.class);
        Button confirm = robot.from(view).lookup("#confirm-ask").queryAs(Button.class);
        int before = tissue.cells().size();
        assertThat(before).isGreaterThan(1);
        assertThat(confirm.isVisible()).isFalse();

        robot.interact(() -> {
            prompt.setText("delete everything");
            prompt.fireEvent(new ActionEvent());
        });
        waitForAnswer(answer, "This would remove " + before + " cells");
        assertThat(answer.getText()).contains("Nothing was changed");
        assertThat(tissue.cells()).hasSize(before);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, confirm::isVisible);

        robot.interact(() -> {
            prompt.setText("delete all my files");
            prompt.fireEvent(new ActionEvent());
        });
        waitForAnswer(answer, "not the desktop");
        assertThat(tissue.cells()).hasSize(before);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !confirm.isVisible()); // another request: no Confirm

        robot.interact(() -> {
            prompt.setText("delete everything");
            prompt.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, confirm::isVisible);
        robot.clickOn(confirm);
        waitForAnswer(answer, "Done: Removed");
        assertThat(tissue.cells()).isEmpty();
        Button undo = robot.from(view).lookup("#undo-ask").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !undo.isDisabled());
        robot.clickOn(undo);
        waitForAnswer(answer, "Undone.");
        assertThat(tissue.cells()).hasSize(before);
    }

    @Test
    void theHistoryOfTheSelectedCellShowsEachChangeWithItsDiffAndRollsBackToAnEarlierOne(FxRobot robot)
            throws Exception {
        Cells.click(robot, view, "label");
        javafx.scene.control.ListView<?> history = robot.from(view).lookup("#history")
                .queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !history.getItems().isEmpty());
        String edited = dev.cellshell.assets.Assets.cellSource("Label").replace(
                "props.string(\"text\", \"Hello, CellShell\")", "\"From the CLI\"");
        assertThat(tissue.swap("label", "Label.java", edited, "cli").get(60, TimeUnit.SECONDS).swapped()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() >= 2);
        assertThat(history.getItems().get(0).toString()).contains("actor=cli").contains("action=swap");

        robot.interact(() -> history.getSelectionModel().select(0));
        javafx.scene.control.TextArea diff = robot.from(view).lookup("#diff")
                .queryAs(javafx.scene.control.TextArea.class);
        assertThat(diff.getText()).contains("+").contains("From the CLI");

        robot.interact(() -> history.getSelectionModel().select(history.getItems().size() - 1));
        Button rollBack = robot.from(view).lookup("#roll-back").queryAs(Button.class);
        assertThat(rollBack.isDisabled()).as("the loaded version can be rolled back to").isFalse();
        robot.interact(rollBack::fire);
        Label status = robot.from(view).lookup("#status").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Rolled label back"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the status says: " + status.getText(), e);
        }
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }

    @Test
    void thePropsInspectorChangesPropsVariantsAndPlaceLiveAndAudited(FxRobot robot) throws Exception {
        Cells.click(robot, view, "button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(view).lookup("#prop-text").tryQuery()
                .isPresent());
        TextField text = robot.from(view).lookup("#prop-text").queryAs(TextField.class);
        assertThat(text.getText()).isEqualTo("Click me");
        robot.interact(() -> {
            text.setText("Go");
            text.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sink.texts("button").equals(java.util.List.of("Go")));

        Cells.click(robot, view, "clock");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(view).lookup("#prop-style").tryQuery()
                .isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> style = robot.from(view).lookup("#prop-style")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(style.getItems()).containsExactly("digital", "analog");
        robot.interact(() -> style.setValue("analog"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "analog".equals(tissue.cells().stream()
                .filter(c -> c.id().equals("clock")).findFirst().orElseThrow().props().get("style")));

        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> at = robot.from(view).lookup("#prop-at")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> at.setValue("bottom-left"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tissue.cells().stream()
                .filter(c -> c.id().equals("clock")).findFirst().orElseThrow().x() == 24);
        assertThat(log.entries().stream().filter(e -> e.actor().equals("workbench")).map(e -> e.action()))
                .contains("set", "move");
    }
}
