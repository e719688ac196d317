package dev.cellshell.shell.workbench;

import dev.cellshell.shell.history.History;
import dev.cellshell.shell.intent.Asker;
import dev.cellshell.shell.tissue.Tissue;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The workbench window: starts JavaFX, shows a {@link WorkbenchView} where it was last time (else beside the
 * desktop), remembers its place and panes when it closes, and closes the shell when a person closes it.
 */
public final class Workbench {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 760;

    private final Stage stage;
    private final WorkbenchView view;
    private final Path workspace;

    private Workbench(Stage stage, Path workspace) {
        this.stage = stage;
        this.view = (WorkbenchView) stage.getScene().getRoot();
        this.workspace = workspace;
    }

    /**
     * Opens the window (starting the JavaFX runtime if needed) and returns once it is shown.
     *
     * @param asker the prompt bar's engine; null hides the bar
     */
    public static Workbench open(Tissue tissue, Asker asker, History history, DesktopLink desktop, Path workspace,
            Runnable onClosed) throws Exception {
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Runnable show = () -> {
            try {
                WindowLayout layout = WindowLayout.load(workspace, WindowLayout.defaults(WIDTH, HEIGHT));
                WorkbenchView view = new WorkbenchView(tissue, asker, history, desktop, workspace);
                Stage stage = new Stage();
                stage.setTitle("CellShell workbench — " + workspace.getFileName());
                stage.setScene(new Scene(view, layout.width(), layout.height()));
                place(stage, layout, tissue.desktopSize()[0]);
                stage.setMaximized(layout.maximized());
                stage.setOnShown(e -> Platform.runLater(() -> {
                    keepSize(stage, layout);
                    view.dividers(layout.dividers());
                }));
                stage.setOnCloseRequest(e -> remember(stage, view, workspace));
                stage.setOnHidden(e -> new Thread(onClosed, "workbench-closed").start());
                stage.show();
                shown.complete(stage);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        };
        if (System.getProperty("prism.order") == null && !dev.cellshell.ipc.GpuNodes.present()) {
            // No GPU: JavaFX's own software pipeline instead of OpenGL on Mesa's llvmpipe, which maps LLVM into
            // the shell (~45 MB) for nothing faster (docs/PERFORMANCE.md, issue 20).
            System.setProperty("prism.order", "sw");
        }
        try {
            Platform.startup(show);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(show);
        }
        Platform.setImplicitExit(false);
        return new Workbench(shown.get(60, TimeUnit.SECONDS), workspace);
    }

    /**
     * JavaFX 21 on GTK loses a new window's size under some window managers (openbox shows it at GTK's default
     * 200×200, sometimes only after the window is mapped: JDK-8316423, fixed in JavaFX 22, which is not served for
     * Java 17 here). For the first five seconds, a window that is less than half the size it asked for is sized to
     * its scene again; a person does not shrink it that much that soon.
     */
    private static void keepSize(Stage stage, WindowLayout layout) {
        Runnable check = () -> {
            if (!stage.isMaximized() && stage.isShowing() && (stage.getWidth() < layout.width() / 2
                    || stage.getHeight() < layout.height() / 2)) {
                stage.sizeToScene();
            }
        };
        check.run();
        for (int millis : new int[] {100, 300, 700, 1200, 2000, 3500, 5000}) {
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(millis));
            later.setOnFinished(done -> check.run());
            later.play();
        }
    }

    /** Where it was, if that is still on a screen; else beside the compositor's window, else at the right edge. */
    private static void place(Stage stage, WindowLayout layout, int desktopWidth) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (layout.placed() && !Screen.getScreensForRectangle(layout.x(), layout.y(), 80, 40).isEmpty()) {
            stage.setX(layout.x());
            stage.setY(layout.y());
            return;
        }
        stage.setX(screen.getWidth() >= desktopWidth + layout.width() ? desktopWidth
                : Math.max(0, screen.getWidth() - layout.width()));
        stage.setY(Math.max(0, screen.getHeight() - layout.height()) / 2);
    }

    private static void remember(Stage stage, WorkbenchView view, Path workspace) {
        new WindowLayout(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight(),
                stage.isMaximized(), view.dividers()).save(workspace);
    }

    /** Closes the window (remembering its layout) without closing the shell again. */
    public void close() {
        Platform.runLater(() -> {
            if (stage.isShowing()) {
                remember(stage, view, workspace);
            }
            stage.setOnHidden(null);
            stage.close();
            Platform.exit();
        });
    }
}
