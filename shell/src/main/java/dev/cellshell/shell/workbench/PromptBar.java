package dev.cellshell.shell.workbench;

import dev.cellshell.shell.history.History;
import dev.cellshell.shell.intent.Asker;
import dev.cellshell.shell.intent.Op;
import dev.cellshell.shell.intent.Plan;
import dev.cellshell.shell.tissue.Tissue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The prompt bar: a request in plain words; "Preview" says what it would change without changing anything, "Ask"
 * (or Enter) applies it and says what it did, "Undo" takes it back in one click. The engine runs on a worker thread,
 * never on the JavaFX thread.
 */
final class PromptBar extends VBox {

    private static final ExecutorService ASKING = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "workbench-ask");
        thread.setDaemon(true);
        return thread;
    });

    private final TextField prompt = new TextField();
    private final Button ask = new Button("Ask");
    private final Button preview = new Button("Preview");
    private final Button undo = new Button("Undo");
    /** Shown while a request that removes more than one cell waits for a yes. */
    private final Button confirm = new Button("Confirm");
    private volatile String waiting = "";
    private final Label answer = new Label();
    private final Label plan = new Label();

    /** @param changed called on the JavaFX thread after a request changed the desktop (or was undone) */
    PromptBar(Asker asker, History history, Tissue tissue, Runnable changed) {
        super(2);
        setId("prompt-bar");
        prompt.setId("prompt");
        ask.setId("ask");
        preview.setId("preview");
        undo.setId("undo-ask");
        confirm.setId("confirm-ask");
        confirm.getStyleClass().add("danger");
        confirm.setVisible(false);
        confirm.setManaged(false);
        confirm.setTooltip(new Tooltip("Do what the request asked, removing the cells it named"));
        answer.setId("answer");
        plan.setId("plan");
        plan.getStyleClass().add("text-muted");
        ask.getStyleClass().add("accent");
        prompt.setPromptText("Ask the desktop (Ctrl+L): make the clock bigger, dark mode, add a clock to the top "
                + "right…");
        preview.setTooltip(new Tooltip("Say what the request would change, changing nothing"));
        ask.setTooltip(new Tooltip("Apply the request (Enter)"));
        undo.setTooltip(new Tooltip("Undo what the last request did"));
        HBox.setHgrow(prompt, Priority.ALWAYS);
        undo.setDisable(true);
        prompt.setOnAction(e -> send(asker, false, changed));
        ask.setOnAction(e -> send(asker, false, changed));
        preview.setOnAction(e -> send(asker, true, changed));
        undo.setOnAction(e -> {
            undo.setDisable(true);
            history.undo(tissue).whenComplete((outcome, error) -> Platform.runLater(() -> {
                answer.setText(error != null ? "Not undone: " + error.getCause().getMessage() : "Undone.");
                plan.setText("");
                changed.run();
            }));
        });
        confirm.setOnAction(e -> {
            if (!waiting.isEmpty()) {
                send(asker, waiting, false, true, changed);
            }
        });
        HBox bar = new HBox(8, prompt, preview, ask, confirm, undo);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, new HBox(12, answer, plan));
        setPadding(new Insets(6, 8, 6, 8));
    }

    private void send(Asker asker, boolean dryRun, Runnable changed) {
        send(asker, prompt.getText().trim(), dryRun, false, changed);
    }

    private void send(Asker asker, String request, boolean dryRun, boolean confirmed, Runnable changed) {
        if (request.isEmpty()) {
            return;
        }
        showConfirm("");
        ask.setDisable(true);
        preview.setDisable(true);
        answer.setText("Thinking about \"" + request + "\"…");
        plan.setText("");
        ASKING.execute(() -> {
            String said;
            String planned = "";
            boolean applied = false;
            boolean asks = false;
            try {
                Asker.Answer result = asker.ask(request, dryRun, confirmed);
                applied = result.applied();
                asks = result.needsConfirmation();
                Plan p = result.plan();
                said = (dryRun && p.understood() ? "Preview (not applied): " : applied ? "Done: " : "Nothing changed: ")
                        + result.message() + (p.understood() ? String.format(java.util.Locale.ROOT, " (%s, %.2f)", p.backend(),
                                p.confidence()) : "");
                planned = p.changes().isEmpty() ? "" : "plan: " + p.changes().stream().map(PromptBar::describe)
                        .collect(Collectors.joining("; "));
            } catch (Exception e) {
                said = "Nothing changed: " + e.getMessage();
            }
            String text = said;
            String steps = planned;
            boolean done = applied;
            boolean confirmNow = asks;
            Platform.runLater(() -> {
                answer.setText(text);
                showConfirm(confirmNow ? request : "");
                plan.setText(steps);
                ask.setDisable(false);
                preview.setDisable(false);
                if (done) {
                    undo.setDisable(false);
                    prompt.clear();
                    changed.run();
                } else if (!dryRun) {
                    undo.setDisable(true);
                }
            });
        });
    }

    /** Shows the Confirm button for {@code request}, or hides it (empty). */
    private void showConfirm(String request) {
        waiting = request;
        Runnable show = () -> {
            confirm.setVisible(!request.isEmpty());
            confirm.setManaged(!request.isEmpty());
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    /** One planned step in a few words. */
    static String describe(Op op) {
        if (op instanceof Op.Spawn s) {
            return "spawn " + s.type() + (s.cell().isEmpty() ? "" : " as " + s.cell()) + " at " + s.at()
                    + (s.props().isEmpty() ? "" : " " + s.props());
        } else if (op instanceof Op.Set s) {
            return "set " + s.cell() + " " + s.props();
        } else if (op instanceof Op.Move m) {
            return "move " + m.cell() + " to " + m.at();
        } else if (op instanceof Op.Rm r) {
            return "remove " + r.cell();
        } else if (op instanceof Op.Theme t) {
            return "theme " + t.name();
        } else if (op instanceof Op.Arrange) {
            return "arrange";
        } else if (op instanceof Op.Undo) {
            return "undo";
        } else if (op instanceof Op.Swap s) {
            return "new code for " + s.cell();
        } else if (op instanceof Op.Launch l) {
            return "start " + l.name();
        } else if (op instanceof Op.DoNotDisturb d) {
            return "do not disturb " + (d.minutes() == 0 ? "off" : d.minutes() < 0 ? "on" : d.minutes() + " min");
        } else if (op instanceof Op.Media m) {
            return "media " + m.command();
        } else if (op instanceof Op.Workspace w) {
            return "workspace " + (w.index() + 1);
        }
        return op.toString();
    }
}
