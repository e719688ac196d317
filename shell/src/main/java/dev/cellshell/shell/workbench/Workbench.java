package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.Tissue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The workbench window: starts JavaFX, shows a {@link WorkbenchView}, closes the shell when closed. */
public final class Workbench {

    private final Stage stage;

    private Workbench(Stage stage) {
        this.stage = stage;
    }

    /** Opens the window (starting the JavaFX runtime if needed) and returns once it is shown. */
    public static Workbench open(Tissue tissue, Runnable onClosed) throws Exception {
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Runnable show = () -> {
            try {
                Stage stage = new Stage();
                stage.setTitle("CellShell workbench");
                stage.setScene(new Scene(new WorkbenchView(tissue), 1000, 680));
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

    public void close() {
        Platform.runLater(() -> {
            stage.setOnHidden(null);
            stage.close();
            Platform.exit();
        });
    }
}
