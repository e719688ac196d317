package dev.cellshell.tests.bench;

import dev.cellshell.runtime.PropValues;
import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.GenerationLoader;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.widgets.Cell;
import dev.cellshell.widgets.CellContext;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.Props;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * What the budget ticks cost: the same render-heavy cell (nested loops recording 2,000 shapes into a display list),
 * defined once by a {@link GenerationLoader} (instrumented) and once by a plain loader from the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class InstrumentationBenchmark {

    private static final String HEAVY = """
            import dev.cellshell.widgets.*;
            public class Heavy implements Cell {
                public void render(Canvas canvas, CellContext context) {
                    for (int row = 0; row < 40; row++) {
                        for (int column = 0; column < 50; column++) {
                            float shade = (row * 50 + column) % 255;
                            canvas.fillRect(column * 4, row * 4, 3, 3, Color.rgb((int) shade, 80, 120));
                        }
                    }
                }
            }
            """;

    private Cell instrumented;
    private Cell plain;
    private final CellContext context = new CellContext() {
        @Override public String cellId() { return "heavy"; }
        @Override public float width() { return 200; }
        @Override public float height() { return 160; }
        @Override public Props props() { return PropValues.empty(); }
        @Override public Instant now() { return Instant.EPOCH; }
        @Override public void renderAgainIn(long millis) { }
    };

    @Setup
    public void setUp() throws Exception {
        ClassLoader host = InstrumentationBenchmark.class.getClassLoader();
        CompileResult result = new LiveCompiler(host).compile(List.of(new SourceFile("Heavy.java", HEAVY)));
        instrumented = (Cell) new GenerationLoader("Heavy", 1, result.classes(), host).loadClass("Heavy")
                .getDeclaredConstructor().newInstance();
        plain = (Cell) new PlainLoader(result.classes(), host).loadClass("Heavy").getDeclaredConstructor()
                .newInstance();
    }

    @Benchmark
    public DisplayList instrumentedRender() {
        return DisplayList.record(c -> instrumented.render(c, context));
    }

    @Benchmark
    public DisplayList uninstrumentedRender() {
        return DisplayList.record(c -> plain.render(c, context));
    }

    /** Defines the compiler's bytes as they are: no sandbox check, no budget ticks. For comparison only. */
    private static final class PlainLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        PlainLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
