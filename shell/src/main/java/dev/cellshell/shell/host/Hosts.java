package dev.cellshell.shell.host;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's book of cell hosts: starts one when a cell needs it, forgets one that died (the next call starts
 * a new one). Used on the tissue thread only.
 */
public final class Hosts implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Hosts.class);

    /** Starts the host called {@code name}, whose service calls go to {@code desk}. */
    @FunctionalInterface
    public interface Factory {
        /** @param deaths told when the host dies between calls (from any thread) */
        CellHost start(String name, ServiceDesk desk, java.util.function.BiConsumer<CellHost, String> deaths)
                throws IOException;

        /** Hosts inside this JVM (tests, and the {@code --in-place} development tier). */
        static Factory inProcess(ClassLoader parent) {
            return (name, desk, deaths) -> new InProcessHost(name, parent, desk);
        }

        /** Child processes behind the kernel's walls. */
        static Factory processes(HostLaunch launch) {
            return (name, desk, deaths) -> HostProcess.start(name, launch, desk, deaths);
        }
    }

    private final Factory factory;
    private final ServiceDesk desk;
    private final Map<String, CellHost> live = new LinkedHashMap<>();

    private final java.util.function.BiConsumer<CellHost, String> deaths;

    public Hosts(Factory factory, ServiceDesk desk, java.util.function.BiConsumer<CellHost, String> deaths) {
        this.factory = factory;
        this.desk = desk;
        this.deaths = deaths;
    }

    /** The live host {@code name}, started now if there is none. */
    public CellHost get(String name) throws IOException {
        CellHost host = live.get(name);
        if (host != null && host.alive()) {
            return host;
        }
        long started = System.nanoTime();
        host = factory.start(name, desk, deaths);
        live.put(name, host);
        if (host.pid() >= 0) {
            LOG.info("cell host {} up in {} ms (pid {}; walls: {})", name, (System.nanoTime() - started) / 1_000_000,
                    host.pid(), host.walls().isEmpty() ? "none" : String.join(", ", host.walls()));
        }
        return host;
    }

    /** Whether {@code host} is the one this book holds under its name. */
    public boolean holds(CellHost host) {
        return live.get(host.name()) == host;
    }

    /** Drops a host that died or is no longer needed (killed if it still runs). */
    public void forget(CellHost host) {
        live.remove(host.name(), host);
        host.close();
    }

    public List<CellHost> live() {
        return List.copyOf(live.values());
    }

    @Override
    public void close() {
        live.values().forEach(CellHost::close);
        live.clear();
    }
}
