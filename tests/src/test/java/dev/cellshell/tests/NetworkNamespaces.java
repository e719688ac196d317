package dev.cellshell.tests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces joined to this one by veth pairs, one {@code /24} each: namespace i has {@code 10.231.i.2},
 * this side {@code 10.231.i.1}. Needs root, or {@code sudo} without a password; without either the test fails,
 * saying so, never skips. Everything made is removed on close.
 */
public final class NetworkNamespaces implements AutoCloseable {

    private final String prefix = "cs" + Long.toString(ProcessHandle.current().pid() % 100_000, 36);
    private final List<String> namespaces = new ArrayList<>();

    public NetworkNamespaces() {
    }

    /** Makes namespace number {@code i} (1–250) and returns its name. */
    public String add(int i) throws Exception {
        String ns = prefix + "n" + i;
        String outside = prefix + "h" + i;
        String inside = prefix + "c" + i;
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
        run("ip", "link", "set", inside, "netns", ns);
        run("ip", "addr", "add", "10.231." + i + ".1/24", "dev", outside);
        run("ip", "link", "set", outside, "up");
        run("ip", "netns", "exec", ns, "ip", "addr", "add", "10.231." + i + ".2/24", "dev", inside);
        run("ip", "netns", "exec", ns, "ip", "link", "set", inside, "up");
        run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
        return ns;
    }

    /** Takes namespace {@code i}'s link down (a partition) or up again. */
    public void link(int i, boolean up) throws Exception {
        run("ip", "link", "set", prefix + "h" + i, up ? "up" : "down");
    }

    public static String inside(int i) {
        return "10.231." + i + ".2";
    }

    public static String outside(int i) {
        return "10.231." + i + ".1";
    }

    /** What runs a command as root: nothing when this is root, else {@code sudo -n} (which fails, saying why). */
    public static List<String> asRoot() {
        return "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
    }

    static void run(String... command) throws Exception {
        List<String> full = new ArrayList<>(asRoot());
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out
                    + (ProcessHandle.current().info().user().orElse("").equals("root") ? ""
                            : " — network namespaces need root: run ./cell test as root"));
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < namespaces.size(); i++) {
            String ns = namespaces.get(i);
            try {
                run("ip", "netns", "del", ns);
            } catch (Exception e) {
                // gone already
            }
        }
        try {
            Process p = new ProcessBuilder("ip", "-o", "link", "show").start(); // reading needs no root
            String links = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            for (String line : links.split("\n")) {
                String[] parts = line.split(":\\s+");
                if (parts.length > 1 && parts[1].startsWith(prefix)) {
                    run("ip", "link", "del", parts[1].split("@")[0]);
                }
            }
        } catch (Exception e) {
            // best effort: the veth ends go with their namespaces anyway
        }
    }
}
