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
 * and turning a host's death into {@link Losses#lost}.
 *
 * <p>Every host has a lane: one thread that makes its calls, in order. The tissue thread either waits for a call
 * ({@link #call}) or goes on and gets the answer later on its own thread ({@link #callLater}) — timed re-renders and
 * input go that way, so a host that hangs until its deadline holds up its own cells, not those of other hosts.
 * Everything else here is used on the tissue thread only.
 */
final class Membrane implements AutoCloseable {

    static final String SHARED = "shared";

    /** What the tissue does about a host that died: its cells lost their instances. */
    interface Losses {
        /**
         * @param host the host that died, or {@code null} when it was already lost (a call that was queued for it)
         * @param cellId the cell being called when it died, empty when none (or it died between calls)
         * @param cellsFault whether that cell is to blame (see {@link CellHost.HostDied#cellsFault})
         */
        void lost(CellHost host, String why, String cellId, boolean cellsFault);
    }

    private final Hosts hosts;
    private final Losses losses;
    private final java.util.concurrent.Executor tissueThread;
    private final Map<CellHost, Set<Long>> defined = new HashMap<>();
    private final Map<CellHost, Theme> themeSent = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<CellHost, java.util.concurrent.ExecutorService> lanes = new HashMap<>();
    /** The generation whose code the host runs for the call in progress on this lane: its @Uses rule the services. */
    private final ThreadLocal<Generation> calling = new ThreadLocal<>();

    /** What a lane brings back: the answer, or why the host died and whether the called cell is to blame. */
    private record Outcome(Answer answer, String died, boolean cellsFault) {
    }

    /**
     * @param betweenCalls told, on a host's reader thread, when a host dies while no call waits on it
     */
    Membrane(Hosts.Factory factory, CellServices services, Losses losses,
            java.util.function.BiConsumer<CellHost, String> betweenCalls, java.util.concurrent.Executor tissueThread) {
        this.losses = losses;
        this.tissueThread = tissueThread;
        this.hosts = new Hosts(factory, (cellId, call) -> {
            Generation running = calling.get();
            return services.answer(cellId, running == null ? Set.of() : running.uses(), call);
        }, betweenCalls);
    }

    /** The host a cell of this isolation runs in, started if needed. */
    CellHost hostFor(String cellId, String isolation) throws IOException {
        String node = dev.cellshell.shell.workspace.CellSpec.nodeOf(isolation);
        if (!node.isEmpty()) {
            return hosts.get("node-" + node);
        }
        return hosts.get(isolation.equals("solo") ? "solo-" + cellId : SHARED);
    }

    CellHost shared() throws IOException {
        return hosts.get(SHARED);
    }

    /** Defines {@code generation} in {@code host} unless it is there; returns why not, or {@code null}. */
    String define(CellHost host, Generation generation, dev.cellshell.runtime.ThemeTokens theme) {
        Set<Long> there = defined.computeIfAbsent(host, h -> new HashSet<>());
        if (there.contains(generation.number())) {
            return null;
        }
        Answer answer = call(host, "", generation, theme,
                new HostMessage.Define(generation.number(), generation.type(), generation.classes(),
                        sourcesOf(generation)));
        if (answer instanceof Failed failed) {
            return failed.error();
        }
        there.add(generation.number());
        return null;
    }

    private static Map<String, String> sourcesOf(Generation generation) {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        generation.sources().forEach(file -> sources.put(file.name(), file.text()));
        return sources;
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
    void forgetAllBut(Set<Long> kept, dev.cellshell.runtime.ThemeTokens theme) {
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
     * the theme first when it changed, and waits for the answer. A host that dies or misses its deadline is forgotten
     * (the next call starts a new one) and reported to {@link Losses}; the caller gets a {@link Failed} with why.
     */
    Answer call(CellHost host, String cellId, Generation generation, dev.cellshell.runtime.ThemeTokens theme, HostMessage request) {
        Outcome outcome;
        try {
            outcome = lane(host).submit(() -> run(host, cellId, generation, theme, request)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            outcome = new Outcome(null, "cell host " + host.name() + " failed: " + e.getCause(), false);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            outcome = new Outcome(null, "cell host " + host.name() + " is gone", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Outcome(null, "interrupted waiting for cell host " + host.name(), false);
        }
        return settle(host, cellId, outcome);
    }

    /**
     * Like {@link #call}, without waiting: the answer arrives on the tissue thread (a lost host already dealt with).
     */
    java.util.concurrent.CompletableFuture<Answer> callLater(CellHost host, String cellId, Generation generation,
            dev.cellshell.runtime.ThemeTokens theme, HostMessage request) {
        java.util.concurrent.CompletableFuture<Outcome> outcome;
        try {
            outcome = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> run(host, cellId, generation, theme, request), lane(host));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            outcome = java.util.concurrent.CompletableFuture.completedFuture(
                    new Outcome(null, "cell host " + host.name() + " is gone", false));
        }
        return outcome.thenApplyAsync(o -> settle(host, cellId, o), tissueThread);
    }

    /** Runs {@code work} on the host's lane (between its calls) and waits for it: for the in-place tier. */
    <T> T onLane(CellHost host, java.util.concurrent.Callable<T> work) throws Exception {
        try {
            return lane(host).submit(work).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private java.util.concurrent.ExecutorService lane(CellHost host) {
        if (!hosts.holds(host)) {
            throw new java.util.concurrent.RejectedExecutionException("cell host " + host.name() + " is gone");
        }
        return lanes.computeIfAbsent(host, h -> java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "host-lane-" + h.name());
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** On the host's lane: the call itself. */
    private Outcome run(CellHost host, String cellId, Generation generation, dev.cellshell.runtime.ThemeTokens theme, HostMessage request) {
        calling.set(generation);
        try {
            if (themeSent.get(host) != theme) {
                try {
                    host.call("", new HostMessage.UseTheme(theme.name(), theme.tokens()));
                } catch (CellHost.HostDied e) {
                    return new Outcome(null, e.getMessage(), false);
                }
                themeSent.put(host, theme);
            }
            return new Outcome(host.call(cellId, request), null, false);
        } catch (CellHost.HostDied e) {
            return new Outcome(null, e.getMessage(), e.cellsFault());
        } finally {
            calling.remove();
        }
    }

    /** On the tissue thread: the answer, or the loss of the host dealt with and why as a {@link Failed}. */
    private Answer settle(CellHost host, String cellId, Outcome outcome) {
        if (outcome.died() == null) {
            return outcome.answer();
        }
        lose(host, outcome.died(), cellId, outcome.cellsFault());
        return new Failed(outcome.died());
    }

    /** A host died between calls (its reader saw it go): forget it and tell the tissue. */
    void diedBetweenCalls(CellHost host, String why) {
        lose(host, why, "", false);
    }

    private void lose(CellHost host, String why, String cellId, boolean cellsFault) {
        if (!hosts.holds(host)) {
            losses.lost(null, why, cellId, false);
            return;
        }
        hosts.forget(host);
        defined.remove(host);
        themeSent.remove(host);
        java.util.concurrent.ExecutorService lane = lanes.remove(host);
        if (lane != null) {
            lane.shutdown();
        }
        losses.lost(host, why, cellId, cellsFault);
    }

    @Override
    public void close() {
        hosts.close();
        lanes.values().forEach(java.util.concurrent.ExecutorService::shutdownNow);
        lanes.clear();
    }
}
