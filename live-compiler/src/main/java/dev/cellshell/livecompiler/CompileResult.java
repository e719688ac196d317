package dev.cellshell.livecompiler;

import java.util.List;
import java.util.Map;

/**
 * What one compile produced. When any diagnostic is an error, {@link #classes()} is empty: ECJ emits class files
 * even for broken source, and those must never be loaded.
 *
 * @param classes binary class name to class file bytes
 */
public record CompileResult(Map<String, byte[]> classes, List<Diagnostic> diagnostics, long nanos) {

    public CompileResult {
        classes = Map.copyOf(classes);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean succeeded() {
        return diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }
}
