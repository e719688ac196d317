package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.Tissue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench window on headless Monocle: it opens where it was closed, with its panes as they were. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private Path workspace;
    private Tissue tissue;

    @Start
    void start(Stage ignored) throws Exception {
        workspace = Files.createTempDirectory("workbench-window");
        tissue = TestTissues.started(workspace, new RecordingSink());
    }

    @AfterEach
    void stop() {
        tissue.close();
    }

    private static Stage workbenchStage() {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("CellShell workbench")).findFirst().orElseThrow();
    }

    /** Closes the window as a person does (the close button): the layout is remembered, the shell told. */
    private static void closeByHand(FxRobot robot, Stage stage, CountDownLatch closed) throws Exception {
        robot.interact(() -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.hide();
        });
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("the shell is told the window closed").isTrue();
    }

    @Test
    void theWindowOpensWhereItWasClosedWithItsPanesAsTheyWere(FxRobot robot) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        Workbench.open(tissue, null, null, DesktopLink.NONE, workspace, closed::countDown);
        Stage first = workbenchStage();
        robot.interact(() -> {
            first.setX(60);
            first.setY(70);
            first.setWidth(1000);
            first.setHeight(640);
            ((SplitPane) first.getScene().lookup("#split-main")).setDividerPositions(0.3, 0.7);
        });
        WaitForAsyncUtils.waitForFxEvents();
        closeByHand(robot, first, closed);
        assertThat(workspace.resolve(WindowLayout.FILE)).exists();

        Workbench.open(tissue, null, null, DesktopLink.NONE, workspace, () -> { });
        Stage again = workbenchStage();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new double[] {again.getX(), again.getY()}).containsExactly(60, 70);
        assertThat(again.getScene().getWidth()).isEqualTo(first.getScene().getWidth());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(((SplitPane) again.getScene()
                .lookup("#split-main")).getDividerPositions()[0] - 0.3) < 0.01);
        robot.interact(again::hide);
    }
}
