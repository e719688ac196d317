package dev.cellshell.shell.tissue;

import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Answer;
import dev.cellshell.ipc.HostMessage.Failed;
import dev.cellshell.shell.host.CellHost;
import dev.cellshell.shell.host.Hosts;
import dev.cellshell.widgets.Theme;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tissue's side of the cell hosts: which host a cell runs in, which generations each host has defined and which
 * theme it was last told, and every call into one — answering its service calls as the generation being called,
 * and turning a host's death into {@link Losses#lost}. Used on the tissue thread only.
 */
final class Membrane implements AutoCloseable {

    static final String SHARED = "shared";

    /** What the tissue does about a host that died: its cells lost their instances. */
    interface Losses {
        /**
         * @param cellId the cell being called when it died, empty when none (or it died between calls)
         * @param cellsFault whether that cell is to blame (see {@link CellHost.HostDied#cellsFault})
         */
        void lost(CellHost host, String why, String cellId, boolean cellsFault);
    }

    private final Hosts hosts;
    private final Losses losses;
    private final Map<CellHost, Set<Long>> defined = new HashMap<>();
    private final Map<CellHost, Theme> themeSent = new HashMap<>();
    /** The generation whose code the host runs for the call in progress: its {@code @Uses} rule the services. */
    private Generation calling;

    /**
     * @param betweenCalls told, on a host's reader thread, when a host dies while no call waits on it
     */
    Membrane(Hosts.Factory factory, CellServices services, Losses losses,
            java.util.function.BiConsumer<CellHost, String> betweenCalls) {
        this.losses = losses;
        this.hosts = new Hosts(factory, (cellId, call) -> {
            Generation running = calling;
            return services.answer(cellId, running == null ? Set.of() : running.uses(), call);
        }, betweenCalls);
    }

    /** The host a cell of this isolation runs in, started if needed. */
    CellHost hostFor(String cellId, String isolation) throws IOException {
        return hosts.get(isolation.equals("solo") ? "solo-" + cellId : SHARED);
    }

    CellHost shared() throws IOException {
        return hosts.get(SHARED);
    }

    /** Defines {@code generation} in {@code host} unless it is there; returns why not, or {@code null}. */
    String define(CellHost host, Generation generation, Theme theme) {
        Set<Long> there = defined.computeIfAbsent(host, h -> new HashSet<>());
        if (there.contains(generation.number())) {
            return null;
        }
        Answer answer = call(host, "", generation, theme,
                new HostMessage.Define(generation.number(), generation.type(), generation.classes()));
        if (answer instanceof Failed failed) {
            return failed.error();
        }
        there.add(generation.number());
        return null;
    }

    /** After an in-place redefinition: generation {@code next} names the classes {@code running} named. */
    void alias(long running, long next) {
        defined.values().forEach(numbers -> {
            if (numbers.contains(running)) {
                numbers.add(next);
            }
        });
    }

    /** Tells every host to drop the generations not in {@code kept}, so their class loaders can be collected. */
    void forgetAllBut(Set<Long> kept, Theme theme) {
        for (CellHost host : hosts.live()) {
            Set<Long> there = defined.getOrDefault(host, Set.of());
            for (Long number : List.copyOf(there)) {
                if (!kept.contains(number)) {
                    there.remove(number);
                    call(host, "", null, theme, new HostMessage.Forget(number));
                }
            }
        }
    }

    /**
     * Calls into {@code host} for cell {@code cellId} (empty: for none) running {@code generation}'s code, telling it
     * the theme first when it changed. A host that dies or misses its deadline is forgotten (the next call starts a
     * new one) and reported to {@link Losses}; the caller gets a {@link Failed} with why.
     */
    Answer call(CellHost host, String cellId, Generation generation, Theme theme, HostMessage request) {
        Generation before = calling;
        calling = generation;
        try {
            if (themeSent.get(host) != theme) {
                try {
                    host.call("", new HostMessage.UseTheme(theme.name(), theme.tokens().asMap()));
                } catch (CellHost.HostDied e) {
                    lose(host, e.getMessage(), cellId, false);
                    return new Failed(e.getMessage());
                }
                themeSent.put(host, theme);
            }
            return host.call(cellId, request);
        } catch (CellHost.HostDied e) {
            lose(host, e.getMessage(), cellId, e.cellsFault());
            return new Failed(e.getMessage());
        } finally {
            calling = before;
        }
    }

    /** A host died between calls (its reader saw it go): forget it and tell the tissue. */
    void diedBetweenCalls(CellHost host, String why) {
        lose(host, why, "", false);
    }

    private void lose(CellHost host, String why, String cellId, boolean cellsFault) {
        if (!hosts.holds(host)) {
            return;
        }
        hosts.forget(host);
        defined.remove(host);
        themeSent.remove(host);
        losses.lost(host, why, cellId, cellsFault);
    }

    /** How often host {@code name} died or was killed. */
    int restarts(String name) {
        return hosts.restarts(name);
    }

    @Override
    public void close() {
        hosts.close();
    }
}
