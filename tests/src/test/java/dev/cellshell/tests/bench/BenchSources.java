package dev.cellshell.tests.bench;

import dev.cellshell.livecompiler.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sixty-line Meter cell the benchmarks compile, with a variant per call so no compile is a repeat. */
final class BenchSources {

    private static final String METER = read();

    private BenchSources() {
    }

    private static String read() {
        try (InputStream in = BenchSources.class.getResourceAsStream("/bench/Meter.java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceFile meter(int variant) {
        return new SourceFile("Meter.java", METER.replace("\"Load\"", "\"Load " + variant + "\""));
    }
}
