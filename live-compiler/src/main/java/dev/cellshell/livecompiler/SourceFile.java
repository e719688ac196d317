package dev.cellshell.livecompiler;

import java.util.Objects;

/**
 * One Java source file of a cell type.
 *
 * @param name file name as the diagnostics should show it, e.g. {@code Label.java}
 * @param text the whole source text
 */
public record SourceFile(String name, String text) {
    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        if (!name.endsWith(".java")) {
            throw new IllegalArgumentException("a source file name ends in .java: " + name);
        }
    }
}
