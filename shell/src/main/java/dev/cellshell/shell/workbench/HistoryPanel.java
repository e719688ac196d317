package dev.cellshell.shell.workbench;

import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.Tissue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The audit log, newest first: the selected cell's entries (its type's swaps and the tissue changes naming it) or,
 * with "All", everything; each entry says who did what, when and to which generation, with its diff below and
 * "roll back to here" for a version that was applied.
 */
final class HistoryPanel extends VBox {

    private final History history;
    private final Tissue tissue;
    private final ListView<AuditLog.Entry> entries = new ListView<>();
    private final TextArea diff = new TextArea();
    private final Button rollBack = new Button("Roll back to here");
    private final ToggleButton all = new ToggleButton("All");
    private Optional<CellView> cell = Optional.empty();

    /** @param rolledBack told the cell rolled back and what to say, on the JavaFX thread */
    HistoryPanel(History history, Tissue tissue, BiConsumer<String, String> rolledBack,
            Consumer<String> say) {
        super(4);
        this.history = history;
        this.tissue = tissue;
        entries.setId("history");
        diff.setId("diff");
        rollBack.setId("roll-back");
        all.setId("history-all");
        diff.setEditable(false);
        diff.setPrefRowCount(6);
        diff.setMinHeight(96);
        diff.getStyleClass().add("diff");
        rollBack.setDisable(true);
        entries.setPlaceholder(new Label("No changes yet."));
        entries.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AuditLog.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : String.format("%d  %s  %s %s%s%s  %s", e.sequence(),
                        e.time().toString().substring(11, 19), e.actor(), e.action(),
                        e.cellId().isEmpty() ? "" : " " + e.cellId(),
                        e.generation() > 0 ? " gen " + e.generation() : "", e.result()));
            }
        });
        entries.getSelectionModel().selectedItemProperty().addListener((o, before, entry) -> {
            diff.setText(entry == null ? "" : entry.diff().isEmpty() ? "(no source change)" : entry.diff());
            rollBack.setDisable(entry == null || !History.canRollBackTo(entry) || target(entry).isEmpty());
        });
        all.setOnAction(e -> refresh());
        rollBack.setOnAction(e -> {
            AuditLog.Entry entry = entries.getSelectionModel().getSelectedItem();
            Optional<String> cellId = entry == null ? Optional.empty() : target(entry);
            if (cellId.isEmpty()) {
                return;
            }
            rollBack.setDisable(true);
            history.rollback(tissue, cellId.get(), entry.generation()).whenComplete((outcome, error) ->
                    Platform.runLater(() -> {
                        refresh();
                        if (error != null) {
                            say.accept("Not rolled back: " + error.getCause().getMessage());
                        } else if (!outcome.swapped()) {
                            say.accept("Not rolled back: " + outcome.failure());
                        } else {
                            rolledBack.accept(cellId.get(), "Rolled " + cellId.get() + " back to the version of entry "
                                    + entry.sequence() + " (now generation " + outcome.generation() + ").");
                        }
                    }));
        });
        Label title = new Label("History");
        title.getStyleClass().add("title-4");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, all);
        setPadding(new Insets(4));
        VBox.setVgrow(entries, Priority.ALWAYS);
        getChildren().addAll(header, entries, diff, rollBack);
    }

    /** Shows the history of {@code selected} (or everything when "All" is on). */
    void show(Optional<CellView> selected) {
        cell = selected;
        refresh();
    }

    void refresh() {
        List<AuditLog.Entry> shown = new ArrayList<>();
        for (AuditLog.Entry e : history.entries()) {
            if (all.isSelected() || cell.map(c -> e.cellType().equals(c.type()) || e.cellId().equals(c.id()))
                    .orElse(false)) {
                shown.add(0, e);
            }
        }
        AuditLog.Entry selected = entries.getSelectionModel().getSelectedItem();
        entries.getItems().setAll(shown);
        if (selected != null) {
            shown.stream().filter(e -> e.sequence() == selected.sequence()).findFirst()
                    .ifPresent(e -> entries.getSelectionModel().select(e));
        }
    }

    /** The cell to roll back for {@code entry}: the selected one when it runs that type, else any that does. */
    private Optional<String> target(AuditLog.Entry entry) {
        if (cell.isPresent() && cell.get().type().equals(entry.cellType())) {
            return Optional.of(cell.get().id());
        }
        return tissue.cells().stream().filter(c -> c.type().equals(entry.cellType())).map(CellView::id).findFirst();
    }
}
