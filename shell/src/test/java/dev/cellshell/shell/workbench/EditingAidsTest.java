package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The code editor's helpers, without JavaFX: bracket matching, auto-indent, find/replace, completion. */
class EditingAidsTest {

    @Test
    void bracketsMatchAcrossNestingAndIgnoreThoseInStringsAndComments() {
        String text = "void f() { if (a) { s = \"}\"; } // }\n}";
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        assertThat(Brackets.match(text, open)).containsExactly(open, close);
        assertThat(Brackets.match(text, close + 1)).as("just after the closing one").containsExactly(open, close);
        int inner = text.indexOf("{ s");
        assertThat(Brackets.match(text, inner)).containsExactly(inner, text.indexOf("; }") + 2);
        assertThat(Brackets.match(text, text.indexOf("\"}\"") + 1)).as("inside a string").isNull();
        assertThat(Brackets.match("f(()", 1)).as("unmatched").isNull();
        assertThat(Brackets.match("abc", 1)).isNull();
    }

    @Test
    void enterKeepsTheIndentationAndOpensALevelAfterABrace() {
        assertThat(Indentation.enter("        float w = 1;", "")).isEqualTo(new Indentation.Insert("\n        ", 0));
        assertThat(Indentation.enter("    void f() {", "")).isEqualTo(new Indentation.Insert("\n        ", 0));
        assertThat(Indentation.enter("    void f() {", "}"))
                .as("between braces: an indented line, the brace below").isEqualTo(new Indentation.Insert(
                        "\n        \n    ", 5));
        assertThat(Indentation.dedentBeforeClosing("        ")).isEqualTo(4);
        assertThat(Indentation.dedentBeforeClosing("  ")).isEqualTo(2);
        assertThat(Indentation.dedentBeforeClosing("    x")).isZero();
        assertThat(Indentation.dedentBeforeClosing("")).isZero();
    }

    @Test
    void findIgnoresCaseUnlessTheQueryHasACapitalAndReplaceAllReplacesEach() {
        String text = "Width width WIDTH";
        assertThat(TextSearch.all(text, "width")).containsExactly(0, 6, 12);
        assertThat(TextSearch.all(text, "Width")).containsExactly(0);
        assertThat(TextSearch.next(text, "width", 7)).isEqualTo(12);
        assertThat(TextSearch.next(text, "width", 13)).as("wraps round").isZero();
        assertThat(TextSearch.next(text, "height", 0)).isEqualTo(-1);
        assertThat(TextSearch.replaceAll("aaa", "a", "bb")).isEqualTo("bbbbbb");
        assertThat(TextSearch.all("aaaa", "aa")).as("without overlaps").containsExactly(0, 2);
        assertThat(TextSearch.all(text, "")).isEmpty();
    }

    @Test
    void completionOffersTheCellApiFirstThenTheFilesOwnWords() {
        assertThat(Completions.API_NAMES).contains("drawText(", "fillRoundRect(", "Canvas", "CellContext", "props(",
                "renderAgainIn(");
        String text = "float drawingWidth = 1;";
        assertThat(Completions.of("drawT", text)).startsWith("drawText(");
        assertThat(Completions.of("draw", text)).contains("drawLine(", "drawText(", "drawingWidth")
                .endsWith("drawingWidth");
        assertThat(Completions.of("fillR", text)).containsExactly("fillRect(", "fillRoundRect(");
        assertThat(Completions.of("", text)).isEmpty();
        assertThat(Completions.prefixAt("canvas.dra", 10)).isEqualTo("dra");
        assertThat(Completions.prefixAt("canvas.", 7)).isEmpty();
    }
}
