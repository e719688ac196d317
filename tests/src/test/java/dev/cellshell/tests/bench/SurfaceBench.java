package dev.cellshell.tests.bench;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.shell.workspace.Workspace;
import dev.cellshell.tests.XServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The desktop on real monitors (Xorg's dummy driver, openbox): for one and for two 1920×1080 monitors, the designed
 * desktop with a panel on every monitor (and a second desktop on the second), measured end to end through
 * {@code ./cell run}: launch → the first frame on every monitor, the compositor's cost of one changed cell (process
 * CPU and wall of the frame, every window it touched), of a theme change (every window redrawn), and its CPU while
 * the desktop runs on its own (Meters and SystemMonitor redraw every 1–2 s). Prints JSON.
 * Each through the renderers asked for ({@code --renderer}; default OpenGL and Vulkan, side by side in one run).
 * Run: {@code ./cell surfacebench [RUNS] [MONITORS,…] [RENDERER,…]} (default 3 starts of each of 1 and 2 monitors,
 * gl and vulkan).
 */
public final class SurfaceBench {

    private static final Path ROOT = Path.of(System.getProperty("cellshell.root", ".")).toAbsolutePath().normalize();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> results = new ArrayList<>();
        String[] configurations = args.length > 1 ? args[1].split(",") : new String[] {"1", "2"};
        String[] renderers = args.length > 2 ? args[2].split(",") : new String[] {"gl", "vulkan"};
        for (String configuration : configurations) {
            for (String renderer : renderers) {
                int monitors = Integer.parseInt(configuration);
                results.add(measure(monitors, runs, renderer));
                System.err.println(results.get(results.size() - 1));
            }
        }
        System.out.println("{\"surfaces\": [" + String.join(", ", results) + "]}");
    }

    private static String measure(int monitors, int runs, String renderer) throws Exception {
        double[] start = new double[runs];
        List<Double> oneCellCpu = new ArrayList<>();
        List<Double> oneCellWall = new ArrayList<>();
        List<Double> themeCpu = new ArrayList<>();
        List<Double> themeWall = new ArrayList<>();
        double idle = 0;
        long rss = 0;
        for (int run = 0; run < runs; run++) {
            try (XServer x = XServer.dummyXorg()) {
                x.run("xrandr", "--output", "DUMMY0", "--mode", "1920x1080", "--pos", "0x0", "--primary");
                if (monitors == 2) {
                    x.run("xrandr", "--newmode", "1920x1080_bench", "173.00", "1920", "2048", "2248", "2576", "1080",
                            "1083", "1088", "1120");
                    x.run("xrandr", "--addmode", "DUMMY1", "1920x1080_bench");
                    x.run("xrandr", "--output", "DUMMY1", "--mode", "1920x1080_bench", "--pos", "1920x0");
                }
                String listed = x.run("xrandr", "--listmonitors");
                if (!listed.contains("Monitors: " + monitors)) {
                    throw new IllegalStateException("xrandr did not make " + monitors + " monitors: " + listed);
                }
                Path workspace = Files.createTempDirectory("surfacebench");
                Workspace.open(workspace, "desktop");
                String tissue = Files.readString(workspace.resolve("tissue.json"))
                        .replace("\"monitor\" : \"primary\",\n    \"edge\"", "\"monitor\" : \"all\",\n    \"edge\"");
                if (monitors == 2) {
                    tissue = tissue.replace("\"size\" : 36\n  } ]", "\"size\" : 36\n  }, { \"name\" : \"side\", \"role\" :"
                            + " \"desktop\", \"monitor\" : \"DUMMY1\" } ]").replace("\"id\" : \"calendar\",",
                            "\"id\" : \"calendar\", \"surface\" : \"side\",");
                }
                Files.writeString(workspace.resolve("tissue.json"), tissue);
                long launched = System.nanoTime();
                ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("cell").toString(), "run", "--no-workbench",
                        "--renderer", renderer, "--workspace", workspace.toString()).redirectErrorStream(true)
                        .redirectOutput(workspace.resolve("shell.log").toFile());
                builder.environment().put("DISPLAY", x.display());
                builder.environment().put("CELLSHELL_NO_BUILD", "1");
                Process shell = builder.start();
                try {
                    int expected = monitors == 1 ? 2 : 4;
                    while (true) {
                        try {
                            ControlMessage.StatusReply status = (ControlMessage.StatusReply) call(workspace,
                                    new ControlMessage.StatusRequest());
                            ControlMessage.SurfacesReply surfaces = (ControlMessage.SurfacesReply) call(workspace,
                                    new ControlMessage.SurfacesRequest());
                            if (status.presentedScene() > 0 && surfaces.surfaces().size() == expected) {
                                break;
                            }
                        } catch (java.io.IOException notYet) {
                            // the control socket is not there yet
                        }
                        if (System.nanoTime() - launched > TimeUnit.SECONDS.toNanos(120) || !shell.isAlive()) {
                            throw new IllegalStateException("no frame on every monitor: " + Files.readString(
                                    workspace.resolve("shell.log")));
                        }
                        Thread.sleep(20);
                    }
                    start[run] = (System.nanoTime() - launched) / 1e6;
                    long compositor = shell.toHandle().descendants().filter(p -> p.info().commandLine().orElse("")
                            .contains("CompositorMain")).findFirst().orElseThrow().pid();
                    Thread.sleep(3000);
                    for (int i = 0; i < 20; i++) {
                        change(workspace, new ControlMessage.ChangeRequest("set", "welcome", "", "", 0, 0, 0,
                                java.util.Map.of("text", "Every cell here is live Java " + i)));
                        Thread.sleep(150);
                        ControlMessage.StatsReply stats = (ControlMessage.StatsReply) call(workspace,
                                new ControlMessage.StatsRequest());
                        oneCellCpu.add(stats.stats().lastProcessCpuNanos() / 1e6);
                        oneCellWall.add(stats.stats().lastWallNanos() / 1e6);
                    }
                    for (int i = 0; i < 6; i++) {
                        // Every cell of every window is drawn again, over several frames as the cells answer: the
                        // compositor's CPU from the change to 800 ms later, and how long the shell took to answer it.
                        long cpuBefore = FrameBench.cpuNanos(compositor);
                        long asked = System.nanoTime();
                        change(workspace, new ControlMessage.ChangeRequest("theme", "", i % 2 == 0 ? "light" : "dark",
                                "", 0, 0, 0, java.util.Map.of()));
                        themeWall.add((System.nanoTime() - asked) / 1e6);
                        Thread.sleep(800);
                        themeCpu.add((FrameBench.cpuNanos(compositor) - cpuBefore) / 1e6);
                    }
                    Thread.sleep(2000);
                    long before = ticks(compositor);
                    Thread.sleep(10_000);
                    idle += (ticks(compositor) - before) / 100.0 / 10.0 * 100 / runs;
                    rss = Math.max(rss, rss(compositor));
                } finally {
                    shell.destroy();
                    shell.waitFor(30, TimeUnit.SECONDS);
                    shell.destroyForcibly();
                }
            }
        }
        return String.format(Locale.ROOT, "{\"renderer\": \"%s\", \"monitors\": %d, \"resolution\": \"1920x1080\","
                + " \"runs\": %d, "
                + "\"launch_to_first_frame_on_every_monitor_ms\": %s, \"one_cell_changed\": {\"cpu_ms\": %s, "
                + "\"wall_ms\": %s}, \"theme_change_every_window\": {\"compositor_cpu_ms_in_800ms\": %s, "
                + "\"request_to_answer_ms\": %s}, "
                + "\"compositor_cpu_percent_running_on_its_own\": %.2f, \"compositor_rss_mb\": %d}",
                renderer, monitors, runs, stats(start), stats(oneCellCpu), stats(oneCellWall), stats(themeCpu),
                stats(themeWall), idle, rss / 1024);
    }

    private static ControlMessage call(Path workspace, ControlMessage request) throws java.io.IOException {
        try (Connection<ControlMessage> c = Connection.open(Workspace.controlSocket(workspace), ControlMessage.CODEC)) {
            return c.call(request);
        }
    }

    private static void change(Path workspace, ControlMessage.ChangeRequest request) throws Exception {
        ControlMessage reply = call(workspace, request);
        if (reply instanceof ControlMessage.ChangeReply c && !c.done()) {
            throw new IllegalStateException(request.verb() + " refused: " + c.message());
        }
    }

    /** utime + stime of a process in clock ticks (100 per second), every thread, dead ones included. */
    private static long ticks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static String stats(List<Double> values) {
        return stats(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String stats(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return String.format(Locale.ROOT, "{\"p50\": %.2f, \"p95\": %.2f, \"n\": %d}", p(sorted, 50), p(sorted, 95),
                sorted.length);
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length)
                - 1))];
    }
}
