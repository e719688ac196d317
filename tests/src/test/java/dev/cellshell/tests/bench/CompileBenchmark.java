package dev.cellshell.tests.bench;

import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.GenerationLoader;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.widgets.Cell;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm compile of the sixty-line Meter cell: ECJ in memory (what CellShell uses) against javac in memory, side by
 * side in one run; and ECJ compile + sandbox check + define + instrument + instantiate (a new generation, without
 * the tissue's render and workspace write). Sample time, so JMH reports p50 and p95.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {

    private LiveCompiler ecj;
    private JavaCompiler javac;
    private StandardJavaFileManager javacFiles;
    private int variant;
    private long generation;

    @Setup
    public void setUp() {
        ecj = new LiveCompiler(CompileBenchmark.class.getClassLoader());
        javac = ToolProvider.getSystemJavaCompiler();
        javacFiles = javac.getStandardFileManager(null, null, null);
    }

    @Benchmark
    public CompileResult ecjCompile() {
        return ecj.compile(List.of(BenchSources.meter(variant++)));
    }

    @Benchmark
    public Map<String, byte[]> javacCompile() {
        return javacInMemory(javac, javacFiles, BenchSources.meter(variant++));
    }

    @Benchmark
    public Cell ecjCompileLoadInstantiate() throws Exception {
        CompileResult result = ecj.compile(List.of(BenchSources.meter(variant++)));
        GenerationLoader loader = new GenerationLoader("Meter", ++generation, result.classes(),
                CompileBenchmark.class.getClassLoader());
        return (Cell) loader.loadClass("Meter").getDeclaredConstructor().newInstance();
    }

    /** javac through javax.tools with sources and class files in memory, on the JVM's class path. */
    static Map<String, byte[]> javacInMemory(JavaCompiler javac, StandardJavaFileManager files, SourceFile source) {
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        JavaFileManager memory = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("mem:///" + source.name()),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source.text();
            }
        };
        boolean ok = javac.getTask(null, memory, null, List.of("-g", "--release", "17", "-proc:none"), null,
                List.of(unit)).call();
        if (!ok) {
            throw new IllegalStateException("javac failed on " + source.name());
        }
        Map<String, byte[]> classes = new HashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }
}
