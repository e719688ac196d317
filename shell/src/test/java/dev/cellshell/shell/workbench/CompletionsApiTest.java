package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The editor's completion knows Cell API v2's names, and none of the host's. */
class CompletionsApiTest {

    @Test
    void theNewApiNamesComplete() {
        assertThat(Completions.API_NAMES).contains("TextStyle", "withMonospace(", "drawParagraph(", "layout(",
                "measure(", "metrics(", "Paragraph", "Path", "cubicTo(", "Stroke", "withDash(", "Fill", "linear(",
                "Shadow", "blurBehind(", "saveLayer(", "clipRoundRect(", "Rect", "inset(", "ENTER", "BACKSPACE",
                "SURFACE", "ON_SURFACE_MUTED", "Prop", "NUMBER", "Labels", "Stack", "columns(", "offsetAt(");
        assertThat(Completions.of("drawPa", "")).containsExactly("drawParagraph(");
        assertThat(Completions.API_NAMES).doesNotContain("Recorder", "PropValues", "ThemeTokens", "DisplayList");
    }
}
