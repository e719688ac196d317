package dev.cellshell.livecompiler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

/**
 * Compiles cell source in memory with ECJ against the classes of a host class loader. One instance lives as long as
 * the shell and keeps its name environment warm; {@link #compile} is not re-entrant, so call it from one worker
 * thread (the shell's compile thread).
 */
public final class LiveCompiler {

    private static final String JAVA_LEVEL = "17";
    /** Bump when the sandbox or anything else that changes compile output changes: cached classes go stale. */
    private static final int CACHE_REVISION = 1;

    private final HostNameEnvironment environment;
    private final Map<String, String> options;

    public LiveCompiler(ClassLoader host) {
        this.environment = new HostNameEnvironment(host);
        Map<String, String> o = new HashMap<>();
        o.put(CompilerOptions.OPTION_Source, JAVA_LEVEL);
        o.put(CompilerOptions.OPTION_Compliance, JAVA_LEVEL);
        o.put(CompilerOptions.OPTION_TargetPlatform, JAVA_LEVEL);
        o.put(CompilerOptions.OPTION_LineNumberAttribute, CompilerOptions.GENERATE);
        o.put(CompilerOptions.OPTION_SourceFileAttribute, CompilerOptions.GENERATE);
        o.put(CompilerOptions.OPTION_LocalVariableAttribute, CompilerOptions.GENERATE);
        o.put(CompilerOptions.OPTION_ReportUnusedImport, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportRawTypeReference, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportUncheckedTypeOperation, CompilerOptions.IGNORE);
        this.options = Map.copyOf(o);
    }

    /** Compiles {@code sources} together; the result holds class files only when there was no error. */
    public CompileResult compile(List<SourceFile> sources) {
        return compile(sources, () -> false);
    }

    /**
     * Like {@link #compile(List)}, abandoned as soon as {@code cancelled} says so (ECJ asks between its phases and
     * units): then it throws {@link java.util.concurrent.CancellationException} and nothing it made is kept.
     */
    public synchronized CompileResult compile(List<SourceFile> sources, java.util.function.BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("a newer edit replaced this compile");
        }
        long start = System.nanoTime();
        Map<String, String> texts = new HashMap<>();
        ICompilationUnit[] units = new ICompilationUnit[sources.size()];
        for (int i = 0; i < units.length; i++) {
            SourceFile source = sources.get(i);
            texts.put(source.name(), source.text());
            units[i] = new CompilationUnit(source.text().toCharArray(), source.name(), "UTF-8");
        }
        Map<String, byte[]> classes = new HashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Compiler compiler = new Compiler(environment, DefaultErrorHandlingPolicies.proceedWithAllProblems(),
                new CompilerOptions(options), result -> collect(result, texts, classes, diagnostics),
                new DefaultProblemFactory(Locale.ENGLISH), null, new Cancellable(cancelled));
        compiler.useSingleThread = true;
        compiler.compile(units);
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("a newer edit replaced this compile");
        }
        diagnostics.sort((a, b) -> a.file().equals(b.file())
                ? Integer.compare(a.line(), b.line()) != 0 ? Integer.compare(a.line(), b.line())
                        : Integer.compare(a.column(), b.column())
                : a.file().compareTo(b.file()));
        boolean broken = diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        if (!broken) {
            List<Diagnostic> refused = sandboxErrors(classes, texts);
            diagnostics.addAll(refused);
            broken = !refused.isEmpty();
        }
        return new CompileResult(broken ? Map.of() : classes, diagnostics, System.nanoTime() - start);
    }

    /**
     * Identifies what {@link #compile} would produce for {@code sources}: SHA-256 over the compiler's version, its
     * options, the sandbox and instrumentation revision, and every file's name and text. Equal keys, equal classes.
     */
    public String cacheKey(List<SourceFile> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("cellshell-live-compiler/" + CACHE_REVISION + "/"
                    + org.eclipse.jdt.internal.compiler.batch.Main.class.getPackage().getImplementationVersion() + "/"
                    + new java.util.TreeMap<>(options)).getBytes(StandardCharsets.UTF_8));
            sources.stream().sorted(java.util.Comparator.comparing(SourceFile::name)).forEach(f -> {
                digest.update((f.name() + "\u0000" + f.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
            });
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compiles a small cell once so that the first real swap does not pay for a cold compiler. */
    public void warmUp() {
        compile(List.of(new SourceFile("WarmUp.java", """
                import dev.cellshell.widgets.*;
                public class WarmUp implements Cell {
                    @State int count;
                    public void render(Canvas c, CellContext ctx) {
                        c.fillRoundRect(0, 0, ctx.width(), ctx.height(), 8, Color.rgb(1, 2, 3));
                        c.drawText(ctx.props().string("text", "warm " + count), 4, 12, 12, Color.WHITE, Align.LEFT);
                    }
                }
                """)));
    }

    /** Sandbox refusals as compile errors, on the line that makes the reference and at the refused name. */
    private static List<Diagnostic> sandboxErrors(Map<String, byte[]> classes, Map<String, String> texts) {
        List<Diagnostic> errors = new ArrayList<>();
        for (SandboxCheck.Violation v : SandboxCheck.check(classes)) {
            String file = texts.containsKey(v.sourceFile()) ? v.sourceFile()
                    : texts.keySet().stream().findFirst().orElse(v.sourceFile());
            String[] lines = texts.getOrDefault(file, "").split("\n", -1);
            int line = v.line() > 0 && v.line() <= lines.length ? v.line() : 1;
            String excerpt = lines.length == 0 ? "" : lines[line - 1].stripTrailing();
            String simple = v.name().replaceAll("^catch \\((.*)\\)$", "$1");
            simple = simple.substring(simple.lastIndexOf('.') + 1);
            int column = excerpt.indexOf(simple);
            Diagnostic d = new Diagnostic(file, line, column < 0 ? 1 : column + 1, Diagnostic.Severity.ERROR,
                    v.describe(), excerpt, column < 0 ? 0 : simple.length());
            if (!errors.contains(d)) {
                errors.add(d);
            }
        }
        return errors;
    }

    private static void collect(CompilationResult result, Map<String, String> texts, Map<String, byte[]> classes,
            List<Diagnostic> diagnostics) {
        String file = new String(result.getFileName());
        String text = texts.getOrDefault(file, "");
        CategorizedProblem[] problems = result.getAllProblems();
        if (problems != null) {
            for (CategorizedProblem problem : problems) {
                diagnostics.add(toDiagnostic(file, text, problem));
            }
        }
        for (ClassFile classFile : result.getClassFiles()) {
            String binaryName = CharOperation.toString(classFile.getCompoundName());
            classes.put(binaryName, classFile.getBytes());
        }
    }

    private static Diagnostic toDiagnostic(String file, String text, CategorizedProblem problem) {
        int line = Math.max(1, problem.getSourceLineNumber());
        int offset = Math.max(0, Math.min(problem.getSourceStart(), text.length()));
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = text.indexOf('\n', offset);
        String excerpt = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).stripTrailing();
        int column = offset - lineStart;
        int end = Math.min(problem.getSourceEnd() + 1, lineStart + excerpt.length()); // ECJ's end is inclusive
        return new Diagnostic(file, line, column + 1,
                problem.isError() ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                problem.getMessage(), excerpt, Math.max(0, end - offset));
    }

    /** ECJ's progress hook, used only for what it asks: whether to stop. */
    private static final class Cancellable extends org.eclipse.jdt.core.compiler.CompilationProgress {

        private final java.util.function.BooleanSupplier cancelled;

        Cancellable(java.util.function.BooleanSupplier cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public void begin(int remainingWork) {
        }

        @Override
        public void done() {
        }

        @Override
        public boolean isCanceled() {
            return cancelled.getAsBoolean();
        }

        @Override
        public void setTaskName(String name) {
        }

        @Override
        public void worked(int workIncrement, int remainingWork) {
        }
    }
}
