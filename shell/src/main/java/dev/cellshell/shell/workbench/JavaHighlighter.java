package dev.cellshell.shell.workbench;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Java syntax colouring for the code editor: keywords, strings and characters, comments, annotations, numbers and
 * brackets, as RichTextFX style spans (classes {@code keyword}, {@code string}, {@code comment}, {@code annotation},
 * {@code number}, {@code bracket} in workbench.css). A regular expression over the whole text: fast enough for cell
 * sources (a few hundred lines).
 */
final class JavaHighlighter {

    private static final String[] KEYWORDS = {"abstract", "assert", "boolean", "break", "byte", "case", "catch",
        "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
        "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
        "new", "package", "private", "protected", "public", "record", "return", "short", "static", "strictfp",
        "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "var", "void", "volatile",
        "while", "true", "false", "null", "yield", "sealed", "permits"};

    private static final java.util.Set<String> KEYWORD_SET = java.util.Set.of(KEYWORDS);

    /** Comments and strings first (a keyword inside them is not one); a word is a keyword when it is in the set. */
    private static final Pattern PATTERN = Pattern.compile(
            "(?<comment>//[^\\n]*|/\\*(.|\\R)*?\\*/)"
                    + "|(?<string>\"\"\"(.|\\R)*?\"\"\"|\"([^\"\\\\\\n]|\\\\.)*\"|'([^'\\\\\\n]|\\\\.)*')"
                    + "|(?<annotation>@[A-Za-z_][A-Za-z0-9_]*)"
                    + "|(?<word>[A-Za-z_$][A-Za-z0-9_$]*)"
                    + "|(?<number>\\b\\d+(\\.\\d+)?[fFdDlL]?\\b)"
                    + "|(?<bracket>[(){}\\[\\]])");

    private JavaHighlighter() {
    }

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher m = PATTERN.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style;
            if (m.group("word") != null) {
                if (!KEYWORD_SET.contains(m.group("word"))) {
                    continue;
                }
                style = "keyword";
            } else {
                style = m.group("comment") != null ? "comment" : m.group("string") != null ? "string"
                        : m.group("annotation") != null ? "annotation" : m.group("number") != null ? "number"
                        : "bracket";
            }
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }
}
