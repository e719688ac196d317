package dev.cellshell.tests;

import dev.cellshell.assets.Assets;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.history.SourceArchive;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueStore;
import dev.cellshell.shell.workbench.WorkbenchView;
import dev.cellshell.shell.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fxmisc.richtext.Caret;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Golden images of what the workbench draws itself, on headless Monocle (software Prism, T2K text): the cell tree
 * with its health dots, and the editor with Java colouring, a compile error (squiggle, line mark, gutter marker), the
 * current line and a matched bracket pair, in the dark and the light theme.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGoldenTest {

    private Tissue tissue;
    private AuditLog log;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        Path workspace = Files.createTempDirectory("workbench-golden");
        log = AuditLog.open(workspace.resolve("audit.log"));
        ClassLoader host = getClass().getClassLoader();
        tissue = new Tissue(Workspace.open(workspace, "demo"), new LiveCompiler(host), host,
                () -> Instant.parse(RunningShell.FROZEN), true, scene -> { }, null, TissueStore.NONE,
                new History(log, new SourceArchive(workspace.resolve("history/sources"))));
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
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("never: " + what, e);
        }
    }

    private static BufferedImage snapshot(FxRobot robot, Node node) {
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> {
            WritableImage shot = node.snapshot(null, null);
            PixelReader pixels = shot.getPixelReader();
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            image[0] = out;
        });
        return image[0];
    }

    @Test
    void theTreeAndTheEditorWithACompileErrorInBothThemes(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TreeView<CellView> tree = robot.from(view).lookup("#cells").queryAs(TreeView.class);
        robot.interact(() -> view.select("label"));
        CodeArea editor = robot.from(view).lookup("#editor").queryAs(CodeArea.class);
        waitFor("the label's source is open", () -> editor.getText().contains("class Label"));
        String broken = Assets.cellSource("Label").replace("float width", "float width = nope;\n        float w");
        robot.interact(() -> {
            editor.setShowCaret(Caret.CaretVisibility.OFF);
            editor.replaceText(broken);
            editor.moveTo(broken.indexOf("{\n\n    @Override")); // the class body's brace: its pair is matched
        });
        ListView<?> problems = robot.from(view).lookup("#problems").queryAs(ListView.class);
        waitFor("the error is listed", () -> !problems.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Node editorPane = editor.getParent();
        GoldenImages.assertMatches(snapshot(robot, tree), "workbench-tree-dark");
        GoldenImages.assertMatches(snapshot(robot, editorPane), "workbench-editor-dark");

        tissue.setTheme("light", "test").get(30, TimeUnit.SECONDS);
        waitFor("the workbench turns light", () -> view.getStyleClass().contains("light"));
        WaitForAsyncUtils.waitForFxEvents();
        GoldenImages.assertMatches(snapshot(robot, editorPane), "workbench-editor-light");
    }
}
