package dev.cellshell.shell.workbench;

import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.Diagnostic;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.intent.Asker;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.SwapOutcome;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueListener;
import dev.cellshell.shell.workspace.TissueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The workbench, assembled: the prompt bar on top; the tissue tree over the catalog on the left; the selected cell's
 * source in the editor over the compiler's problems in the middle; its props over the history on the right; the
 * status bar below. Saving (Ctrl+S, the button, or every clean compile with "Live" on) asks the tissue to swap; a
 * refused swap marks the broken code while the old generation keeps running. What is typed is compiled in the
 * background once typing pauses, and its problems are marked without swapping anything: the pause is as long as a
 * recent compile took (50–400 ms), and a keystroke drops the compile of the text it replaced.
 */
public final class WorkbenchView extends BorderPane {

    private static final String EDITED = "Edited — Save (Ctrl+S) swaps it in.";
    private final CheckPause pause = new CheckPause();
    private final javafx.animation.PauseTransition checkTimer = new javafx.animation.PauseTransition();

    private final Tissue tissue;
    private final DesktopLink desktop;
    private final TissueTree tree = new TissueTree();
    private final ChoiceBox<String> files = new ChoiceBox<>();
    private final SourceEditor editor = new SourceEditor();
    private final Button save = new Button("Save & swap");
    private final CheckBox live = new CheckBox("Live");
    private final ListView<String> problems = new ListView<>();
    private final StatusBar status;
    private final PropsInspector props;
    private final HistoryPanel history;
    private final Map<String, SplitPane> splits = new LinkedHashMap<>();
    private List<SourceFile> sources = List.of();
    /** The cell whose source the editor holds; refreshing the tree must not reload (and lose) the editor's text. */
    private String editing;
    /** Its type (every cell of the type runs the same sources). */
    private String editingType;
    /** Unsaved edits by {@code Type/File.java}, kept while another cell or file is open. */
    private final Map<String, String> drafts = new java.util.HashMap<>();
    /** Which file the editor shows ({@code Type/File.java}) and what of it runs; null before the first. */
    private String shownKey;
    private String shownRunning;
    /** Which check is the newest, so a slow older one does not paint over it. */
    private long checks;
    /** Edits so far; a check compiles for the edit it started at and is dropped when another comes. */
    private volatile long edits;
    /** The text last saved: a check of that text must not replace what the save said (swapped, or why not). */
    private String saved;

    /**
     * @param asker plans and applies what is typed into the prompt bar; null hides the bar
     * @param history the audit log shown and rolled back; null hides the history panel
     * @param workspace whose catalog is offered
     */
    public WorkbenchView(Tissue tissue, Asker asker, History history, DesktopLink desktop, Path workspace) {
        this.tissue = tissue;
        this.desktop = Objects.requireNonNull(desktop, "desktop");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource("workbench.css")).toExternalForm());
        getStyleClass().add("workbench");
        status = new StatusBar(desktop);
        props = new PropsInspector(tissue, status::say);
        this.history = history == null ? null : new HistoryPanel(history, tissue, this::load, status::say);

        tree.onSelected(cell -> selected(Optional.ofNullable(cell)));
        tree.useServices(tissue::servicesOf);
        desktop.onSelection(id -> Platform.runLater(() -> {
            if (!id.isEmpty() && !tree.selected().map(CellView::id).orElse("").equals(id)) {
                select(id); // picked on the desktop; one made here comes back as well and is left alone
            }
        }));
        files.setId("files");
        files.getSelectionModel().selectedItemProperty().addListener((o, before, file) -> {
            keepDraft();
            showFile(file);
        });
        editor.edits().subscribe(change -> {
            edits++;
            if (!editor.text().equals(shownRunning)) {
                status.say(EDITED);
            }
            checkTimer.setDuration(javafx.util.Duration.millis(pause.millis()));
            checkTimer.playFromStart();
        });
        checkTimer.setOnFinished(done -> check(false));
        editor.setDisable(true);
        save.setId("save");
        save.getStyleClass().add("accent");
        save.setDisable(true);
        save.setTooltip(new Tooltip("Compile and swap into the running cell (Ctrl+S)"));
        save.setOnAction(e -> save());
        live.setId("live");
        live.setTooltip(new Tooltip("Swap on every clean compile while typing (Ctrl+Shift+L)"));
        problems.setId("problems");
        problems.setPlaceholder(new Label("No problems."));
        problems.setOnMouseClicked(e -> jumpToProblem());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, files, spacer, live, save);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6));
        BorderPane editorPane = new BorderPane(editor);
        editorPane.setTop(toolbar);
        SplitPane left = split("left", Orientation.VERTICAL, 0.6, tree,
                new CatalogPane(workspace, tissue, status::say, this::spawned));
        SplitPane center = split("center", Orientation.VERTICAL, 0.78, editorPane, problems);
        SplitPane right = history == null ? split("right", Orientation.VERTICAL, 1.0, props)
                : split("right", Orientation.VERTICAL, 0.45, props, this.history);
        SplitPane main = split("main", Orientation.HORIZONTAL, 0.2, left, center, right);
        main.setDividerPosition(1, 0.77);
        setCenter(main);
        setBottom(status);
        if (asker != null) {
            setTop(new PromptBar(asker, history, tissue, this::refreshCells));
        }
        WorkbenchTheme.apply(this, WorkbenchTheme.dark(tissue.spec()));

        tissue.addListener(new TissueListener() {
            @Override
            public void swapped(SwapOutcome outcome) {
                Platform.runLater(() -> {
                    refreshCells();
                    if (outcome.swapped() && outcome.cellType().equals(editingType) && editing != null) {
                        followSwap(editing, outcome.generation());
                    }
                });
            }

            @Override
            public void notified(String cellId, String message) {
                Platform.runLater(() -> status.say(cellId + ": " + message));
            }

            @Override
            public void faulted(String cellId, String report) {
                Platform.runLater(() -> {
                    refreshCells();
                    status.say(cellId + ": " + report);
                });
            }

            @Override
            public void reshaped(TissueSpec spec) {
                Platform.runLater(() -> {
                    refreshCells();
                    WorkbenchTheme.apply(WorkbenchView.this, WorkbenchTheme.dark(spec));
                });
            }
        });
        refreshCells();
    }

    /** A window over {@code tissue} alone: no prompt bar, no history, no compositor. */
    public WorkbenchView(Tissue tissue, Path workspace) {
        this(tissue, null, null, DesktopLink.NONE, workspace);
    }

    private SplitPane split(String name, Orientation orientation, double divider, javafx.scene.Node... items) {
        SplitPane pane = new SplitPane(items);
        pane.setId("split-" + name);
        pane.setOrientation(orientation);
        if (items.length > 1) {
            pane.setDividerPositions(divider);
        }
        splits.put(name, pane);
        return pane;
    }

    /** The divider positions of each split pane, by name (what the window remembers). */
    Map<String, double[]> dividers() {
        Map<String, double[]> all = new LinkedHashMap<>();
        splits.forEach((name, pane) -> all.put(name, pane.getDividerPositions()));
        return all;
    }

    /** Puts back remembered divider positions (those of panes that have as many dividers). */
    void dividers(Map<String, double[]> remembered) {
        remembered.forEach((name, positions) -> {
            SplitPane pane = splits.get(name);
            if (pane != null && pane.getDividers().size() == positions.length) {
                pane.setDividerPositions(positions);
            }
        });
    }

    private void shortcut(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        if (e.getCode() == KeyCode.S) {
            e.consume();
            save();
        } else if (e.getCode() == KeyCode.L && e.isShiftDown()) {
            e.consume();
            live.setSelected(!live.isSelected());
        } else if (e.getCode() == KeyCode.L && getTop() != null) {
            e.consume();
            getTop().lookup("#prompt").requestFocus();
        }
    }

    /** Selects a cell as if clicked in the tree (picked on screen with Alt+click); opens its source. */
    public void select(String cellId) {
        assert Platform.isFxApplicationThread();
        refreshCells();
        tree.select(cellId);
    }

    private void selected(Optional<CellView> cell) {
        if (cell.isPresent() && !cell.get().id().equals(editing)) {
            load(cell.get().id(), "Editing " + cell.get().id()
                    + ". Save (Ctrl+S) swaps the new code into the running cell.");
        }
        props.show(cell.orElse(null));
        if (history != null) {
            history.show(cell);
        }
        desktop.select(cell.map(CellView::id).orElse(""));
    }

    private void spawned(String cellId) {
        refreshCells();
        tree.select(cellId);
    }

    private void refreshCells() {
        tree.refresh(tissue.cells(), tissue.spec());
        Optional<CellView> now = tree.selected();
        if (now.isPresent()) {
            props.show(now.get());
        }
        if (history != null) {
            history.show(now);
        }
    }

    /** Shows the sources the cell runs, then {@code done} in the status bar. */
    private void load(String cellId, String done) {
        keepDraft();
        editing = cellId;
        editingType = tissue.cells().stream().filter(c -> c.id().equals(cellId)).map(CellView::type).findFirst()
                .orElse(null);
        tissue.sources(cellId).whenComplete((loaded, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.say("Cannot load " + cellId + ": " + error.getMessage());
                return;
            }
            keepDraft();
            shownKey = null; // while the new cell's files are listed, the editor still holds the old one's
            sources = loaded;
            List<String> names = loaded.stream().map(SourceFile::name).toList();
            files.getItems().setAll(names);
            String main = tree.selected().map(c -> c.type() + ".java").orElse(names.get(0));
            files.getSelectionModel().select(names.contains(main) ? main : names.get(0));
            showFile(files.getSelectionModel().getSelectedItem());
            editor.setDisable(false);
            save.setDisable(false);
            problems.getItems().clear();
            String draft = drafts.get(draftKey(files.getValue()));
            status.say(draft == null ? done : "Unsaved edits to " + files.getValue() + " restored; generation "
                    + tree.selected().map(CellView::generation).orElse(0L) + " keeps running until you save.");
        }));
    }

    private String draftKey(String file) {
        return editingType + "/" + file;
    }

    /** Keeps what the editor holds as a draft when it differs from what runs (else forgets any draft of it). */
    private void keepDraft() {
        if (shownKey == null || editor.isDisabled()) {
            return;
        }
        if (editor.text().equals(shownRunning)) {
            drafts.remove(shownKey);
        } else {
            drafts.put(shownKey, editor.text());
        }
    }

    /** Shows {@code name}: the unsaved draft of it when there is one, else what runs. */
    private void showFile(String name) {
        String draft = drafts.get(draftKey(name));
        sources.stream().filter(f -> f.name().equals(name)).findFirst().ifPresent(f -> {
            editor.load(draft != null ? draft : f.text());
            shownKey = draftKey(name);
            shownRunning = f.text();
            if (draft != null) {
                check(true); // mark its problems; the status bar says it was restored
            }
        });
    }

    /**
     * The type being edited was swapped (from a file saved in an IDE, the CLI, a rollback, the prompt bar): what the
     * editor holds follows it when it has no unsaved edits; unsaved edits are kept and the person told.
     */
    private void followSwap(String cellId, long generation) {
        String file = files.getValue();
        String shown = shownRunning;
        tissue.sources(cellId).thenAccept(now -> Platform.runLater(() -> {
            if (!cellId.equals(editing) || file == null || !file.equals(files.getValue())) {
                return;
            }
            String fresh = now.stream().filter(f -> f.name().equals(file)).map(SourceFile::text).findFirst()
                    .orElse(null);
            boolean unsaved = shown != null && !editor.text().equals(shown);
            sources = now;
            if (fresh != null) {
                shownRunning = fresh;
            }
            if (fresh == null || fresh.equals(editor.text())) {
                return; // this window's own save, or the same text
            }
            if (unsaved) {
                status.say(file + " changed elsewhere (generation " + generation + " runs now); your unsaved edits "
                        + "are kept: saving replaces it.");
            } else {
                int line = editor.area().getCurrentParagraph();
                editor.load(fresh);
                editor.area().moveTo(Math.min(line, editor.area().getParagraphs().size() - 1), 0);
                editor.area().requestFollowCaret();
                status.say("Reloaded " + file + ": generation " + generation + " came from elsewhere.");
            }
        }));
    }

    private void save() {
        Optional<CellView> cell = tree.selected();
        String file = files.getValue();
        if (cell.isEmpty() || file == null || editor.isDisabled()) {
            return;
        }
        String text = editor.text();
        saved = text;
        long requested = System.nanoTime();
        status.say("Compiling " + file + "…");
        tissue.swap(cell.get().id(), file, text, "workbench").whenComplete((outcome, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.say("Swap failed: " + error.getMessage());
                return;
            }
            show(outcome, file, text, requested);
        }));
    }

    /**
     * Compiles what the editor holds (without swapping) and marks its problems; with "Live" on, swaps clean code.
     *
     * @param quiet leave the status bar (and Live) alone: a restored draft is checked, not swapped
     */
    private void check(boolean quiet) {
        Optional<CellView> cell = tree.selected();
        String file = files.getValue();
        if (cell.isEmpty() || file == null || editor.isDisabled()) {
            return;
        }
        String text = editor.text();
        long mine = ++checks;
        if (text.equals(shownRunning)) {
            editor.mark(List.of());
            problems.getItems().clear();
            return; // What runs: nothing to check, and the status bar keeps what it said.
        }
        List<SourceFile> edited = sources.stream().map(f -> f.name().equals(file) ? new SourceFile(f.name(), text) : f)
                .toList();
        CompletableFuture<CompileResult> compiled;
        long at = edits;
        try {
            compiled = tissue.check(edited, () -> edits != at);
        } catch (RejectedExecutionException closed) {
            return; // The shell is going away.
        }
        compiled.whenComplete((result, error) -> Platform.runLater(() -> {
            if (error != null || mine != checks || !text.equals(editor.text())) {
                return;
            }
            pause.compiled(result.nanos());
            editor.mark(result.diagnostics().stream().filter(d -> d.file().equals(file)).toList());
            problems.getItems().setAll(result.diagnostics().stream().map(Diagnostic::format).toList());
            if (text.equals(saved) || quiet) {
                return; // Saved meanwhile (the status bar says how the swap went), or only marking.
            }
            if (result.succeeded() && live.isSelected()) {
                save();
            } else if (status.says(EDITED)) {   // a check adds to "Edited", it does not hide other news
                status.say(result.succeeded() ? "Compiles. Save (Ctrl+S) to swap it in."
                        : result.errors().size() + " problem" + (result.errors().size() == 1 ? "" : "s")
                                + " — the running generation is unchanged.");
            }
        }));
    }

    private void show(SwapOutcome outcome, String file, String text, long requested) {
        List<String> lines = new ArrayList<>();
        if (file.equals(files.getValue())) {
            editor.mark(outcome.diagnostics().stream().filter(d -> d.file().equals(file)).toList());
        }
        for (Diagnostic d : outcome.diagnostics()) {
            lines.add(d.format());
        }
        outcome.notes().forEach(note -> lines.add("note: " + note));
        if (!outcome.swapped() && outcome.diagnostics().isEmpty()) {
            lines.add(outcome.failure());
        }
        problems.getItems().setAll(lines);
        if (outcome.swapped()) {
            sources = sources.stream().map(f -> f.name().equals(file) ? new SourceFile(f.name(), text) : f).toList();
            drafts.remove(draftKey(file));
            if (draftKey(file).equals(shownKey)) {
                shownRunning = text;
            }
            status.swapped(outcome, requested);
            status.say(String.format("Swapped %s to generation %d (compiled in %.1f ms).", outcome.cellId(),
                    outcome.generation(), outcome.compileNanos() / 1e6));
        } else {
            status.say(String.format("Not swapped: %s. Generation %d keeps running.", outcome.failure(),
                    outcome.generation()));
        }
    }

    /** Clicking a problem puts the caret at its line and column. */
    private void jumpToProblem() {
        String line = problems.getSelectionModel().getSelectedItem();
        if (line == null) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([^:]+):(\\d+):(\\d+)").matcher(line);
        if (m.find() && m.group(1).equals(files.getValue())) {
            int paragraph = Math.min(Integer.parseInt(m.group(2)) - 1, editor.area().getParagraphs().size() - 1);
            int column = Math.min(Integer.parseInt(m.group(3)) - 1,
                    editor.area().getParagraph(paragraph).length());
            editor.area().moveTo(paragraph, Math.max(0, column));
            editor.area().requestFollowCaret();
            editor.area().requestFocus();
        }
    }
}
