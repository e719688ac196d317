package dev.cellshell.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.tests.DelayingRelay;
import dev.cellshell.tests.NetworkNamespaces;
import dev.cellshell.tests.XServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./cell remotebench [SAMPLES]}: what remote cells cost, as JSON. Two desktops as two nodes, each in a network
 * namespace of its own (root), laptop reaching buildbox only through a {@link DelayingRelay} whose delay sets the
 * round trip (0, 20, 100 ms added). On a private Xvfb, as a person sees it: edit→pixel (a remote cell's source
 * swapped until the compositor presents it), input→pixel (an XTest click on a remote Button until its pixels change,
 * read with XGetImage); the bytes a second a ticking clock and a busy system monitor move (and what the deltas
 * spared); the time from cutting laptop's link to the cell showing it, and from the link's return to its own frame.
 */
public final class RemoteBench {

    private static final Path ROOT = Path.of(System.getProperty("cellshell.root", ".")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("pairing code ([0-9A-Z]{4}-[0-9A-Z]{4})");
    private static final int PORT = 7611;

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("remotebench");
        Path laptop = dir.resolve("laptop");
        Path buildbox = dir.resolve("buildbox");
        try (NetworkNamespaces net = new NetworkNamespaces(); XServer x = XServer.xvfb(1600, 900);
                TerminalBench.Probe probe = new TerminalBench.Probe(x.display())) {
            String laptopNs = net.add(1);
            String buildboxNs = net.add(2);
            TerminalBench.cli(buildbox, "node", "init", "--name", "buildbox", "--listen",
                    NetworkNamespaces.inside(2) + ":" + PORT);
            TerminalBench.cli(laptop, "node", "init", "--name", "laptop");
            try (DelayingRelay relay = DelayingRelay.start(new InetSocketAddress(NetworkNamespaces.outside(1), 0),
                    new InetSocketAddress(NetworkNamespaces.inside(2), PORT), 0)) {
                Process b = start(buildboxNs, buildbox, dir.resolve("buildbox.log"), null);
                Process a = start(laptopNs, laptop, dir.resolve("laptop.log"), x.display());
                try {
                    Thread.sleep(10_000);
                    long laptopAlone = settledPss(a);
                    long buildboxAlone = settledPss(b);
                    Matcher code = CODE.matcher(TerminalBench.cli(buildbox, "node", "invite", "--types", "*",
                            "--code"));
                    if (!code.find()) {
                        throw new IllegalStateException("no pairing code");
                    }
                    String paired = TerminalBench.cli(laptop, "node", "pair", NetworkNamespaces.outside(1) + ":"
                            + relay.port(), "--code", code.group(1));
                    if (!paired.contains("paired with")) {
                        throw new IllegalStateException(paired);
                    }
                    Thread.sleep(10_000);
                    long laptopLinked = settledPss(a);
                    long buildboxLinked = settledPss(b);
                    String spawns = spawnTimes(laptop);
                    Thread.sleep(5_000);
                    long laptopServed = settledPss(a);
                    long buildboxServing = settledPss(b);
                    remove(laptop, "spawned");
                    String memory = String.format(Locale.ROOT, "{\"laptop_pss_mb\": {\"alone\": %.1f, "
                            + "\"linked\": %.1f, \"with_a_remote_cell\": %.1f}, \"buildbox_pss_mb\": {\"alone\": "
                            + "%.1f, \"linked_gateway\": %.1f, \"serving_a_cell\": %.1f}}", laptopAlone / 1024.0,
                            laptopLinked / 1024.0, laptopServed / 1024.0, buildboxAlone / 1024.0,
                            buildboxLinked / 1024.0, buildboxServing / 1024.0);
                    System.out.println("{\"memory\": " + memory + ", \"spawn_on\": " + spawns + ", "
                            + run(net, relay, probe, laptop, samples).substring(1));
                } finally {
                    a.destroy();
                    b.destroy();
                    a.waitFor(15, TimeUnit.SECONDS);
                    b.waitFor(15, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Process start(String ns, Path workspace, Path log, String display) throws Exception {
        List<String> command = new ArrayList<>(NetworkNamespaces.asRoot());
        command.addAll(List.of("ip", "netns", "exec", ns, ROOT.resolve("cell").toString(), "run",
                "--no-workbench", "--workspace", workspace.toString(), "--template", "demo"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        builder.environment().put("CELLSHELL_ORGANELLES", "none");
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        if (display == null) {
            builder.environment().remove("DISPLAY");
        } else {
            builder.environment().put("DISPLAY", display);
        }
        Process p = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                if (((ControlMessage.StatusReply) TerminalBench.call(workspace, new ControlMessage.StatusRequest()))
                        .presentedScene() > 0) {
                    return p;
                }
            } catch (java.io.IOException notYet) {
                // no control socket yet
            }
            if (System.nanoTime() > deadline || !p.isAlive()) {
                throw new IllegalStateException("the desktop did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static String run(NetworkNamespaces net, DelayingRelay relay, TerminalBench.Probe probe, Path laptop,
            int samples) throws Exception {
        // The same measures for cells of this node, as the baseline.
        spawn(laptop, "Hello", "edited", "top-left", "shared");
        spawn(laptop, "Button", "pressed", "bottom-left", "shared");
        String local = String.format(Locale.ROOT, "{\"edit_to_pixel\": %s, \"input_to_pixel\": %s}",
                TerminalBench.stats(edits(laptop, "local", samples)), TerminalBench.stats(inputs(probe,
                        TerminalBench.cellOnScreen(laptop, "pressed"), samples)));
        remove(laptop, "edited");
        remove(laptop, "pressed");
        spawn(laptop, "Hello", "edited", "top-left");
        spawn(laptop, "Button", "pressed", "bottom-left");
        int[] button = TerminalBench.cellOnScreen(laptop, "pressed");
        StringBuilder rtts = new StringBuilder();
        for (int added : new int[] {0, 20, 100}) {
            relay.delay(added / 2);
            Thread.sleep(1200);
            List<Double> pings = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                pings.add(nodesJson(laptop).path("nodes").get(0).path("roundTripMillis").asDouble());
            }
            double rtt = pings.stream().sorted().toList().get(3);
            List<Double> edits = edits(laptop, Integer.toString(added), samples);
            List<Double> inputs = inputs(probe, button, samples);
            rtts.append(rtts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "\"%d\": {\"measured_rtt_ms\": %.1f, \"edit_to_pixel\": %s, \"input_to_pixel\": %s}", added, rtt,
                    TerminalBench.stats(edits), TerminalBench.stats(inputs)));
        }
        relay.delay(0);
        remove(laptop, "edited");
        remove(laptop, "pressed");
        String clock = traffic(laptop, "Clock", "clock-r");
        String monitor = traffic(laptop, "SystemMonitor", "monitor-r");
        String partition = partition(net, probe, laptop, samples < 5 ? samples : 5);
        return String.format(Locale.ROOT, "{\"local_cells\": %s, \"added_rtt_ms\": {%s}, \"ticking_clock\": %s, "
                + "\"busy_monitor\": %s, \"partition\": %s}", local, rtts, clock, monitor, partition);
    }

    /** Swaps of cell {@code edited}'s source (a Hello), each different: edit→pixel as the shell measures it. */
    private static List<Double> edits(Path laptop, String tag, int samples) throws Exception {
        List<Double> edits = new ArrayList<>();
        String source = Files.readString(laptop.resolve("cells/Hello/Hello.java"));
        for (int i = 0; i < samples; i++) {
            String changed = source.replace("class Hello", "// edit " + tag + "-" + i + "\nclass Hello");
            ControlMessage reply = TerminalBench.call(laptop, new ControlMessage.SwapRequest("edited", "Hello.java",
                    changed));
            if (!(reply instanceof ControlMessage.SwapReply swap) || !swap.swapped() || swap.editToPixelNanos() < 0) {
                throw new IllegalStateException("swap of Hello failed: " + reply);
            }
            edits.add(swap.editToPixelNanos() / 1e6);
        }
        return edits;
    }

    private static List<Double> inputs(TerminalBench.Probe probe, int[] button, int samples) throws Exception {
        List<Double> inputs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            inputs.add(clickToPixel(probe, button));
            Thread.sleep(150);
        }
        return inputs;
    }

    /**
     * The PSS (KB) of a desktop's every process after each JVM of it that {@code jcmd} reaches collected its garbage
     * and trimmed its C heap: the JVMs give back down to 30 % free heap, so what stays is what is kept, not what a
     * collection had not reached yet (a cell host inside its own pid namespace is out of jcmd's reach: as it is).
     */
    private static long settledPss(Process desktop) throws Exception {
        long[] pids = TerminalBench.family(desktop.toHandle());
        for (long pid : pids) {
            if (ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("").endsWith("/java")) {
                for (String command : new String[] {"GC.run", "System.trim_native_heap"}) {
                    Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    jcmd.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
        Thread.sleep(1000);
        return TerminalBench.pss(pids);
    }

    /**
     * {@code cell spawn Hello --on buildbox} end to end (the CLI's JVM included): the first starts buildbox's cell
     * host for laptop; then five more into that host.
     */
    private static String spawnTimes(Path laptop) throws Exception {
        long start = System.nanoTime();
        String first = TerminalBench.cli(laptop, "spawn", "Hello", "--on", "buildbox", "--id", "spawned");
        double cold = (System.nanoTime() - start) / 1e6;
        if (!first.contains("spawn spawned")) {
            throw new IllegalStateException(first);
        }
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            String out = TerminalBench.cli(laptop, "spawn", "Hello", "--on", "buildbox", "--id", "again-" + i);
            warm.add((System.nanoTime() - t) / 1e6);
            if (!out.contains("spawn again-" + i)) {
                throw new IllegalStateException(out);
            }
            remove(laptop, "again-" + i);
        }
        return String.format(Locale.ROOT, "{\"first_ms\": %.1f, \"then\": %s}", cold, TerminalBench.stats(warm));
    }

    /** An XTest click on the cell, then XGetImage until its pixels change; milliseconds (NaN after 3 s). */
    private static double clickToPixel(TerminalBench.Probe probe, int[] rect) throws InterruptedException {
        byte[] before = probe.pixels(rect[0], rect[1], rect[2], rect[3]);
        long start = System.nanoTime();
        probe.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
            if (!Arrays.equals(before, probe.pixels(rect[0], rect[1], rect[2], rect[3]))) {
                return (System.nanoTime() - start) / 1e6;
            }
            Thread.sleep(0, 200_000);
        }
        return Double.NaN;
    }

    /** Bytes a second one remote cell of {@code type} moves over 10 s, and what deltas spared. */
    private static String traffic(Path laptop, String type, String id) throws Exception {
        spawn(laptop, type, id, "center");
        Thread.sleep(2000);
        JsonNode before = nodesJson(laptop).path("nodes").get(0);
        long start = System.nanoTime();
        Thread.sleep(10_000);
        JsonNode after = nodesJson(laptop).path("nodes").get(0);
        double seconds = (System.nanoTime() - start) / 1e9;
        remove(laptop, id);
        double in = (after.path("bytesReceived").asLong() - before.path("bytesReceived").asLong()) / seconds;
        double out = (after.path("bytesSent").asLong() - before.path("bytesSent").asLong()) / seconds;
        double spared = (after.path("bytesSparedByDeltas").asLong() - before.path("bytesSparedByDeltas").asLong())
                / seconds;
        return String.format(Locale.ROOT, "{\"bytes_per_s_in\": %.0f, \"bytes_per_s_out\": %.0f, "
                + "\"bytes_per_s_spared_by_deltas\": %.0f}", in, out, spared);
    }

    /** Cuts laptop's link: until the remote cell's pixels change (dimmed); back up: until they change again. */
    private static String partition(NetworkNamespaces net, TerminalBench.Probe probe, Path laptop, int samples)
            throws Exception {
        spawn(laptop, "Button", "cut", "center");
        int[] rect = TerminalBench.cellOnScreen(laptop, "cut");
        List<Double> detect = new ArrayList<>();
        List<Double> heal = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Thread.sleep(1500);
            byte[] live = probe.pixels(rect[0], rect[1], rect[2], rect[3]);
            long cut = System.nanoTime();
            net.link(1, false);
            detect.add(until(probe, rect, p -> !Arrays.equals(p, live), cut));
            byte[] dimmed = probe.pixels(rect[0], rect[1], rect[2], rect[3]);
            long back = System.nanoTime();
            net.link(1, true);
            heal.add(until(probe, rect, p -> !Arrays.equals(p, dimmed), back));
        }
        remove(laptop, "cut");
        return String.format(Locale.ROOT, "{\"detect_ms\": %s, \"heal_ms\": %s}", TerminalBench.stats(detect),
                TerminalBench.stats(heal));
    }

    private static double until(TerminalBench.Probe probe, int[] rect, java.util.function.Predicate<byte[]> done,
            long from) throws InterruptedException {
        while (System.nanoTime() - from < TimeUnit.SECONDS.toNanos(30)) {
            if (done.test(probe.pixels(rect[0], rect[1], rect[2], rect[3]))) {
                return (System.nanoTime() - from) / 1e6;
            }
            Thread.sleep(5);
        }
        return Double.NaN;
    }

    private static void spawn(Path laptop, String type, String id, String at) throws Exception {
        spawn(laptop, type, id, at, "node:buildbox");
    }

    private static void spawn(Path laptop, String type, String id, String at, String isolation) throws Exception {
        ControlMessage reply = TerminalBench.call(laptop, new ControlMessage.ChangeRequest("spawn", id, type, at, 24,
                0, 0, java.util.Map.of(), "", isolation));
        if (!(reply instanceof ControlMessage.ChangeReply c) || !c.done()) {
            throw new IllegalStateException("spawn " + type + " on buildbox: " + reply);
        }
    }

    private static void remove(Path laptop, String id) throws Exception {
        TerminalBench.call(laptop, new ControlMessage.ChangeRequest("rm", id, "", "", 0, 0, 0, java.util.Map.of()));
    }

    private static JsonNode nodesJson(Path laptop) throws Exception {
        ControlMessage reply = TerminalBench.call(laptop, new ControlMessage.NodeRequest("json", List.of()));
        return JSON.readTree(((ControlMessage.ChangeReply) reply).message());
    }
}
