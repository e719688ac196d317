package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.livecompiler.Diagnostic;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The code editor on headless Monocle, driven with real key presses. */
@ExtendWith(ApplicationExtension.class)
class SourceEditorTest {

    private static final String SOURCE = "class A {\n    void f() {\n        int x = 1;\n    }\n}\n";

    private SourceEditor editor;
    private CodeArea area;

    @Start
    void start(Stage stage) {
        editor = new SourceEditor();
        area = editor.area();
        Scene scene = new Scene(editor, 700, 400);
        scene.getStylesheets().add(getClass().getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        editor.load(SOURCE);
    }

    /** The styles of the character at {@code index}. */
    private java.util.Collection<String> styleAt(int index) {
        return area.getStyleSpans(index, index + 1).getStyleSpan(0).getStyle();
    }

    @Test
    void enterKeepsTheIndentationAndOpensALevelAfterABrace(FxRobot robot) {
        robot.interact(() -> area.moveTo(2, area.getParagraph(2).length()));
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(2, area.getParagraph(2).length()));
        robot.type(KeyCode.ENTER);
        assertThat(area.getParagraph(3).getText()).isEqualTo("        ");
        robot.write("if (x > 0) {");
        robot.type(KeyCode.ENTER);
        assertThat(area.getParagraph(4).getText()).isEqualTo("            ");
        robot.write("}");
        assertThat(area.getParagraph(4).getText()).as("a closing brace steps back").isEqualTo("        }");

        String typed = area.getText();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getText()).as("Ctrl+Z undoes").isNotEqualTo(typed);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getText()).as("Ctrl+Y redoes").isEqualTo(typed);
        robot.interact(() -> {
            while (area.isUndoAvailable()) {
                area.undo();
            }
        });
        assertThat(area.getText()).as("undone to what was loaded, not before it").isEqualTo(SOURCE);
    }

    @Test
    void aKeystrokeRecoloursItsLineAndACommentOpenedAboveRecoloursTheLinesItCovers(FxRobot robot) {
        robot.interact(() -> editor.load("int a;\nint c;\n/* x\n y */\nint b;\n"));
        robot.interact(() -> {
            area.moveTo(3, 1);
            area.replaceSelection("q");
        });
        assertThat(styleAt(area.getAbsolutePosition(3, 1))).as("typed inside a comment").contains("comment");
        robot.interact(() -> {
            area.moveTo(1, 0);
            area.replaceSelection("intx ");
        });
        assertThat(styleAt(area.getAbsolutePosition(1, 0))).as("not a keyword").doesNotContain("keyword");
        assertThat(styleAt(area.getAbsolutePosition(1, 5))).contains("keyword");
        robot.interact(() -> {
            area.moveTo(0, 0);
            area.replaceSelection("/*");
        });
        assertThat(styleAt(area.getAbsolutePosition(1, 6))).as("now inside the comment").contains("comment");
        assertThat(styleAt(area.getAbsolutePosition(4, 0))).as("after it closes").contains("keyword");
    }

    @Test
    void theBracketPairAtTheCaretAndTheCurrentLineAreHighlighted(FxRobot robot) {
        int open = SOURCE.indexOf("{\n    void");
        robot.interact(() -> area.moveTo(open));
        assertThat(editor.matchedBrackets()).containsExactly(open, SOURCE.lastIndexOf('}'));
        assertThat(styleAt(open)).contains("bracket-match");
        assertThat(styleAt(SOURCE.lastIndexOf('}'))).contains("bracket-match");
        assertThat(styleAt(open - 1)).doesNotContain("bracket-match");
        assertThat(area.getParagraph(0).getParagraphStyle()).contains("current-line");
        robot.interact(() -> area.moveTo(2, 4));
        assertThat(editor.matchedBrackets()).isNull();
        assertThat(styleAt(open)).doesNotContain("bracket-match");
        assertThat(area.getParagraph(0).getParagraphStyle()).doesNotContain("current-line");
        assertThat(area.getParagraph(2).getParagraphStyle()).contains("current-line");
    }

    @Test
    void findSelectsEachMatchAndReplaceAllReplacesThemInOneUndoableStep(FxRobot robot) {
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        TextField find = robot.lookup("#find-field").queryAs(TextField.class);
        Node bar = robot.lookup("#find-bar").query();
        assertThat(bar.isVisible()).isTrue();
        robot.interact(() -> find.setText("void"));
        assertThat(area.getSelectedText()).isEqualTo("void");
        assertThat(robot.lookup("#find-count").queryAs(Label.class).getText()).isEqualTo("1 of 1");
        robot.interact(() -> {
            find.setText("x");
            robot.lookup("#replace-field").queryAs(TextField.class).setText("count");
            robot.lookup("#replace-all").queryAs(Button.class).fire();
        });
        assertThat(area.getText()).contains("int count = 1;").doesNotContain(" x ");
        assertThat(robot.lookup("#find-count").queryAs(Label.class).getText()).isEqualTo("replaced 1");
        robot.interact(area::undo);
        assertThat(area.getText()).isEqualTo(SOURCE);
        robot.interact(() -> find.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                "", "", KeyCode.ESCAPE, false, false, false, false)));
        assertThat(bar.isVisible()).isFalse();
    }

    @Test
    void ctrlSpaceCompletesCellApiNames(FxRobot robot) {
        robot.interact(() -> {
            area.replaceText("canvas.fillRo");
            area.moveTo(area.getLength());
        });
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(area.getLength()));
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        assertThat(area.getText()).as("a single candidate is inserted").isEqualTo("canvas.fillRoundRect(");

        robot.interact(() -> {
            area.replaceText("canvas.dr");
            area.moveTo(area.getLength());
            editor.complete();
        });
        ContextMenu menu = (ContextMenu) robot.listTargetWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing()).findFirst().orElseThrow();
        assertThat(menu.getItems()).extracting(i -> i.getText()).contains("drawText(", "drawLine(");
        robot.interact(() -> menu.getItems().stream().filter(i -> i.getText().equals("drawText(")).findFirst()
                .orElseThrow().fire());
        assertThat(area.getText()).isEqualTo("canvas.drawText(");
    }

    @Test
    void anErrorIsMarkedInTheGutterWithItsMessageAndUnderItsWord(FxRobot robot) {
        robot.interact(() -> editor.mark(List.of(new Diagnostic("A.java", 3, 17, Diagnostic.Severity.ERROR,
                "nope cannot be resolved", "        int x = nope;"))));
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> markers = List.copyOf(robot.lookup(".gutter-error").queryAll());
        assertThat(markers).hasSize(1);
        assertThat(((Label) markers.get(0)).getTooltip().getText()).isEqualTo("nope cannot be resolved");
        assertThat(area.getParagraph(2).getParagraphStyle()).contains("error-line");
        int at = area.getAbsolutePosition(2, 16);
        assertThat(styleAt(at)).contains("squiggle");
        assertThat(styleAt(at + 1)).as("unknown extent: one word (here '1')").doesNotContain("squiggle");

        robot.interact(() -> editor.mark(List.of(new Diagnostic("A.java", 3, 13, Diagnostic.Severity.ERROR,
                "type mismatch", "        int x = 1;", 5))));
        int x = area.getAbsolutePosition(2, 12);
        assertThat(List.of(styleAt(x), styleAt(x + 2), styleAt(x + 4))).as("the compiler's range 'x = 1'")
                .allSatisfy(style -> assertThat(style).contains("squiggle"));
        assertThat(styleAt(x + 5)).as("';' is outside it").doesNotContain("squiggle");
        robot.interact(() -> editor.mark(List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".gutter-error").queryAll()).isEmpty();
        assertThat(area.getParagraph(2).getParagraphStyle()).doesNotContain("error-line");
    }
}
