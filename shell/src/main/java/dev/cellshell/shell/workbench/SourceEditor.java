package dev.cellshell.shell.workbench;

import dev.cellshell.livecompiler.Diagnostic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.reactfx.EventStream;

/**
 * The code editor: a RichTextFX CodeArea with Java highlighting, line numbers with a marker beside each line that has
 * an error, the current line and the bracket pair at the caret highlighted, auto-indent, find/replace (Ctrl+F,
 * Ctrl+H), completion of the Cell API's names (Ctrl+Space) and undo/redo (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z). It shows
 * diagnostics (a squiggle under the word, the line marked, the message on hover) but compiles nothing itself.
 */
final class SourceEditor extends BorderPane {

    private final CodeArea area = new CodeArea();
    private final FindBar find = new FindBar();
    private final ContextMenu completions = new ContextMenu();
    private final IntFunction<Node> lineNumbers = LineNumberFactory.get(area);
    private List<Diagnostic> diagnostics = List.of();
    /** Zero-based paragraph → the first error on it (its gutter marker and line mark). */
    private Map<Integer, Diagnostic> errorLines = Map.of();
    private int currentLine = -1;
    private int[] brackets;

    SourceEditor() {
        area.setId("editor");
        completions.setId("completions");
        area.setParagraphGraphicFactory(this::gutter);
        area.plainTextChanges().subscribe(this::edited);
        area.caretPositionProperty().addListener((o, before, now) -> caretMoved());
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        area.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        hoverTips();
        setCenter(new VirtualizedScrollPane<>(area));
        find.setVisible(false);
        find.setManaged(false);
        setTop(find);
    }

    CodeArea area() {
        return area;
    }

    /** Every change of the text (typing, replace, undo). */
    EventStream<?> edits() {
        // A file being loaded is not an edit: it must not trigger a check that overwrites what the status bar says.
        return area.plainTextChanges().filter(change -> !loading);
    }

    /** True while {@link #load} replaces the text. */
    private boolean loading;

    String text() {
        return area.getText();
    }

    /** Shows {@code text} at its top, forgetting the undo history of what was there and its diagnostics. */
    void load(String text) {
        diagnostics = List.of();
        errorLines = Map.of();
        loading = true;
        try {
            area.replaceText(text);
        } finally {
            loading = false;
        }
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        restyle();
        refreshParagraphStyles();
    }

    /** Marks {@code shown} (the diagnostics of this file): squiggles, line marks, gutter markers, hover messages. */
    void mark(List<Diagnostic> shown) {
        diagnostics = List.copyOf(shown);
        Map<Integer, Diagnostic> lines = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Diagnostic.Severity.ERROR && d.line() >= 1) {
                lines.putIfAbsent(d.line() - 1, d);
            }
        }
        errorLines = lines;
        restyle();
        refreshParagraphStyles();
        area.setParagraphGraphicFactory(this::gutter);
    }

    /** Re-colours everything: Java highlighting, then the squiggles, then the bracket pair. */
    void restyle() {
        brackets = Brackets.match(area.getText(), area.getCaretPosition());
        restyle(0, area.getParagraphs().size() - 1);
    }

    /**
     * A keystroke re-colours only its line, unless what it typed or removed can change the colours of other lines
     * (comment and string delimiters, escapes, line breaks): then everything.
     */
    private void edited(PlainTextChange change) {
        String touched = change.getInserted() + change.getRemoved();
        if (touched.chars().anyMatch(c -> SPANS_LINES.indexOf(c) >= 0) || touched.length() > 200) {
            restyle();
            return;
        }
        int paragraph = area.offsetToPosition(change.getPosition(), Bias.Forward).getMajor();
        restyle(paragraph, paragraph);
    }

    /** Characters whose typing may recolour lines other than their own. */
    private static final String SPANS_LINES = "/*\"\\'\n";

    /**
     * Whether a comment or string may run into {@code paragraph} from the line above (or on from it): then the line
     * alone does not say how to colour it.
     */
    private boolean continuesAcross(int paragraph) {
        if (paragraph == 0) {
            return false;
        }
        int above = paragraph - 1;
        int aboveLength = area.getParagraphLength(above);
        return aboveLength > 0 && spansLines(area.getParagraph(above).getStyleAtPosition(aboveLength))
                || area.getParagraphLength(paragraph) > 0 && spansLines(area.getParagraph(paragraph)
                        .getStyleOfChar(0));
    }

    private static boolean spansLines(Collection<String> style) {
        return style.contains("comment") || style.contains("string");
    }

    /** Re-colours paragraphs {@code from}..{@code to}: highlighting (with the whole text as context), overlays. */
    private void restyle(int from, int to) {
        if (from < 0 || to >= area.getParagraphs().size() || from > to) {
            return;
        }
        int start = area.getAbsolutePosition(from, 0);
        int end = area.getAbsolutePosition(to, area.getParagraphLength(to));
        if (end > start) {
            area.setStyleSpans(start, from == to && !continuesAcross(from)
                    ? JavaHighlighter.spans(area.getText(from)) // its own line says all
                    : JavaHighlighter.spans(area.getText()).subView(start, end));
        }
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Diagnostic.Severity.ERROR && d.line() - 1 >= from && d.line() - 1 <= to) {
                int[] range = wordAt(d);
                if (range != null) {
                    addStyle(range[0], range[1], "squiggle");
                }
            }
        }
        if (brackets != null) {
            for (int at : brackets) {
                if (at >= start && at < end) {
                    addStyle(at, at + 1, "bracket-match");
                }
            }
        }
    }

    /** The bracket pair highlighted now, or null. */
    int[] matchedBrackets() {
        return brackets;
    }

    /**
     * The range a diagnostic underlines: the compiler's range on its line when known, else the identifier at its
     * column, else one character.
     */
    private int[] wordAt(Diagnostic d) {
        int paragraph = d.line() - 1;
        if (paragraph < 0 || paragraph >= area.getParagraphs().size()) {
            return null;
        }
        String line = area.getParagraph(paragraph).getText();
        int from = Math.max(0, Math.min(line.length(), d.column() - 1));
        int to = Math.min(line.length(), from + d.length());
        if (d.length() <= 0) {
            while (to < line.length() && Character.isJavaIdentifierPart(line.charAt(to))) {
                to++;
            }
        }
        if (to == from) {
            to = Math.min(line.length(), from + 1);
        }
        if (to == from) {
            return null;
        }
        int start = area.getAbsolutePosition(paragraph, from);
        return new int[] {start, start + (to - from)};
    }

    private void addStyle(int from, int to, String style) {
        StyleSpans<Collection<String>> now = area.getStyleSpans(from, to);
        area.setStyleSpans(from, now.mapStyles(styles -> {
            List<String> more = new ArrayList<>(styles);
            more.add(style);
            return more;
        }));
    }

    private void caretMoved() {
        int[] before = brackets;
        int[] now = Brackets.match(area.getText(), area.getCaretPosition());
        if (!java.util.Arrays.equals(before, now)) {
            brackets = now;
            for (int[] pair : new int[][] {before, now}) {
                for (int at : pair == null ? new int[0] : pair) {
                    if (at <= area.getLength()) {
                        int paragraph = area.offsetToPosition(at, Bias.Forward).getMajor();
                        restyle(paragraph, paragraph);
                    }
                }
            }
        }
        int paragraph = area.getCurrentParagraph();
        if (paragraph != currentLine) {
            int old = currentLine;
            currentLine = paragraph;
            paragraphStyle(old);
            paragraphStyle(paragraph);
        }
    }

    private void refreshParagraphStyles() {
        currentLine = area.getCurrentParagraph();
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            paragraphStyle(i);
        }
    }

    private void paragraphStyle(int paragraph) {
        if (paragraph < 0 || paragraph >= area.getParagraphs().size()) {
            return;
        }
        List<String> styles = new ArrayList<>(2);
        if (paragraph == currentLine) {
            styles.add("current-line");
        }
        if (errorLines.containsKey(paragraph)) {
            styles.add("error-line");
        }
        if (!area.getParagraph(paragraph).getParagraphStyle().equals(styles)) {
            area.setParagraphStyle(paragraph, styles);
        }
    }

    /** Line number, and a red dot with the message as its tip on a line with an error. */
    private Node gutter(int paragraph) {
        Label marker = new Label(" ");
        marker.getStyleClass().add("gutter-marker");
        Diagnostic error = errorLines.get(paragraph);
        if (error != null) {
            marker.setText("●");
            marker.getStyleClass().add("gutter-error");
            marker.setTooltip(new Tooltip(error.message()));
        }
        HBox gutter = new HBox(marker, lineNumbers.apply(paragraph));
        gutter.getStyleClass().add("gutter");
        return gutter;
    }

    private void hoverTips() {
        area.setMouseOverTextDelay(Duration.ofMillis(300));
        Popup tip = new Popup();
        Label tipText = new Label();
        tipText.getStyleClass().add("diagnostic-tip");
        tip.getContent().add(tipText);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            int line = area.offsetToPosition(e.getCharacterIndex(), Bias.Forward).getMajor() + 1;
            diagnostics.stream().filter(d -> d.line() == line).findFirst().ifPresent(d -> {
                tipText.setText(d.message());
                Point2D at = e.getScreenPosition();
                tip.show(area, at.getX(), at.getY() + 12);
            });
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> tip.hide());
    }

    private void keyPressed(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            e.consume();
            find.open(false);
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.H) {
            e.consume();
            find.open(true);
        } else if (e.getCode() == KeyCode.F3) {
            e.consume();
            find.next();
        } else if (e.getCode() == KeyCode.ESCAPE && find.isVisible()) {
            e.consume();
            find.close();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.SPACE) {
            e.consume();
            complete();
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
            e.consume();
            enter();
        }
    }

    private void keyTyped(KeyEvent e) {
        if (!"}".equals(e.getCharacter()) || e.isShortcutDown()) {
            return;
        }
        String line = area.getParagraph(area.getCurrentParagraph()).getText();
        int dedent = Indentation.dedentBeforeClosing(line.substring(0, area.getCaretColumn()));
        if (dedent > 0) {
            int caret = area.getCaretPosition();
            area.deleteText(caret - dedent, caret);
        }
    }

    /** Auto-indent: Enter keeps the indentation, adds a level after an opening bracket. */
    void enter() {
        String line = area.getParagraph(area.getCurrentParagraph()).getText();
        int column = area.getCaretColumn();
        Indentation.Insert insert = Indentation.enter(line.substring(0, column), line.substring(column));
        area.replaceSelection(insert.text());
        area.moveTo(area.getCaretPosition() - insert.afterCaret());
        area.requestFollowCaret();
    }

    /** Completion of the Cell API names and the file's words at the caret; one candidate is inserted at once. */
    void complete() {
        int caret = area.getCaretPosition();
        String prefix = Completions.prefixAt(area.getText(), caret);
        List<String> candidates = Completions.of(prefix, area.getText());
        completions.getItems().clear();
        if (candidates.isEmpty()) {
            completions.hide();
            return;
        }
        if (candidates.size() == 1) {
            area.insertText(caret, candidates.get(0).substring(prefix.length()));
            return;
        }
        for (String candidate : candidates) {
            MenuItem item = new MenuItem(candidate);
            item.setOnAction(a -> area.insertText(area.getCaretPosition(), candidate.substring(prefix.length())));
            completions.getItems().add(item);
        }
        Bounds at = area.getCaretBounds().orElse(area.localToScreen(area.getBoundsInLocal()));
        completions.show(area, at.getMinX(), at.getMaxY());
    }

    /** The find/replace bar over the editor. */
    private final class FindBar extends HBox {

        private final TextField query = new TextField();
        private final TextField replacement = new TextField();
        private final Button replaceOne = new Button("Replace");
        private final Button replaceAll = new Button("Replace all");
        private final Label count = new Label();

        FindBar() {
            super(6);
            setId("find-bar");
            query.setId("find-field");
            replacement.setId("replace-field");
            replaceOne.setId("replace-one");
            replaceAll.setId("replace-all");
            count.setId("find-count");
            query.setPromptText("Find");
            replacement.setPromptText("Replace with");
            Button next = new Button("Next");
            next.setId("find-next");
            Button close = new Button("✕");
            close.getStyleClass().add("flat");
            query.textProperty().addListener((o, before, now) -> {
                select(TextSearch.next(area.getText(), now, area.getSelection().getStart()));
            });
            query.setOnAction(e -> next());
            next.setOnAction(e -> next());
            replaceOne.setOnAction(e -> replaceOne());
            replaceAll.setOnAction(e -> replaceAll());
            close.setOnAction(e -> close());
            addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    e.consume();
                    close();
                }
            });
            setPadding(new Insets(4, 6, 4, 6));
            getChildren().addAll(query, next, replacement, replaceOne, replaceAll, count, close);
        }

        void open(boolean withReplace) {
            setVisible(true);
            setManaged(true);
            replacement.setVisible(withReplace);
            replacement.setManaged(withReplace);
            replaceOne.setVisible(withReplace);
            replaceOne.setManaged(withReplace);
            replaceAll.setVisible(withReplace);
            replaceAll.setManaged(withReplace);
            if (!area.getSelectedText().isEmpty() && !area.getSelectedText().contains("\n")) {
                query.setText(area.getSelectedText());
            }
            query.requestFocus();
            query.selectAll();
        }

        void close() {
            setVisible(false);
            setManaged(false);
            area.requestFocus();
        }

        void next() {
            select(TextSearch.next(area.getText(), query.getText(), area.getSelection().getEnd()));
        }

        private void select(int at) {
            List<Integer> all = TextSearch.all(area.getText(), query.getText());
            if (at < 0) {
                count.setText(query.getText().isEmpty() ? "" : "no match");
                return;
            }
            area.selectRange(at, at + query.getText().length());
            area.requestFollowCaret();
            count.setText((all.indexOf(at) + 1) + " of " + all.size());
        }

        private void replaceOne() {
            String q = query.getText();
            if (!q.isEmpty() && TextSearch.all(area.getSelectedText(), q).equals(List.of(0))
                    && area.getSelectedText().length() == q.length()) {
                area.replaceSelection(replacement.getText());
            }
            next();
        }

        private void replaceAll() {
            int n = TextSearch.all(area.getText(), query.getText()).size();
            if (n > 0) {
                area.replaceText(TextSearch.replaceAll(area.getText(), query.getText(), replacement.getText()));
            }
            count.setText("replaced " + n);
        }
    }
}
