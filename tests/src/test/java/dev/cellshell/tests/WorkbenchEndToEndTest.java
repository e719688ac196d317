package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.shell.Shell;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.workbench.DesktopLink;
import dev.cellshell.shell.workbench.WorkbenchView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
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

/**
 * The workbench against a whole shell: the window on headless Monocle in this JVM, the shell (tissue, live
 * compiler, stores, audit log) in this JVM too, and the real compositor in its own process, drawing offscreen with
 * Mesa. What the compositor presents is read back as PNG ({@code shot}) and compared where the label is.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchEndToEndTest {

    private static final String HELLO = "props.string(\"text\", \"Hello, CellShell\")";

    private Shell shell;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        Path workspace = Files.createTempDirectory("workbench-e2e");
        shell = Shell.start(new Shell.Options(workspace, true, Instant.parse(RunningShell.FROZEN), false,
                System.getProperty("java.class.path"), false, false, "demo"));
        awaitFrame(shell.scene().presentedScene() + 1);
        view = new WorkbenchView(shell.tissue(), shell.asker(), shell.history(), DesktopLink.of(shell.scene()),
                workspace);
        stage.setScene(new Scene(view, 1280, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        shell.close();
    }

    private void awaitFrame(long sceneVersion) throws Exception {
        shell.scene().presented(sceneVersion).get(90, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("never: " + what, e);
        }
    }

    private String status(FxRobot robot) {
        return robot.from(view).lookup("#status").queryAs(Label.class).getText();
    }

    private CellView cell(String id) {
        return shell.tissue().cells().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The pixels of the label's card as the compositor presents them now. */
    private BufferedImage labelOnScreen() throws Exception {
        BufferedImage desktop = GoldenImages.decode(shell.scene().shot().get(30, TimeUnit.SECONDS));
        CellView label = cell("label");
        return desktop.getSubimage((int) label.x(), (int) label.y(), (int) label.width(), (int) label.height());
    }

    /** How many pixels differ by more than the golden tolerance. */
    private static int differing(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (GoldenImages.channelDifference(a.getRGB(x, y), b.getRGB(x, y)) > GoldenImages.TOLERANCE) {
                    n++;
                }
            }
        }
        return n;
    }

    private void open(FxRobot robot, String id, String typeName) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // Only a row on screen: the tree keeps recycled and measuring cells, invisible, that may hold the item too.
        Node row = robot.from(view).lookup("#cells .tree-cell").match((TreeCell<CellView> c) -> c.getItem() != null
                && c.getItem().id().equals(id) && shown(c)).query();
        robot.clickOn(row);
        CodeArea editor = editor(robot);
        waitFor(id + "'s source is open", () -> editor.getText().contains("class " + typeName));
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private CodeArea editor(FxRobot robot) {
        return robot.from(view).lookup("#editor").queryAs(CodeArea.class);
    }

    private void save(FxRobot robot) {
        robot.clickOn(editor(robot)).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    }

    @Test
    void editAndSaveShowsOnTheDesktopAndBrokenCodeNeverReachesIt(FxRobot robot) throws Exception {
        open(robot, "label", "Label");
        BufferedImage before = labelOnScreen();
        long generation = cell("label").generation();
        CodeArea editor = editor(robot);
        String edited = editor.getText().replace(HELLO, "\"Edited in the workbench\"");
        robot.interact(() -> editor.replaceText(edited));
        save(robot);

        waitFor("swapped", () -> status(robot).startsWith("Swapped label to generation "));
        long swapped = cell("label").generation();
        assertThat(swapped).isGreaterThan(generation);
        assertThat(status(robot)).startsWith("Swapped label to generation " + swapped + " ");
        Label figures = robot.from(view).lookup("#swap-figures").queryAs(Label.class);
        waitFor("the status bar shows the generation and edit→pixel",
                () -> figures.getText().matches("gen " + swapped + " · compiled [\\d.]+ ms · edit→pixel [\\d.]+ ms"));
        waitFor("the new text is on screen", () -> differing(before, labelOnScreen()) > 50);
        BufferedImage after = labelOnScreen();
        waitFor("the compositor's state is shown", () -> robot.from(view).lookup("#compositor-state")
                .queryAs(Label.class).getText().contains("(offscreen)"));

        robot.interact(() -> editor.replaceText(edited.replace("float width", "float width = nope;\n float w")));
        save(robot);
        waitFor("refused", () -> status(robot).startsWith("Not swapped"));
        ListView<?> problems = robot.from(view).lookup("#problems").queryAs(ListView.class);
        assertThat(problems.getItems()).anySatisfy(p -> assertThat(p.toString()).startsWith("Label.java:16:")
                .contains("nope cannot be resolved"));
        int column = editor.getParagraph(15).getText().indexOf("nope");
        assertThat(editor.getStyleSpans(15, column, column + 1).getStyleSpan(0).getStyle()).contains("squiggle");
        assertThat(cell("label").generation()).as("the old generation keeps running").isEqualTo(swapped);
        assertThat(differing(after, labelOnScreen())).as("the screen is unchanged").isZero();
    }

    @Test
    void aCellPickedOnTheDesktopIsSelectedAndOpenedAndOneSelectedHereIsOutlinedThere(FxRobot robot)
            throws Exception {
        shell.scene().select("clock"); // what an Alt+click on the compositor's window ends in (SelectCell)
        waitFor("the clock's source is open", () -> editor(robot).getText().contains("class Clock"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<CellView> tree = robot.from(view).lookup("#cells")
                .queryAs(javafx.scene.control.TreeView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().id()).isEqualTo("clock");
        open(robot, "button", "Button");
        waitFor("the button is outlined on the desktop",
                () -> shell.scene().overlay().highlightCellId().equals("button"));
    }

    @Test
    void propsAndPromptChangesAreAuditedAndRollingBackRestoresSourceAndScreen(FxRobot robot) throws Exception {
        open(robot, "label", "Label");
        BufferedImage original = labelOnScreen();
        CodeArea editor = editor(robot);
        robot.interact(() -> editor.replaceText(editor.getText().replace(HELLO, "\"Second version\"")));
        save(robot);
        waitFor("swapped", () -> status(robot).startsWith("Swapped label"));
        waitFor("the second version is on screen", () -> differing(original, labelOnScreen()) > 50);

        open(robot, "button", "Button");
        waitFor("the button's props", () -> robot.from(view).lookup("#prop-text").tryQuery().isPresent());
        TextField text = robot.from(view).lookup("#prop-text").queryAs(TextField.class);
        robot.interact(() -> {
            text.setText("Go");
            text.fireEvent(new ActionEvent());
        });
        waitFor("the prop applied", () -> "Go".equals(cell("button").props().get("text")));
        TextField prompt = robot.from(view).lookup("#prompt").queryAs(TextField.class);
        robot.interact(() -> {
            prompt.setText("make the button bigger");
            prompt.fireEvent(new ActionEvent());
        });
        waitFor("the request applied", () -> cell("button").width() == 300);

        robot.interact(() -> robot.from(view).lookup("#history-all").queryAs(ToggleButton.class).fire());
        @SuppressWarnings("unchecked")
        ListView<AuditLog.Entry> history = robot.from(view).lookup("#history").queryAs(ListView.class);
        waitFor("both in the history", () -> history.getItems().stream().anyMatch(e -> e.actor().equals("ask"))
                && history.getItems().stream().anyMatch(e -> e.actor().equals("workbench") && e.action().equals(
                        "set")));

        open(robot, "label", "Label");
        robot.interact(() -> robot.from(view).lookup("#history-all").queryAs(ToggleButton.class).fire());
        waitFor("the label's history", () -> history.getItems().stream().allMatch(e -> e.cellType().equals("Label")
                || e.cellId().equals("label")) && history.getItems().size() >= 2);
        AuditLog.Entry first = history.getItems().get(history.getItems().size() - 1);
        robot.interact(() -> {
            history.getSelectionModel().select(first);
            robot.from(view).lookup("#roll-back").queryAs(Button.class).fire();
        });
        waitFor("rolled back", () -> status(robot).startsWith("Rolled label back"));
        waitFor("the editor shows the earlier source", () -> editor.getText().equals(Assets.cellSource("Label")));
        waitFor("the screen is as it was", () -> differing(original, labelOnScreen()) == 0);
    }
}
