package dev.cellshell.shell.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaHighlighterTest {

    @Test
    void keywordsStringsCommentsAnnotationsAndNumbersGetTheirStyles() {
        String source = "/** doc */\n@State int n = 42; // note\nString s = \"hi\";\n";
        List<String> styled = new ArrayList<>();
        int[] at = {0};
        JavaHighlighter.spans(source).forEach(span -> {
            String text = source.substring(at[0], at[0] + span.getLength());
            if (!span.getStyle().isEmpty()) {
                styled.add(span.getStyle().iterator().next() + ":" + text);
            }
            at[0] += span.getLength();
        });
        assertThat(styled).containsExactly("comment:/** doc */", "annotation:@State", "keyword:int", "number:42",
                "comment:// note", "string:\"hi\"");
    }
}
