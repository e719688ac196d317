package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.ChangeReply;
import dev.cellshell.ipc.ControlMessage.ChangeRequest;
import dev.cellshell.ipc.ControlMessage.SwapReply;
import dev.cellshell.ipc.ControlMessage.SwapRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks written as a language model or a paste might write them, each swapped into the Label's source of a real
 * desktop (shell, compositor, cell host behind bubblewrap). Each one is either refused at compile or load time with
 * the API named, or contained: the swap is refused or the cell rolled back or quarantined, the shell still answers,
 * the rest of the desktop still draws (a change to the Button reaches the screen), nothing is written outside the
 * workspace (a canary path the test can write is checked on disk), and the shell's own defaults are untouched
 * (spawning with an anchor still parses it). The Label gets its own source back after each attack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedTeamTest {

    @TempDir
    static Path dir;
    private static RunningShell shell;
    private static Path canaries;
    private static String labelSource;
    private static final List<String> table = new ArrayList<>();

    /**
     * {@code refused}: at compile/load time, naming {@code names}; {@code contained}: whatever it did stayed in (swap
     * refused, or the cell rolled back or quarantined); {@code harmless}: it may run, and does no harm.
     */
    enum Expect { REFUSED, CONTAINED, HARMLESS }

    record Attack(String family, String name, String members, String body, Expect expect, String names) {
        @Override
        public String toString() {
            return family + ": " + name;
        }
    }

    static Stream<Attack> attacks() {
        String c = "CANARY";
        return Stream.of(
                // Files, network and processes through allowed-looking JDK classes.
                refused("files", "FileOutputStream", "try { new java.io.FileOutputStream(\"" + c + "\").write(1); } "
                        + "catch (Exception e) { }",
                        "java.io.FileOutputStream"),
                refused("files", "java.util.Formatter opens a file", "try { new java.util.Formatter(\"" + c
                        + "\").format(\"x\").flush(); } catch (Exception e) { }", "java.util.Formatter"),
                refused("files", "java.util.Scanner reads a file", "try { new java.util.Scanner(new java.io.File("
                        + "\"/etc/passwd\")); } catch (Exception e) { }",
                        "java.util.Scanner"),
                refused("files", "nio Files.writeString", "try { java.nio.file.Files.writeString("
                        + "java.nio.file.Path.of(\"" + c + "\"), \"x\"); } catch (Exception e) { }",
                        "java.nio.file.Files"),
                refused("files", "RandomAccessFile", "try { new java.io.RandomAccessFile(\"" + c
                        + "\", \"rw\"); } catch (Exception e) { }", "java.io.RandomAccessFile"),
                refused("network", "Socket to loopback", "try { new java.net.Socket(\"127.0.0.1\", 22); } "
                        + "catch (Exception e) { }", "java.net.Socket"),
                refused("processes", "Runtime.exec", "try { Runtime.getRuntime().exec(new String[] {\"touch\", \""
                        + c + "\"}); } catch (Exception e) { }", "java.lang.Runtime"),
                refused("processes", "ProcessBuilder", "try { new ProcessBuilder(\"touch\", \"" + c
                        + "\").start(); } catch (Exception e) { }", "java.lang.ProcessBuilder"),
                refused("processes", "System.exit", "System.exit(3);", "java.lang.System.exit"),
                refused("processes", "System.getenv", "canvas.drawText(System.getenv(\"HOME\"), 0, 0, 10, 0, "
                        + "Align.LEFT);", "java.lang.System.getenv"),
                refused("reflection", "Class.forName", "try { Class.forName(\"java.lang.Runtime\"); } "
                        + "catch (Exception e) { }", "java.lang.Class.forName"),
                refused("reflection", "getDeclaredMethods", "getClass().getDeclaredMethods();",
                        "java.lang.Class.getDeclaredMethods"),
                refused("reflection", "MethodHandles", "java.lang.invoke.MethodHandles.lookup();",
                        "java.lang.invoke.MethodHandles"),
                refused("reflection", "ServiceLoader", "java.util.ServiceLoader.load(Runnable.class);",
                        "java.util.ServiceLoader"),
                // Blocking calls.
                refused("blocking", "Thread.sleep", "try { Thread.sleep(5000); } catch (Exception e) { }",
                        "java.lang.Thread"),
                refused("blocking", "BlockingQueue.take", "try { new java.util.concurrent.LinkedBlockingQueue"
                        + "<String>().take(); } catch (Exception e) { }", "java.util.concurrent.LinkedBlockingQueue"),
                refused("blocking", "Object.wait", "Object o = new Object(); synchronized (o) { try { o.wait(); } "
                        + "catch (Exception e) { } }", "wait"),
                refused("blocking", "CountDownLatch.await", "try { new java.util.concurrent.CountDownLatch(1)"
                        + ".await(); } catch (Exception e) { }", "java.util.concurrent.CountDownLatch"),
                refused("blocking", "CompletableFuture.join", "new java.util.concurrent.CompletableFuture<String>()"
                        + ".join();", "java.util.concurrent.CompletableFuture"),
                refused("blocking", "LockSupport.park", "java.util.concurrent.locks.LockSupport.park();",
                        "java.util.concurrent.locks.LockSupport"),
                contained("blocking", "an endless loop inside a synchronized block",
                        "synchronized (this) { while (true) { n++; } }"),
                // Unbounded JDK loops and regex backtracking: no cell bytecode runs, so only the deadline stops them.
                contained("jdk loops", "LongStream over Long.MAX_VALUE",
                        "canvas.drawText(\"\" + java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum(), 0, 0, "
                                + "10, 0, Align.LEFT);"),
                contained("jdk loops", "catastrophic regex backtracking",
                        "canvas.drawText(\"\" + \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\".matches(\"((a+)+)+b\"), "
                                + "0, 0, 10, 0, Align.LEFT);"),
                contained("jdk loops", "BigInteger power that never ends",
                        "canvas.drawText(\"\" + java.math.BigInteger.TWO.pow(Integer.MAX_VALUE - 1).bitLength(), 0, "
                                + "0, 10, 0, Align.LEFT);"),
                contained("jdk loops", "Stream.iterate without limit, cell lambda", "java.util.stream.Stream"
                        + ".iterate(0, i -> i + 1).forEach(i -> n = i);"),
                // finally / catch tricks around the budget's timeout.
                contained("finally/catch", "finally { continue; } around an infinite loop",
                        "for (;;) { try { for (;;) { n++; } } finally { continue; } }"),
                refused("finally/catch", "catch (Error) and loop again", "for (;;) { try { for (;;) { n++; } } "
                        + "catch (Error e) { n--; } }", "catch (java.lang.Error)"),
                contained("finally/catch", "catch (RuntimeException) in a loop of recursion",
                        "deep(0);", "void deep(int d) { try { deep(d + 1); } catch (RuntimeException e) { deep(d); } }"),
                // Errors and exceptions that misbehave.
                contained("throwables", "throw new Error", "if (n == 0) throw new Error(\"boom\");"),
                contained("throwables", "an exception whose toString loops forever",
                        "if (n == 0) throw new Evil();", "static class Evil extends RuntimeException { "
                                + "@Override public String toString() { for (;;) { } } }"),
                contained("throwables", "an exception whose message is 5 million characters",
                        "if (n == 0) throw new Huge();", "static class Huge extends RuntimeException { "
                                + "@Override public String getMessage() { return \"x\".repeat(5_000_000); } }"),
                contained("throwables", "an exception whose getStackTrace throws",
                        "if (n == 0) throw new NoTrace();", "static class NoTrace extends RuntimeException { "
                                + "@Override public StackTraceElement[] getStackTrace() { "
                                + "throw new IllegalStateException(\"no\"); } }"),
                contained("throwables", "StackOverflowError thrown by hand", "throw new StackOverflowError();"),
                // JVM-wide state.
                refused("jvm-wide", "Locale.setDefault", "java.util.Locale.setDefault(new java.util.Locale(\"tr\", "
                        + "\"TR\"));", "java.util.Locale.setDefault"),
                refused("jvm-wide", "TimeZone.setDefault", "java.util.TimeZone.setDefault(java.util.TimeZone"
                        + ".getTimeZone(\"Pacific/Apia\"));", "java.util.TimeZone.setDefault"),
                refused("jvm-wide", "System.setProperty", "System.setProperty(\"user.home\", \"/tmp\");",
                        "java.lang.System.setProperty"),
                refused("jvm-wide", "Security.addProvider", "java.security.Security.getProviders();",
                        "java.security.Security"),
                // Other threads.
                refused("threads", "new Thread", "new Thread(() -> { for (;;) { } }).start();", "java.lang.Thread"),
                refused("threads", "parallelStream", "java.util.List.of(1, 2, 3).parallelStream().forEach(i -> n = i);",
                        "parallelStream"),
                refused("threads", "ForkJoinPool.commonPool", "java.util.concurrent.ForkJoinPool.commonPool()"
                        + ".submit(() -> { for (;;) { } });", "java.util.concurrent.ForkJoinPool"),
                refused("threads", "a finalizer that loops", "new Label();", "@Override protected void finalize() { "
                        + "for (;;) { } }", "finalize()"),
                refused("threads", "java.util.Timer", "new java.util.Timer().schedule(null, 1L);", "java.util.Timer"),
                contained("threads", "Arrays.parallelSetAll runs a looping lambda on the common pool",
                        "java.util.Arrays.parallelSetAll(new int[100_000], i -> { for (;;) { n++; } });"),
                contained("threads", "ConcurrentHashMap.forEach with a parallelism threshold",
                        "java.util.concurrent.ConcurrentHashMap<Integer, Integer> m = new java.util.concurrent"
                                + ".ConcurrentHashMap<>(); for (int i = 0; i < 10_000; i++) { m.put(i, i); } "
                                + "m.forEach(1L, (k, v) -> { if (k == 5000) { for (;;) { } } });"),
                // Memory bombs and leaks.
                contained("memory", "an impossible array", "long[] a = new long[Integer.MAX_VALUE - 8]; n = a.length;"),
                contained("memory", "filling the heap a megabyte at a time",
                        "java.util.List<byte[]> all = new java.util.ArrayList<>(); for (;;) { all.add(new "
                                + "byte[1 << 20]); }"),
                contained("memory", "a static leak that outlives the call",
                        "for (int i = 0; i < 4000; i++) { LEAK.add(new byte[1 << 20]); }",
                        "static final java.util.List<byte[]> LEAK = new java.util.ArrayList<>();"),
                contained("memory", "ThreadLocal holding a big array",
                        "byte[] b = LOCAL.get(); n = b.length; for (int i = 0; i < 100; i++) { LOCAL.set(new "
                                + "byte[50 << 20]); }",
                        "static final ThreadLocal<byte[]> LOCAL = ThreadLocal.withInitial(() -> new byte[1]);"),
                // Huge display lists, pictures and texts.
                contained("display lists", "two million rectangles",
                        "for (int i = 0; i < 2_000_000; i++) { canvas.fillRect(i % 400, 0, 1, 1, 0xFF000000); }"),
                contained("display lists", "five 16 MB pictures",
                        "byte[] p = new byte[16_000_000]; for (int i = 0; i < 5; i++) { canvas.drawImage(p, 0, 0, 10, "
                                + "10); }"),
                contained("display lists", "ten million characters of text",
                        "canvas.drawText(\"x\".repeat(10_000_000), 0, 20, 12, 0xFFFFFFFF, Align.LEFT);"),
                harmless("display lists", "NaN and infinite geometry (drawn as nothing)",
                        "canvas.fillRect(Float.NaN, Float.POSITIVE_INFINITY, 1, 1, 0xFF000000);"),
                // Spawn and storage floods through services.
                contained("floods", "a thousand spawns from one render",
                        "for (int i = 0; i < 1000; i++) { context.service(Spawner.class).spawn(\"Label\", "
                                + "\"center\"); }", "", "@Uses(Spawner.class)"),
                contained("floods", "storage flood: a thousand 100 kB values",
                        "for (int i = 0; i < 1000; i++) { context.service(Storage.class).put(\"k\" + i, "
                                + "\"x\".repeat(100_000)); }", "", "@Uses(Storage.class)"),
                contained("floods", "a service the cell did not declare", "context.service(Storage.class).put(\"a\", "
                        + "\"b\");"));
    }

    private static Attack refused(String family, String name, String body, String names) {
        return new Attack(family, name, "", body, Expect.REFUSED, names);
    }

    private static Attack refused(String family, String name, String body, String members, String names) {
        return new Attack(family, name, members, body, Expect.REFUSED, names);
    }

    private static Attack harmless(String family, String name, String body) {
        return new Attack(family, name, "", body, Expect.HARMLESS, "");
    }

    private static Attack contained(String family, String name, String body) {
        return new Attack(family, name, "", body, Expect.CONTAINED, "");
    }

    private static Attack contained(String family, String name, String body, String members) {
        return new Attack(family, name, members, body, Expect.CONTAINED, "");
    }

    private static Attack contained(String family, String name, String body, String members, String annotation) {
        return new Attack(family, name, annotation + "\n" + members, body, Expect.CONTAINED, "");
    }

    /** The attack as a whole Label source; a class annotation may lead {@code members} on its first line. */
    private static String source(Attack attack) {
        String members = attack.members();
        String annotation = "";
        if (members.startsWith("@Uses")) {
            annotation = members.substring(0, members.indexOf('\n'));
            members = members.substring(members.indexOf('\n') + 1);
        }
        return "import dev.cellshell.widgets.*;\n\n" + annotation + "\npublic class Label implements Cell {\n"
                + "    @State int n;\n    " + members + "\n\n"
                + "    @Override\n    public void render(Canvas canvas, CellContext context) {\n"
                + "        canvas.fillRoundRect(0, 0, context.width(), context.height(), 16, 0xFF2E3440);\n"
                + "        " + attack.body().replace("CANARY", canaries.resolve("written").toString()) + "\n"
                + "    }\n}\n";
    }

    @BeforeAll
    static void startTheShell() throws Exception {
        canaries = Files.createDirectories(dir.resolve("outside-the-workspace"));
        Files.writeString(canaries.resolve("writable"), "the test can write here, so a cell could without walls");
        shell = RunningShell.start(dir.resolve("workspace"), Map.of(), "--headless");
        labelSource = Files.readString(shell.workspace().resolve("cells/Label/Label.java"));
    }

    @AfterAll
    static void stopTheShell() throws Exception {
        if (shell != null) {
            shell.close();
        }
        if (!table.isEmpty()) {
            Path report = RunningShell.ROOT.resolve("tests/target/redteam.md");
            Files.createDirectories(report.getParent());
            Files.write(report, table);
        }
    }

    @Test
    @Order(1)
    void theHostStandsBehindTheKernelsWalls() throws Exception {
        Path log = shell.workspace().resolve("logs/host-shared.log");
        assertThat(Files.readString(log)).as("the host's own probe of its walls").contains("walls: read-only files,"
                + " no network");
        assertThat(shell.hosts()).as("a cell host JVM under the shell").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    @Order(2)
    void everyAttackIsRefusedOrContained(Attack attack) throws Exception {
        long before = labelGeneration();
        SwapReply reply = (SwapReply) shell.call(new SwapRequest("label", "Label.java", source(attack)));
        String said = reply.problems().stream().filter(ControlMessage.Problem::error)
                .map(ControlMessage.Problem::message).collect(Collectors.joining("; ")) + " "
                + String.join("; ", reply.notes());
        String outcome;
        if (attack.expect() == Expect.REFUSED) {
            assertThat(reply.swapped()).as("refused: %s", said).isFalse();
            assertThat(said).as("the refusal names the API").contains(attack.names());
            outcome = "refused at compile/load: " + firstLine(said);
        } else {
            outcome = !reply.swapped() ? "refused on its first run: " + firstLine(said)
                    : attack.expect() == Expect.HARMLESS ? "swapped; runs and draws nothing harmful"
                    : "swapped, then " + afterwards();
            if (reply.swapped() && attack.expect() == Expect.CONTAINED) {
                assertThat(afterwards()).as("a swapped attack must not keep running").isNotEqualTo("still running");
            }
        }
        assertThat(Files.exists(canaries.resolve("written"))).as("a file written outside the workspace").isFalse();
        assertTheDesktopGoesOn(attack);
        long after = labelGeneration();
        table.add("| " + attack.family() + " | " + attack.name() + " | " + outcome.replace('|', '/') + " |");
        SwapReply restored = (SwapReply) shell.call(new SwapRequest("label", "Label.java", labelSource));
        assertThat(restored.swapped() || after == before).as("the Label's own source back: %s", restored).isTrue();
    }

    /** What became of the Label after an attack was swapped in: rolled back, quarantined, or still running. */
    private static String afterwards() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            ControlMessage.CellStatus label = shell.status().cells().stream()
                    .filter(c -> c.cellId().equals("label")).findFirst().orElseThrow();
            last = label.lastError();
            if (last.contains("rolled back") || last.contains("quarantined")) {
                return firstLine(last);
            }
            Thread.sleep(100);
        }
        return "still running";
    }

    /** The shell answers, a change to another cell reaches the screen, and an anchor still parses. */
    private static void assertTheDesktopGoesOn(Attack attack) throws Exception {
        ChangeReply set = (ChangeReply) shell.call(new ChangeRequest("set", "button", "", "", 0, 0, 0,
                Map.of("text", "after " + attack.name().length())));
        assertThat(set.done()).as(set.message()).isTrue();
        long version = shell.status().presentedScene();
        shell.awaitPresented(version, Duration.ofSeconds(30));
        ControlMessage.ShotReply shot = (ControlMessage.ShotReply) shell.call(new ControlMessage.ShotRequest());
        assertThat(shot.png()).as("a screenshot of the desktop").isNotEmpty();
        ChangeReply spawned = (ChangeReply) shell.call(new ChangeRequest("spawn", "probe", "Clock", "top-right", 24,
                0, 0, Map.of()));
        assertThat(spawned.done()).as("spawn with an anchor after the attack: %s", spawned.message()).isTrue();
        ChangeReply removed = (ChangeReply) shell.call(new ChangeRequest("rm", "probe", "", "", 0, 0, 0, Map.of()));
        assertThat(removed.done()).as(removed.message()).isTrue();
    }

    private static long labelGeneration() throws IOException {
        return shell.status().cells().stream().filter(c -> c.cellId().equals("label")).findFirst().orElseThrow()
                .generation();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 140 ? line.substring(0, 139) + "…" : line;
    }

    /**
     * {@code @State} smuggling: a JDK list holding the cell's own object would carry the old generation (and its
     * class loader) into the next one. The carry checks values all the way down and leaves such a field behind.
     */
    @Test
    @Order(3)
    void stateThatHoldsACellObjectInsideAJdkListIsNotCarried() throws Exception {
        String smuggler = labelSource.replace("public class Label implements Cell {", "public class Label implements "
                + "Cell {\n    @State java.util.List<Object> smuggled = new java.util.ArrayList<>();\n"
                + "    @State int kept = 7;\n").replace("Props props = context.props();",
                "Props props = context.props(); if (smuggled.isEmpty()) { smuggled.add(this); }");
        assertThat(smuggler).isNotEqualTo(labelSource);
        SwapReply first = (SwapReply) shell.call(new SwapRequest("label", "Label.java", smuggler));
        assertThat(first.swapped()).as("%s", first).isTrue();
        SwapReply second = (SwapReply) shell.call(new SwapRequest("label", "Label.java", smuggler + "\n// again\n"));
        assertThat(second.swapped()).as("%s", second).isTrue();
        assertThat(String.join("; ", second.notes())).as("the carry's notes")
                .contains("state field smuggled holds a java.util.ArrayList").contains("not carried");
        table.add("| state | @State holding the cell itself inside a JDK list | swapped; the field is not carried to"
                + " the next generation (checked all the way down) |");
        SwapReply restored = (SwapReply) shell.call(new SwapRequest("label", "Label.java", labelSource));
        assertThat(restored.swapped()).as("%s", restored).isTrue();
    }

    /**
     * Fourteen cells of one type each drawing a 4 MB picture stay under the per-list cap, but together they would not
     * fit the scene: the swap is refused as a whole (before, five 16 MB pictures wedged every later command). Six
     * 11 MB pictures said the same, but one 11 MB first render in a freshly restarted host took longer than the
     * host's 1 s deadline on a loaded CI box (the swap was refused, for that reason instead): a render's cost grows
     * faster than its picture (4 MB: ~0.2 s a swap here, 11 MB: ~1 s).
     */
    @Test
    @Order(4)
    void drawingsThatTogetherOutgrowTheSceneAreRefusedAsOneSwap() throws Exception {
        List<String> extra = java.util.stream.IntStream.range(0, 13).mapToObj(i -> "heavy-" + i).toList();
        for (String id : extra) {
            ChangeReply spawned = (ChangeReply) shell.call(new ChangeRequest("spawn", id, "Label", "center", 24, 0, 0,
                    Map.of()));
            assertThat(spawned.done()).as(spawned.message()).isTrue();
        }
        String heavy = labelSource.replace("Props props = context.props();",
                "Props props = context.props(); canvas.drawImage(new byte[4_000_000], 0, 0, 4, 4);");
        SwapReply reply = (SwapReply) shell.call(new SwapRequest("label", "Label.java", heavy));
        String said = reply.problems().stream().map(ControlMessage.Problem::message).collect(Collectors.joining("; "));
        assertThat(reply.swapped()).as(said).isFalse();
        assertThat(said).contains("MB together");
        table.add("| display lists | every Label on the desktop (fourteen or more) drawing a 4 MB picture | refused as one "
                + "swap: " + firstLine(said) + " |");
        assertTheDesktopGoesOn(new Attack("display lists", "heavy", "", "", Expect.CONTAINED, ""));
        for (String id : extra) {
            ChangeReply removed = (ChangeReply) shell.call(new ChangeRequest("rm", id, "", "", 0, 0, 0, Map.of()));
            assertThat(removed.done()).as(removed.message()).isTrue();
        }
    }

    @Test
    @Order(5)
    void theDesktopStillDrawsAndNothingWasWrittenOutside() throws Exception {
        try (Stream<Path> files = Files.list(canaries)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("writable");
        }
        Path shot = dir.resolve("after-the-attacks.png");
        RunningShell.Result result = shell.cli("shot", shot.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.size(shot)).isGreaterThan(1000);
        assertThat(table).hasSize((int) attacks().count() + 2);
    }
}
