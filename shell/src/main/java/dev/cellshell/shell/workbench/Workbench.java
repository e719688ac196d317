package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.Tissue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The workbench window: starts JavaFX, shows a {@link WorkbenchView}, closes the shell when closed. */
public final class Workbench {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 680;

    private final Stage stage;
    private final WorkbenchView view;

    private Workbench(Stage stage) {
        this.stage = stage;
        this.view = (WorkbenchView) stage.getScene().getRoot();
    }

    /** Opens the window (starting the JavaFX runtime if needed) and returns once it is shown. */
    public static Workbench open(Tissue tissue, Runnable onClosed) throws Exception {
        return open(tissue, null, null, onClosed);
    }

    /** Opens the window with a prompt bar that asks {@code asker} (undoing through {@code history}). */
    public static Workbench open(Tissue tissue, dev.cellshell.shell.intent.Asker asker,
            dev.cellshell.shell.history.History history, Runnable onClosed) throws Exception {
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Runnable show = () -> {
            try {
                Stage stage = new Stage();
                stage.setTitle("CellShell workbench");
                stage.setScene(new Scene(new WorkbenchView(tissue, asker, history), WIDTH, HEIGHT));
                placeBesideTheDesktop(stage, tissue.desktopSize()[0]);
                stage.setOnHidden(e -> new Thread(onClosed, "workbench-closed").start());
                stage.show();
                shown.complete(stage);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        };
        try {
            Platform.startup(show);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(show);
        }
        Platform.setImplicitExit(false);
        return new Workbench(shown.get(60, TimeUnit.SECONDS));
    }

    /** Beside the compositor's window when the screen has room, else at the screen's right edge. */
    private static void placeBesideTheDesktop(Stage stage, int desktopWidth) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getWidth() >= desktopWidth + WIDTH ? desktopWidth : Math.max(0, screen.getWidth() - WIDTH));
        stage.setY(Math.max(0, screen.getHeight() - HEIGHT) / 2);
    }

    /** Selects a cell in the workbench (from any thread); empty does nothing. */
    public void select(String cellId) {
        if (!cellId.isEmpty()) {
            Platform.runLater(() -> view.select(cellId));
        }
    }

    /** Tells {@code listener} which cell is selected in the workbench, on the JavaFX thread. */
    public void onSelected(java.util.function.Consumer<String> listener) {
        Platform.runLater(() -> view.onSelected(listener));
    }

    public void close() {
        Platform.runLater(() -> {
            stage.setOnHidden(null);
            stage.close();
            Platform.exit();
        });
    }
}
