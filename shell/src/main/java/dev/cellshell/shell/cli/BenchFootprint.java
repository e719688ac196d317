package dev.cellshell.shell.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What {@code cell bench} measures as a user feels it, beside the shell's own figures: the resident memory of every
 * process of the desktop, {@code cell} verbs end to end (a new {@code ./cell} process each, as typed), and the same
 * start-time and memory figures for Debian's {@code conky}, the reference a desktop user knows.
 */
final class BenchFootprint {

    private BenchFootprint() {
    }

    /**
     * Each JVM of the shell's process tree by role with its resident memory (VmRSS, MB), then the totals: RSS summed,
     * and PSS summed (shared pages, e.g. the JDK's libraries and class archive mapped by every JVM, counted once).
     */
    static String resident(Process shell) {
        StringBuilder json = new StringBuilder("{");
        double rss = 0;
        double pss = 0;
        List<ProcessHandle> jvms = new ArrayList<>();
        jvms.add(shell.toHandle());
        shell.toHandle().descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .filter(p -> !p.info().commandLine().orElse("").contains("-Xshare:dump")).forEach(jvms::add);
        for (ProcessHandle p : jvms) {
            String line = p.info().commandLine().orElse("");
            String role = p.pid() == shell.pid() ? "shell" : line.contains("CompositorMain") ? "compositor"
                    : line.contains("HostMain") || p.parent().flatMap(q -> q.info().command()).orElse("")
                            .endsWith("bwrap") ? "host " + line.replaceAll(".*--name (\\S+).*", "$1") : "other";
            double[] m = memory(p.pid());
            rss += m[0];
            pss += m[1];
            json.append(json.length() > 1 ? ", " : "").append('"').append(role).append("\": ")
                    .append(format(m[0]));
        }
        return json.append(", \"total_rss\": ").append(format(rss)).append(", \"total_pss\": ").append(format(pss))
                .append("}").toString();
    }

    /** {RSS, PSS} of a process in MB from /proc (0 when it is gone). */
    static double[] memory(long pid) {
        double rss = 0;
        double pss = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Rss:")) {
                    rss = Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                } else if (line.startsWith("Pss:")) {
                    pss = Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between listing and reading.
        }
        return new double[] {rss, pss};
    }

    static String format(double megabytes) {
        return String.format(Locale.ROOT, "%.1f", megabytes);
    }

    /**
     * {@code ./cell VERB …} end to end, {@code runs} times each: a new launcher and client JVM per run, as a person
     * typing it gets. Returns the milliseconds of each run.
     */
    static List<Double> verb(String launcher, Path workspace, int runs, String... words) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(launcher));
            command.addAll(List.of(words));
            command.addAll(List.of("--workspace", workspace.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("CELLSHELL_NO_BUILD", "1");
            long start = System.nanoTime();
            Process p = builder.start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("./cell " + String.join(" ", words) + " failed");
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /** A conky configuration comparable to the desktop's panel: clock, date, CPU, memory, uptime, once a second. */
    static final String CONKY_CONFIG = """
            conky.config = { out_to_console = true, out_to_x = false, background = false,
                update_interval = 1.0, total_run_times = 0, use_spacer = 'none' }
            conky.text = [[${time %H:%M:%S} ${time %A %d %B} cpu ${cpu}% mem ${mem}/${memmax} up ${uptime}]]
            """;

    /**
     * Debian's conky with {@link #CONKY_CONFIG}: spawn to its first line on stdout (median of {@code runs}), and its
     * resident memory two seconds in. A JSON object, or a string saying why there is none.
     */
    static String conky(int runs) {
        Path conky = Path.of("/usr/bin/conky");
        if (!Files.isExecutable(conky)) {
            return "\"conky is not installed (./cell bench installs conky-std on Debian)\"";
        }
        try {
            Path config = Files.createTempFile("cellshell-bench-conky", ".conf");
            Files.writeString(config, CONKY_CONFIG);
            List<Double> firstLine = new ArrayList<>();
            double rss = 0;
            for (int i = 0; i < runs; i++) {
                Process p = new ProcessBuilder(conky.toString(), "-c", config.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    long start = System.nanoTime();
                    int b = p.getInputStream().read();
                    while (b != -1 && b != '\n') {
                        b = p.getInputStream().read();
                    }
                    firstLine.add((System.nanoTime() - start) / 1e6);
                    Thread.sleep(2_000);
                    rss = memory(p.pid())[0];
                } finally {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            Files.deleteIfExists(config);
            return "{\"start_to_first_output_ms\": " + BenchCommand.stats(firstLine) + ", \"resident_mb\": "
                    + format(rss) + "}";
        } catch (IOException e) {
            return "\"conky failed: " + e.getMessage().replace('"', '\'') + "\"";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "\"interrupted\"";
        }
    }
}
