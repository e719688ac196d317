package dev.cellshell.tests.bench;

import dev.cellshell.ipc.store.PersistentMap;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The state store: put and get of a 200-byte cell record in the shell's persisted Chronicle Map. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class StoreBenchmark {

    private PersistentMap map;
    private final byte[] record = new byte[200];
    private int key;

    @Setup
    public void open() throws Exception {
        Path dir = Files.createTempDirectory("cellshell-store-bench");
        map = PersistentMap.open(dir.resolve("state.cm"), "state", 1_024, 512);
        for (int i = 0; i < 100; i++) {
            map.put("cell-" + i, record);
        }
    }

    @TearDown
    public void close() {
        map.close();
    }

    @Benchmark
    public void put() throws Exception {
        record[0] = (byte) key;
        map.put("cell-" + (key++ % 100), record);
    }

    @Benchmark
    public byte[] get() {
        return map.get("cell-" + (key++ % 100));
    }
}
