package dev.cellshell.tests.bench;

import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.LiveCompiler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** The first compile in a fresh JVM (what a shell without warm-up would pay), ECJ and javac, one shot per fork. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(8)
public class ColdCompileBenchmark {

    @Benchmark
    public CompileResult ecjFirstCompile() {
        return new LiveCompiler(ColdCompileBenchmark.class.getClassLoader()).compile(List.of(BenchSources.meter(0)));
    }

    @Benchmark
    public Map<String, byte[]> javacFirstCompile() {
        var javac = ToolProvider.getSystemJavaCompiler();
        return CompileBenchmark.javacInMemory(javac, javac.getStandardFileManager(null, null, null),
                BenchSources.meter(0));
    }
}
