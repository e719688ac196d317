package dev.cellshell.tests.bench;

import dev.cellshell.assets.Assets;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.history.SourceArchive;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueStore;
import dev.cellshell.shell.workbench.DesktopLink;
import dev.cellshell.shell.workbench.Workbench;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.Workspace;
import dev.cellshell.tests.Xvfb;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;

/**
 * The workbench's responsiveness, in a real window (under a private Xvfb when there is no display), each run a new
 * JVM: cold start to interactive, then keystrokes into a 300-line cell source (handled, and on screen at the next
 * pulse's layout), then keystroke → diagnostics shown (the 400 ms pause, then a background compile). Prints JSON
 * with medians and p95s over all runs. Run: {@code ./cell workbenchbench [RUNS]} (default 5).
 */
public final class WorkbenchBench {

    private static final int KEYSTROKES = 120;
    private static final int DIAGNOSTICS = 6;
    private static final int LINES = 300;

    private WorkbenchBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child();
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Xvfb xvfb = System.getenv("DISPLAY") == null ? Xvfb.start() : null;
        String display = xvfb != null ? xvfb.display() : System.getenv("DISPLAY");
        Map<String, List<Double>> series = new java.util.TreeMap<>();
        try {
            for (int i = 0; i < runs; i++) {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                ProcessBuilder builder = new ProcessBuilder(java, "-Dlogback.statusListenerClass="
                        + "ch.qos.logback.core.status.NopStatusListener", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp", System.getProperty("java.class.path"), WorkbenchBench.class.getName(), "--child")
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("DISPLAY", display);
                Process p = builder.start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("SAMPLE ")) {
                            String[] parts = line.split(" ");
                            List<Double> values = series.computeIfAbsent(parts[1], k -> new ArrayList<>());
                            for (int j = 2; j < parts.length; j++) {
                                values.add(Double.parseDouble(parts[j]));
                            }
                        }
                    }
                }
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("run " + (i + 1) + " failed with exit code " + p.exitValue());
                }
            }
        } finally {
            if (xvfb != null) {
                xvfb.close();
            }
        }
        StringBuilder json = new StringBuilder("{\n  \"runs\": " + runs + ",\n  \"source_lines\": " + LINES
                + ",\n  \"display\": \"" + (xvfb != null ? "Xvfb (private)" : display) + "\"");
        series.forEach((name, values) -> json.append(",\n  \"").append(name).append("\": ").append(stats(values)));
        System.out.println(json.append("\n}"));
    }

    private static String stats(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "{\"n\": %d, \"p50\": %.2f, \"p95\": %.2f, \"min\": %.2f, \"max\": %.2f}",
                v.length, v[(v.length - 1) / 2], v[(int) Math.ceil(0.95 * v.length) - 1], v[0], v[v.length - 1]);
    }

    private static void sample(String name, double... values) {
        StringBuilder line = new StringBuilder("SAMPLE ").append(name);
        for (double v : values) {
            line.append(' ').append(String.format(Locale.ROOT, "%.3f", v));
        }
        System.out.println(line);
    }

    /** One cold run: a tissue with a 300-line cell, the workbench opened on it, then typing. */
    private static void child() throws Exception {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path workspace = Files.createTempDirectory("workbench-bench");
        Path cells = workspace.resolve("cells/Long");
        Files.createDirectories(cells);
        Files.writeString(cells.resolve("Long.java"), longSource());
        AuditLog log = AuditLog.open(workspace.resolve("audit.log"));
        ClassLoader host = WorkbenchBench.class.getClassLoader();
        Tissue tissue = new Tissue(Workspace.open(workspace, "demo"), new LiveCompiler(host), host,
                () -> Instant.parse("2026-11-29T10:09:30Z"), true, scene -> { }, null, TissueStore.NONE,
                new History(log, new SourceArchive(workspace.resolve("history/sources"))));
        tissue.start().get(120, TimeUnit.SECONDS);
        if (!tissue.spawn("Long", "long", Anchor.CENTER, 24, new float[] {300, 120}, Map.of(), "bench")
                .get(120, TimeUnit.SECONDS).done()) {
            throw new IllegalStateException("the 300-line cell did not spawn");
        }

        long opening = System.nanoTime();
        Workbench workbench = Workbench.open(tissue, null, null, DesktopLink.NONE, workspace, () -> { });
        Stage stage = onFx(() -> (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle().startsWith("CellShell workbench")).findFirst().orElseThrow());
        Scene scene = onFx(stage::getScene);
        nextPulse(scene).get(30, TimeUnit.SECONDS);
        long interactive = System.nanoTime();
        sample("open_to_interactive_ms", (interactive - opening) / 1e6);
        sample("jvm_start_to_interactive_ms", System.currentTimeMillis() - jvmStartMs);

        CodeArea editor = onFx(() -> (CodeArea) scene.lookup("#editor"));
        sample("select_to_source_shown_first_ms", select(scene, editor, "long", "class Long"));
        double[] warm = new double[6];
        for (int i = 0; i < warm.length; i++) {
            select(scene, editor, "label", "class Label");
            warm[i] = select(scene, editor, "long", "class Long");
        }
        sample("select_to_source_shown_ms", warm);
        if (onFx(() -> editor.getParagraphs().size()) < LINES) {
            throw new IllegalStateException("the source has fewer than " + LINES + " lines");
        }

        // Keystrokes into the middle of the file, about 30 a second (fast typing).
        int line = LINES / 2;
        onFx(() -> {
            editor.requestFocus();
            editor.moveTo(line, 8);
            return null;
        });
        double[] handled = new double[KEYSTROKES];
        double[] shown = new double[KEYSTROKES];
        for (int i = 0; i < KEYSTROKES; i++) {
            String ch = i % 10 == 9 ? " " : String.valueOf((char) ('a' + i % 26));
            long[] times = new long[2];
            CompletableFuture<Long> pulse = new CompletableFuture<>();
            onFx(() -> {
                long t0 = System.nanoTime();
                Event.fireEvent(editor, new KeyEvent(KeyEvent.KEY_TYPED, ch, ch, KeyCode.UNDEFINED, false, false,
                        false, false));
                times[0] = t0;
                times[1] = System.nanoTime();
                whenLaidOut(scene, pulse);
                return null;
            });
            long laidOut = pulse.get(30, TimeUnit.SECONDS);
            handled[i] = (times[1] - times[0]) / 1e6;
            shown[i] = (laidOut - times[0]) / 1e6;
            Thread.sleep(33);
        }
        sample("keystroke_handled_ms", handled);
        sample("keystroke_to_laid_out_ms", shown);

        // Keystroke → diagnostics: type a character that breaks the code, wait for the problems list, undo it.
        @SuppressWarnings("unchecked")
        ListView<String> problems = onFx(() -> (ListView<String>) scene.lookup("#problems"));
        Thread.sleep(800); // let the check after the typing above finish
        double[] diagnostics = new double[DIAGNOSTICS];
        for (int i = 0; i < DIAGNOSTICS; i++) {
            CountDownLatch listed = new CountDownLatch(1);
            long[] t = new long[2];
            onFx(() -> {
                editor.moveTo(3, 0);
                ListChangeListener<String> l = new ListChangeListener<>() {
                    @Override
                    public void onChanged(Change<? extends String> c) {
                        if (!problems.getItems().isEmpty()) {
                            t[1] = System.nanoTime();
                            problems.getItems().removeListener(this);
                            listed.countDown();
                        }
                    }
                };
                problems.getItems().addListener(l);
                t[0] = System.nanoTime();
                Event.fireEvent(editor, new KeyEvent(KeyEvent.KEY_TYPED, "#", "#", KeyCode.UNDEFINED, false, false,
                        false, false));
                return null;
            });
            if (!listed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no diagnostics within 30 s");
            }
            diagnostics[i] = (t[1] - t[0]) / 1e6;
            onFx(() -> {
                editor.deleteText(editor.getAbsolutePosition(3, 0), editor.getAbsolutePosition(3, 1));
                return null;
            });
            Thread.sleep(900);
        }
        sample("keystroke_to_diagnostics_ms", diagnostics);
        workbench.close();
        tissue.close();
        log.close();
        System.exit(0);
    }

    /** Selects {@code cellId} in the tree; returns the ms until its source is shown and laid out. */
    private static double select(Scene scene, CodeArea editor, String cellId, String marker) throws Exception {
        long selecting = System.nanoTime();
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeView<dev.cellshell.shell.tissue.CellView> tree = (TreeView<dev.cellshell.shell.tissue.CellView>)
                    scene.lookup("#cells");
            tree.getRoot().getChildren().stream().filter(i -> i.getValue().id().equals(cellId)).findFirst()
                    .ifPresent(i -> tree.getSelectionModel().select(i));
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onFx(() -> editor.getText().contains(marker))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(cellId + "'s source never opened");
            }
            Thread.sleep(1);
        }
        nextPulse(scene).get(30, TimeUnit.SECONDS);
        return (System.nanoTime() - selecting) / 1e6;
    }

    /** A compiling cell of {@value #LINES} lines: the Label cell plus helper methods with strings and comments. */
    static String longSource() {
        String label = Assets.cellSource("Label").replace("public class Label implements Cell",
                "public class Long implements Cell");
        int end = label.lastIndexOf('}');
        StringBuilder body = new StringBuilder(label.substring(0, end));
        int lines = (int) label.lines().count();
        for (int i = 0; lines < LINES - 1; i++) {
            body.append("\n    // helper ").append(i).append(": a comment, a string and some arithmetic\n")
                    .append("    static String helper").append(i).append("(int x) {\n")
                    .append("        return \"value \" + (x * ").append(i).append(" + 1);\n    }\n");
            lines += 5;
        }
        return body.append("}\n").toString();
    }

    private static CompletableFuture<Long> nextPulse(Scene scene) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        onFx(() -> {
            whenLaidOut(scene, done);
            return null;
        });
        return done;
    }

    /** Completes {@code done} with the time the next pulse has laid the scene out (after CSS and layout). */
    private static void whenLaidOut(Scene scene, CompletableFuture<Long> done) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            done.complete(System.nanoTime());
        };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
