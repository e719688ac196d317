package dev.cellshell.shell.workbench;

import dev.cellshell.livecompiler.Diagnostic;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.SwapOutcome;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * Cell list on the left, the selected cell's source in a code editor, the compiler's problems underneath. Saving
 * (the button or Ctrl+S) asks the tissue to swap; a refused swap marks the broken lines and lists the errors while
 * the old generation keeps running.
 */
public final class WorkbenchView extends BorderPane {

    private final Tissue tissue;
    private final ListView<CellView> cells = new ListView<>();
    private final ChoiceBox<String> files = new ChoiceBox<>();
    private final CodeArea editor = new CodeArea();
    private final Button save = new Button("Save & swap");
    private final Label status = new Label("Select a cell to edit its source.");
    private final ListView<String> problems = new ListView<>();
    private List<SourceFile> sources = List.of();
    /** The cell whose source the editor holds; refreshing the list must not reload (and lose) the editor's text. */
    private String editing;
    /** Told the id of the cell selected in the list (the shell outlines it on the desktop). */
    private java.util.function.Consumer<String> onSelected = id -> { };

    private final javafx.scene.control.TextField prompt = new javafx.scene.control.TextField();
    private final Button ask = new Button("Ask");
    private final Button undoAsk = new Button("Undo");
    private final Label answer = new Label();
    private static final java.util.concurrent.ExecutorService ASKING = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "workbench-ask");
                thread.setDaemon(true);
                return thread;
            });

    private final ListView<dev.cellshell.shell.history.AuditLog.Entry> historyList = new ListView<>();
    private final javafx.scene.control.TextArea diff = new javafx.scene.control.TextArea();
    private final Button rollBack = new Button("Roll back to here");
    private final dev.cellshell.shell.history.History history;
    /** The diagnostics marked in the editor now (for the hover tip). */
    private List<Diagnostic> shownDiagnostics = List.of();
    /** Which check is the newest, so a slow older one does not paint over it. */
    private long checks;
    private final javafx.scene.layout.GridPane props = new javafx.scene.layout.GridPane();

    public WorkbenchView(Tissue tissue) {
        this(tissue, null, null);
    }

    /**
     * @param asker plans and applies what is typed into the prompt bar; null hides the bar
     * @param history undoes what the prompt bar did
     */
    public WorkbenchView(Tissue tissue, dev.cellshell.shell.intent.Asker asker,
            dev.cellshell.shell.history.History history) {
        this.tissue = tissue;
        this.history = history;
        getStylesheets().add(Objects.requireNonNull(getClass().getResource("workbench.css")).toExternalForm());
        getStyleClass().add("workbench");
        cells.setId("cells");
        files.setId("files");
        editor.setId("editor");
        save.setId("save");
        status.setId("status");
        problems.setId("problems");

        cells.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CellView cell, boolean empty) {
                super.updateItem(cell, empty);
                setText(empty || cell == null ? null
                        : cell.id() + "  ·  " + cell.type() + " gen " + cell.generation()
                                + (cell.health().equals("ok") ? "" : "  · " + cell.health())
                                + (cell.lastError().isEmpty() ? "" : "  ⚠"));
            }
        });
        cells.getSelectionModel().selectedItemProperty().addListener((o, before, selected) -> {
            if (selected != null && !selected.id().equals(editing)) {
                load(selected.id());
            }
            refreshHistory();
            refreshProps();
            onSelected.accept(selected == null ? "" : selected.id());
        });
        files.getSelectionModel().selectedItemProperty().addListener((o, before, file) -> showFile(file));
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.plainTextChanges().subscribe(change -> highlight());
        // Diagnostics as you type: a compile in the background (sandbox included) 400 ms after the last keystroke;
        // nothing is swapped until you save.
        editor.plainTextChanges().successionEnds(java.time.Duration.ofMillis(400)).subscribe(change -> check());
        editor.setMouseOverTextDelay(java.time.Duration.ofMillis(300));
        javafx.stage.Popup tip = new javafx.stage.Popup();
        Label tipText = new Label();
        tipText.getStyleClass().add("diagnostic-tip");
        tip.getContent().add(tipText);
        editor.addEventHandler(org.fxmisc.richtext.event.MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            int line = editor.offsetToPosition(e.getCharacterIndex(), org.fxmisc.richtext.model.TwoDimensional.Bias
                    .Forward).getMajor() + 1;
            shownDiagnostics.stream().filter(d -> d.line() == line).findFirst().ifPresent(d -> {
                tipText.setText(d.message());
                javafx.geometry.Point2D at = e.getScreenPosition();
                tip.show(editor, at.getX(), at.getY() + 12);
            });
        });
        editor.addEventHandler(org.fxmisc.richtext.event.MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> tip.hide());
        editor.setDisable(true);
        save.setDisable(true);
        save.setOnAction(e -> save());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                e.consume();
                save();
            }
        });
        problems.setPrefHeight(120);
        problems.setPlaceholder(new Label("No problems."));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, files, spacer, save);
        toolbar.setPadding(new Insets(6));
        BorderPane editorPane = new BorderPane(new VirtualizedScrollPane<>(editor));
        editorPane.setTop(toolbar);
        SplitPane bottom = new SplitPane(problems, propsPane());
        bottom.setDividerPositions(0.6);
        SplitPane right = new SplitPane(editorPane, bottom);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.8);
        javafx.scene.Node left = history == null ? cells : historyPane();
        SplitPane main = new SplitPane(left, right);
        main.setDividerPositions(0.22);
        setCenter(main);
        status.setPadding(new Insets(4, 8, 4, 8));
        setBottom(status);
        if (asker != null) {
            setTop(promptBar(asker, history));
        }

        tissue.addListener(new TissueListener() {
            @Override
            public void swapped(SwapOutcome outcome) {
                Platform.runLater(() -> {
                    refreshCells();
                    refreshHistory();
                });
            }

            @Override
            public void notified(String cellId, String message) {
                Platform.runLater(() -> status.setText(cellId + ": " + message));
            }

            @Override
            public void faulted(String cellId, String report) {
                Platform.runLater(() -> {
                    refreshCells();
                    status.setText(cellId + ": " + report);
                });
            }
        });
        refreshCells();
    }

    /**
     * The cell list above the history of the selected cell's type (who, what, when), the selected entry's diff, and
     * "roll back to here" for an applied version.
     */
    private javafx.scene.Node historyPane() {
        historyList.setId("history");
        diff.setId("diff");
        rollBack.setId("roll-back");
        diff.setEditable(false);
        diff.setPrefRowCount(6);
        diff.setMinHeight(96);
        diff.getStyleClass().add("diff");
        rollBack.setDisable(true);
        historyList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(dev.cellshell.shell.history.AuditLog.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : String.format("%d  %s  %s %s%s  %s", e.sequence(),
                        e.time().toString().substring(11, 19), e.actor(), e.action(),
                        e.generation() > 0 ? " gen " + e.generation() : "", e.result()));
            }
        });
        historyList.getSelectionModel().selectedItemProperty().addListener((o, before, entry) -> {
            diff.setText(entry == null ? "" : entry.diff().isEmpty() ? "(no source change)" : entry.diff());
            rollBack.setDisable(entry == null || !dev.cellshell.shell.history.History.canRollBackTo(entry));
        });
        rollBack.setOnAction(e -> {
            var entry = historyList.getSelectionModel().getSelectedItem();
            CellView cell = cells.getSelectionModel().getSelectedItem();
            if (entry == null || cell == null) {
                return;
            }
            rollBack.setDisable(true);
            history.rollback(tissue, cell.id(), entry.generation()).whenComplete((outcome, error) ->
                    Platform.runLater(() -> {
                        String said = error != null ? "Not rolled back: " + error.getCause().getMessage()
                                : outcome.swapped() ? "Rolled " + cell.id() + " back to the version of entry "
                                        + entry.sequence() + " (now generation " + outcome.generation() + ")."
                                        : "Not rolled back: " + outcome.failure();
                        refreshHistory();
                        if (outcome != null && outcome.swapped()) {
                            load(cell.id(), said);
                        } else {
                            status.setText(said);
                        }
                    }));
        });
        javafx.scene.layout.VBox below = new javafx.scene.layout.VBox(4, new Label("History"), historyList, diff,
                rollBack);
        below.setPadding(new Insets(4));
        javafx.scene.layout.VBox.setVgrow(historyList, Priority.ALWAYS);
        SplitPane left = new SplitPane(cells, below);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.4);
        return left;
    }

    /** The props inspector: one typed control per prop of the selected cell; a change is a tissue change. */
    private javafx.scene.Node propsPane() {
        props.setId("props");
        props.setHgap(6);
        props.setVgap(4);
        props.setPadding(new Insets(6));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(props);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** Asks the tissue for the cell type's variants off the JavaFX thread, then fills the inspector. */
    private void refreshProps() {
        CellView cell = cells.getSelectionModel().getSelectedItem();
        if (cell == null) {
            props.getChildren().clear();
            return;
        }
        tissue.variants().thenAccept(all -> Platform.runLater(() -> {
            CellView now = cells.getSelectionModel().getSelectedItem();
            if (now != null && now.id().equals(cell.id())) {
                fillProps(now, all.getOrDefault(now.type(), java.util.Map.of()));
            }
        }));
    }

    private void fillProps(CellView cell, java.util.Map<String, java.util.List<String>> variants) {
        props.getChildren().clear();
        int row = 0;
        props.add(new Label("Props of " + cell.id()), 0, row++, 2, 1);
        java.util.Map<String, String> values = new java.util.TreeMap<>(cell.props());
        variants.forEach((prop, choices) -> values.putIfAbsent(prop, choices.get(0)));
        for (var e : values.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            javafx.scene.Node control;
            if (variants.containsKey(key)) {
                ChoiceBox<String> choice = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                        variants.get(key)));
                choice.setValue(value);
                choice.setOnAction(a -> setProp(cell.id(), key, choice.getValue()));
                control = choice;
            } else if (value.matches("#[0-9A-Fa-f]{6}")) {
                javafx.scene.control.ColorPicker picker = new javafx.scene.control.ColorPicker(
                        javafx.scene.paint.Color.web(value));
                picker.setOnAction(a -> {
                    javafx.scene.paint.Color c = picker.getValue();
                    setProp(cell.id(), key, String.format("#%02X%02X%02X", Math.round(c.getRed() * 255),
                            Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255)));
                });
                control = picker;
            } else if (value.matches("-?\\d+(\\.\\d+)?")) {
                double number = Double.parseDouble(value);
                javafx.scene.control.Slider slider = new javafx.scene.control.Slider(0, Math.max(100, number * 2),
                        number);
                slider.valueChangingProperty().addListener((o, was, now) -> {
                    if (!now) {
                        setProp(cell.id(), key, Long.toString(Math.round(slider.getValue())));
                    }
                });
                control = slider;
            } else {
                javafx.scene.control.TextField field = new javafx.scene.control.TextField(value);
                field.setOnAction(a -> setProp(cell.id(), key, field.getText()));
                control = field;
            }
            control.setId("prop-" + key);
            props.add(new Label(key), 0, row);
            props.add(control, 1, row++);
        }
        ChoiceBox<String> where = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                java.util.Arrays.stream(dev.cellshell.shell.workspace.Anchor.values())
                        .map(dev.cellshell.shell.workspace.Anchor::id).toList()));
        where.setId("prop-at");
        where.setOnAction(a -> tissue.move(cell.id(), dev.cellshell.shell.workspace.Anchor.of(where.getValue()), 24,
                "workbench").whenComplete((change, error) -> Platform.runLater(() -> status.setText(
                        error != null ? "Not moved: " + error.getMessage() : change.done() ? "Moved " + cell.id()
                                + " to " + change.message() : "Not moved: " + change.message()))));
        props.add(new Label("place"), 0, row);
        props.add(where, 1, row);
    }

    private void setProp(String cellId, String key, String value) {
        tissue.set(cellId, java.util.Map.of(key, value), "workbench").whenComplete((change, error) ->
                Platform.runLater(() -> status.setText(error != null ? "Not set: " + error.getMessage()
                        : change.done() ? "Set " + cellId + " " + change.message() : "Not set: " + change.message())));
    }

    /** The audit entries of the selected cell's type (and those naming the cell), newest first. */
    private void refreshHistory() {
        if (history == null) {
            return;
        }
        CellView cell = cells.getSelectionModel().getSelectedItem();
        List<dev.cellshell.shell.history.AuditLog.Entry> entries = new ArrayList<>();
        if (cell != null) {
            for (var e : history.entries()) {
                if (e.cellType().equals(cell.type()) || e.cellId().equals(cell.id())) {
                    entries.add(0, e);
                }
            }
        }
        historyList.getItems().setAll(entries);
    }

    /**
     * The prompt bar: a request in plain words, what it was understood as (and done), and one-click undo. The engine
     * runs on a worker, never on the JavaFX thread.
     */
    private HBox promptBar(dev.cellshell.shell.intent.Asker asker, dev.cellshell.shell.history.History history) {
        prompt.setId("prompt");
        ask.setId("ask");
        undoAsk.setId("undo-ask");
        answer.setId("answer");
        prompt.setPromptText("Ask the desktop: make the clock bigger, dark mode, add a clock to the top right…");
        HBox.setHgrow(prompt, Priority.ALWAYS);
        undoAsk.setDisable(true);
        Runnable send = () -> {
            String request = prompt.getText().trim();
            if (request.isEmpty()) {
                return;
            }
            ask.setDisable(true);
            answer.setText("Thinking about \"" + request + "\"…");
            ASKING.execute(() -> {
                String shown;
                boolean applied;
                try {
                    dev.cellshell.shell.intent.Asker.Answer result = asker.ask(request, false);
                    applied = result.applied();
                    shown = (applied ? "Done: " : "Nothing changed: ") + result.message() + (result.plan()
                            .understood() ? String.format(" (%s, %.2f)", result.plan().backend(),
                                    result.plan().confidence()) : "");
                } catch (Exception e) {
                    applied = false;
                    shown = "Nothing changed: " + e.getMessage();
                }
                String text = shown;
                boolean done = applied;
                Platform.runLater(() -> {
                    answer.setText(text);
                    ask.setDisable(false);
                    undoAsk.setDisable(!done || history == null);
                    if (done) {
                        prompt.clear();
                        refreshCells();
                    }
                });
            });
        };
        prompt.setOnAction(e -> send.run());
        ask.setOnAction(e -> send.run());
        undoAsk.setOnAction(e -> {
            undoAsk.setDisable(true);
            history.undo(tissue).whenComplete((outcome, error) -> Platform.runLater(() -> {
                answer.setText(error != null ? "Not undone: " + error.getCause().getMessage() : "Undone.");
                refreshCells();
            }));
        });
        HBox bar = new HBox(8, prompt, ask, undoAsk, answer);
        bar.setPadding(new Insets(6));
        bar.setId("prompt-bar");
        return bar;
    }

    /** Colours the editor's Java (keywords, strings, comments, annotations, numbers, brackets). */
    private void highlight() {
        try {
            editor.setStyleSpans(0, JavaHighlighter.spans(editor.getText()));
        } catch (RuntimeException e) {
            status.setText("highlighting failed: " + e);
        }
    }

    /** Calls {@code listener} with the cell id whenever the list's selection changes. */
    public void onSelected(java.util.function.Consumer<String> listener) {
        onSelected = Objects.requireNonNull(listener, "listener");
    }

    /** Selects a cell as if clicked in the list (picked on screen with Alt+click); opens its source. */
    public void select(String cellId) {
        assert Platform.isFxApplicationThread();
        refreshCells();
        cells.getItems().stream().filter(c -> c.id().equals(cellId)).findFirst()
                .ifPresent(c -> cells.getSelectionModel().select(c));
    }

    private void refreshCells() {
        CellView selected = cells.getSelectionModel().getSelectedItem();
        cells.getItems().setAll(tissue.cells());
        if (selected != null) {
            cells.getItems().stream().filter(c -> c.id().equals(selected.id())).findFirst()
                    .ifPresent(c -> cells.getSelectionModel().select(c));
        }
    }

    private void load(String cellId) {
        load(cellId, "Editing " + cellId + ". Save (Ctrl+S) swaps the new code into the running cell.");
    }

    /** Shows the sources the cell runs, then {@code done} in the status bar. */
    private void load(String cellId, String done) {
        editing = cellId;
        tissue.sources(cellId).whenComplete((loaded, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText("Cannot load " + cellId + ": " + error.getMessage());
                return;
            }
            sources = loaded;
            List<String> names = loaded.stream().map(SourceFile::name).toList();
            files.getItems().setAll(names);
            CellView cell = cells.getSelectionModel().getSelectedItem();
            String main = cell == null ? names.get(0) : cell.type() + ".java";
            files.getSelectionModel().select(names.contains(main) ? main : names.get(0));
            showFile(files.getSelectionModel().getSelectedItem());
            editor.setDisable(false);
            save.setDisable(false);
            problems.getItems().clear();
            status.setText(done);
        }));
    }

    private void showFile(String name) {
        sources.stream().filter(f -> f.name().equals(name)).findFirst().ifPresent(f -> {
            editor.replaceText(f.text());
            highlight();
            editor.moveTo(0);
            editor.requestFollowCaret();
        });
    }

    private void save() {
        CellView cell = cells.getSelectionModel().getSelectedItem();
        String file = files.getSelectionModel().getSelectedItem();
        if (cell == null || file == null) {
            return;
        }
        String text = editor.getText();
        status.setText("Compiling " + file + "…");
        tissue.swap(cell.id(), file, text, "workbench").whenComplete((outcome, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText("Swap failed: " + error.getMessage());
                return;
            }
            show(outcome, text);
        }));
    }

    /** Compiles what the editor holds (without swapping) and marks its problems. */
    private void check() {
        CellView cell = cells.getSelectionModel().getSelectedItem();
        String file = files.getSelectionModel().getSelectedItem();
        if (cell == null || file == null || editor.isDisabled()) {
            return;
        }
        String text = editor.getText();
        long mine = ++checks;
        if (sources.stream().anyMatch(f -> f.name().equals(file) && f.text().equals(text))) {
            mark(List.of());
            problems.getItems().clear();
            return; // What runs: nothing to check, and the status bar keeps what it said.
        }
        List<SourceFile> edited = sources.stream().map(f -> f.name().equals(file) ? new SourceFile(f.name(), text) : f)
                .toList();
        java.util.concurrent.CompletableFuture<dev.cellshell.livecompiler.CompileResult> compiled;
        try {
            compiled = tissue.check(edited);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return; // The shell is going away.
        }
        compiled.whenComplete((result, error) -> Platform.runLater(() -> {
            if (error != null || mine != checks || !text.equals(editor.getText())) {
                return;
            }
            mark(result.diagnostics().stream().filter(d -> d.file().equals(file)).toList());
            List<String> lines = result.diagnostics().stream().map(Diagnostic::format).toList();
            problems.getItems().setAll(lines);
            status.setText(result.succeeded() ? "Compiles. Save (Ctrl+S) to swap it in."
                    : result.errors().size() + " problem" + (result.errors().size() == 1 ? "" : "s")
                            + " — the running generation is unchanged.");
        }));
    }

    /**
     * Marks diagnostics in the editor: the line's background (error-line), a squiggle under the word at the
     * column, a gutter-side tip with the message on hover.
     */
    private void mark(List<Diagnostic> diagnostics) {
        for (int i = 0; i < editor.getParagraphs().size(); i++) {
            editor.setParagraphStyle(i, List.of());
        }
        highlight();
        for (Diagnostic d : diagnostics) {
            int paragraph = d.line() - 1;
            if (d.severity() != Diagnostic.Severity.ERROR || paragraph < 0
                    || paragraph >= editor.getParagraphs().size()) {
                continue;
            }
            editor.setParagraphStyle(paragraph, List.of("error-line"));
            String line = editor.getParagraph(paragraph).getText();
            int from = Math.max(0, Math.min(line.length(), d.column() - 1));
            int to = from;
            while (to < line.length() && Character.isJavaIdentifierPart(line.charAt(to))) {
                to++;
            }
            if (to == from) {
                to = Math.min(line.length(), from + 1);
            }
            if (to > from) {
                editor.setStyle(paragraph, from, to, List.of("squiggle"));
            }
        }
        shownDiagnostics = List.copyOf(diagnostics);
    }

    private void show(SwapOutcome outcome, String text) {
        List<String> lines = new ArrayList<>();
        mark(outcome.diagnostics().stream().filter(d -> d.file().equals(files.getValue())).toList());
        for (Diagnostic d : outcome.diagnostics()) {
            lines.add(d.format());
        }
        outcome.notes().forEach(note -> lines.add("note: " + note));
        if (!outcome.swapped() && outcome.diagnostics().isEmpty()) {
            lines.add(outcome.failure());
        }
        problems.getItems().setAll(lines);
        if (outcome.swapped()) {
            sources = sources.stream().map(f -> f.name().equals(files.getValue()) ? new SourceFile(f.name(), text) : f)
                    .toList();
            status.setText(String.format("Swapped %s to generation %d (compiled in %.1f ms).", outcome.cellId(),
                    outcome.generation(), outcome.compileNanos() / 1e6));
        } else {
            status.setText(String.format("Not swapped: %s. Generation %d keeps running.", outcome.failure(),
                    outcome.generation()));
        }
    }
}
