package dev.cellshell.shell.tissue;

import dev.cellshell.runtime.ThemeTokens;
import dev.cellshell.runtime.PropValues;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Answer;
import dev.cellshell.ipc.HostMessage.Failed;
import dev.cellshell.shell.host.CellHost;
import dev.cellshell.shell.host.Hosts;
import dev.cellshell.shell.host.InProcessHost;
import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.GenerationLoader;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.Catalog;
import dev.cellshell.shell.workspace.CellSpec;
import dev.cellshell.shell.workspace.TissueSpec;
import dev.cellshell.shell.workspace.TypeSize;
import dev.cellshell.shell.workspace.SurfacePlacement;
import dev.cellshell.shell.workspace.Workspace;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Color;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.InputEvent;
import dev.cellshell.widgets.Props;
import dev.cellshell.ipc.HostMessage.CallContext;
import dev.cellshell.widgets.Theme;
import dev.cellshell.widgets.Token;
import dev.cellshell.assets.Assets;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live cells. Every mutation runs on the tissue thread. Cell code never runs here: each cell's instance lives in
 * a cell host ({@link CellHost}), called from the tissue thread through {@link #call}, which turns a failing cell into
 * a fault (rollback or quarantine) and a host that dies or hangs into a restart of that host with its cells' saved
 * state. Compiles run on the compiler thread.
 */
public final class Tissue implements dev.cellshell.shell.axon.PeerWork, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tissue.class);
    /** More faults than this within {@link #FAULT_WINDOW_NANOS} quarantine a cell (OTP's restart intensity). */
    static final int MAX_FAULTS = 3;
    /** A render longer than one 60 Hz frame is slow; this many in a row make a cell unhealthy (and throttled). */
    static final long FRAME_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(16);
    static final int SLOW_RENDERS = 3;
    /** The shortest delay between timed re-renders of an unhealthy cell. */
    static final long THROTTLED_MILLIS = 250;
    /**
     * The window of the restart intensity. A cell that fails every time is restarted in it until quarantined, and one
     * that hangs costs a host start and the 1 s deadline a round (2-3 s on a loaded machine): 10 s let such a cell go
     * on restarting for ever.
     */
    static final long FAULT_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Workspace workspace;
    private final LiveCompiler compiler;
    private final Membrane membrane;
    private long nextInstance = 1;
    /** Errors of calls whose host was lost without the called cell being to blame: not counted as faults. */
    private final java.util.Set<String> notFaults = new java.util.HashSet<>();
    private final Supplier<Instant> clock;
    private final boolean timeFrozen;
    private final SceneSink sink;
    private final Instrumentation inPlace;
    private final TissueStore store;
    private final TissueJournal journal;
    private final ScheduledExecutorService tissueThread = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "tissue"));
    private volatile Nodes nodes = Nodes.NONE;
    private final ExecutorService compilerThread = Executors.newSingleThreadExecutor(r -> daemon(r, "live-compiler"));
    private final Map<String, LiveCell> cells = new LinkedHashMap<>();
    private final Map<String, Generation> generations = new HashMap<>();
    /** Per type, the generation that ran before the current one: where a faulting cell is rolled back to. */
    private final Map<String, Generation> lastGood = new HashMap<>();
    private ThemeTokens theme = ThemeTokens.none();
    private boolean handlingFault;
    /** Per type, the sources the tissue wrote to the workspace recently (by cache key), and when. */
    private final Map<String, Map<String, Long>> written = new HashMap<>();
    private final CellServices services;
    /** The tissue.json texts this tissue wrote lately (tissue thread only), so the watcher ignores them. */
    private final Map<String, Long> writtenTissue = new LinkedHashMap<>();
    /** How long the tissue's own writes are not taken for edits: a person reverting to one after that is. */
    static final long OWN_WRITE_MEMORY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private final List<TissueListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, PendingSwap> pending = new HashMap<>();
    private final Map<String, List<SourceFile>> requested = new HashMap<>();
    private volatile List<CellView> views = List.of();
    /** The services each cell's running generation declares, as of the last change (read off the tissue thread). */
    private volatile Map<String, java.util.Set<String>> uses = Map.of();
    private volatile TissueSpec spec;
    /** The monitors the compositor reported (none yet: the tissue's desktop size stands in). Tissue thread. */
    private List<SceneMessage.Monitor> monitors = List.of();
    /** Where the surfaces are on those monitors. */
    private volatile SurfacePlacement placement;
    private long nextGeneration = 1;
    private long sceneVersion;
    private LiveCell focused;
    /** The programs of terminal cells: they outlive generations and end when their cell leaves. */
    private final dev.cellshell.shell.terminal.Terminals terminals;
    /** Cells whose terminal changed and that wait for their redraw (coalesces a flood of output). */
    private final java.util.Set<String> terminalsChanged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When each cell last rang its terminal's bell (at most one notice every 5 s). Tissue thread. */
    private final Map<String, Long> bells = new HashMap<>();
    /** Terminal output is drawn at most once per this (a frame)… */
    static final long TERMINAL_FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(16);
    /** …and, while it keeps coming (a frame less than {@link #TERMINAL_QUIET_NANOS} after the last), once per this. */
    static final long TERMINAL_FLOOD_FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong(
            "cellshell.terminal.floodFrameMillis", 50));
    static final long TERMINAL_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private volatile java.util.function.BiConsumer<Long, Long> inputPublished = (arrived, version) -> { };

    /**
     * @param clock the desktop's time; {@code timeFrozen} says it never moves, so cells are not re-rendered on ticks
     */
    public Tissue(Workspace workspace, LiveCompiler compiler, ClassLoader host, Supplier<Instant> clock,
            boolean timeFrozen, SceneSink sink) {
        this(workspace, compiler, host, clock, timeFrozen, sink, null);
    }

    /**
     * @param inPlace when not null, swaps that change only method bodies redefine the running classes in place
     *     (keeping identity and static state) instead of making a new generation
     */
    public Tissue(Workspace workspace, LiveCompiler compiler, ClassLoader host, Supplier<Instant> clock,
            boolean timeFrozen, SceneSink sink, Instrumentation inPlace) {
        this(workspace, compiler, host, clock, timeFrozen, sink, inPlace, TissueStore.NONE);
    }

    /** @param store where each cell's props and state, and compiled generations, are persisted */
    public Tissue(Workspace workspace, LiveCompiler compiler, ClassLoader host, Supplier<Instant> clock,
            boolean timeFrozen, SceneSink sink, Instrumentation inPlace, TissueStore store) {
        this(workspace, compiler, host, clock, timeFrozen, sink, inPlace, store, TissueJournal.NONE);
    }

    /** @param journal where every change (and every refused one) is recorded before it is acknowledged */
    public Tissue(Workspace workspace, LiveCompiler compiler, ClassLoader host, Supplier<Instant> clock,
            boolean timeFrozen, SceneSink sink, Instrumentation inPlace, TissueStore store, TissueJournal journal) {
        this(workspace, compiler, Hosts.Factory.inProcess(host), clock, timeFrozen, sink, inPlace, store, journal);
    }

    /**
     * @param hostFactory where cells run: child processes for a person's desktop, in-process hosts in unit tests (and
     *     for the {@code --in-place} tier, whose agent lives in this JVM)
     */
    public Tissue(Workspace workspace, LiveCompiler compiler, Hosts.Factory hostFactory, Supplier<Instant> clock,
            boolean timeFrozen, SceneSink sink, Instrumentation inPlace, TissueStore store, TissueJournal journal) {
        this.journal = journal;
        this.store = store;
        this.inPlace = inPlace;
        this.workspace = workspace;
        this.compiler = compiler;
        this.clock = clock;
        this.timeFrozen = timeFrozen;
        this.sink = sink;
        this.terminals = new dev.cellshell.shell.terminal.Terminals(new dev.cellshell.shell.terminal.Terminals.Owner() {
            @Override
            public void changed(String cellId) {
                terminalChanged(cellId);
            }

            @Override
            public void bell(String cellId) {
                bell(cellId);
            }

            @Override
            public String command(String cellId) {
                // asked on a terminal's starting thread, never on a host's lane: waiting for the tissue is safe
                try {
                    return CompletableFuture.supplyAsync(() -> {
                        LiveCell cell = cells.get(cellId);
                        return cell == null ? "" : cell.props.string("command", "");
                    }, tissueThread).get(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the command of " + cellId);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("the command of " + cellId + " cannot be read: " + e);
                }
            }
        }, terminalFolder(), dev.cellshell.terminal.Screen.DEFAULT_SCROLLBACK);
        this.services = new CellServices(workspace, this, (cellId, message) ->
                listeners.forEach(l -> l.notified(cellId, message)), terminals);
        services.sendPicturesTo(sink::picture);
        this.membrane = new Membrane(hostFactory, services, this::hostLost, this::hostDiedBetweenCalls,
                command -> {
                    try {
                        tissueThread.execute(command);
                    } catch (java.util.concurrent.RejectedExecutionException closing) {
                        // The tissue has closed: an answer that comes after that has nobody to go to.
                    }
                });
    }

    /**
     * The organelles cells' services come from (notifications, apps, windows, power, network, media, tray); before
     * start. Whenever one changes, the cells that use its service are drawn again.
     */
    public void useOrganelles(dev.cellshell.shell.organelles.Organelles organelles) {
        services.useOrganelles(organelles);
        organelles.onChange(this::redrawUsers);
    }

    /** Which other nodes this one can run cells on, and whether each is reachable now. */
    public interface Nodes {
        /** Whether {@code node} is paired and this node can reach it. */
        boolean knows(String node);

        boolean ready(String node);

        Nodes NONE = new Nodes() {
            @Override
            public boolean knows(String node) {
                return false;
            }

            @Override
            public boolean ready(String node) {
                return false;
            }
        };
    }

    /** The nodes cells may run on ({@code cell spawn --on}); before start. */
    public void useNodes(Nodes nodes) {
        this.nodes = nodes;
    }

    /**
     * The link to {@code node} came up (any thread): its cells that lost their host get one there again, with their
     * last saved state; or it went down: theirs show what they showed last, dimmed, until then.
     */
    public void nodeReadiness(String node, boolean ready) {
        try {
            tissueThread.execute(() -> {
                List<LiveCell> waiting = cells.values().stream().filter(c -> c.node().equals(node)
                        && c.instance == 0).toList();
                if (ready) {
                    LOG.info("node '{}' is reachable: restoring {} cell(s) there", node, waiting.size());
                    restore(waiting);
                } else {
                    waiting.forEach(this::showStandIn);
                    publish();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closing
        }
    }

    /** Where {@link dev.cellshell.widgets.SystemStats} reads from (tests and golden images fix it); before start. */
    public void useSystemStats(dev.cellshell.widgets.SystemStats stats) {
        services.useSystemStats(stats);
    }

    /**
     * Where the window manager's workspaces come from and where a cell's switch goes. Call
     * {@link #workspacesChanged} when they change: the cells that use them are drawn again.
     */
    public void useWorkspaces(java.util.function.Supplier<SceneMessage.Workspaces> source,
            java.util.function.IntConsumer switchTo) {
        services.useWorkspaces(source, switchTo);
    }

    /** The workspaces changed: every cell whose class uses {@code Workspaces} is drawn again. */
    public void workspacesChanged() {
        redrawUsers("Workspaces");
    }

    /**
     * A cell's terminal changed: it is drawn again, at most once a frame however much output comes (the first change
     * after a quiet frame at once, so a keystroke's echo is not held back).
     */
    private void terminalChanged(String cellId) {
        if (!terminalsChanged.add(cellId)) {
            return;
        }
        try {
            tissueThread.execute(() -> {
                terminalsChanged.remove(cellId);
                LiveCell cell = cells.get(cellId);
                if (cell == null) {
                    return;
                }
                if (timeFrozen) {
                    render(cell);
                    publish();
                    return;
                }
                if (cell.renderScheduled) {
                    return; // the redraw on its way shows this change too
                }
                // After a quiet spell the change is drawn at once (a keystroke's echo); while output keeps coming,
                // at most every FLOOD frame, so drawing does not take the processor the program's output needs.
                // lastTerminalFrame is when the last redraw was to run: it has run, as none is scheduled.
                long now = System.nanoTime();
                long since = now - cell.lastTerminalFrame;
                long frame = since < TERMINAL_QUIET_NANOS ? TERMINAL_FLOOD_FRAME_NANOS : TERMINAL_FRAME_NANOS;
                long wait = since >= frame ? 0 : frame - since;
                cell.lastTerminalFrame = now + wait;
                scheduleRender(cell, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            terminalsChanged.remove(cellId);
        }
    }

    /** Programs asking for the terminal's colours are told the theme's, as the Terminal cell draws them. */
    private void tellTerminalsTheColors() {
        terminals.useColors(theme.color("terminal.foreground", theme.color(Token.ON_SURFACE)),
                theme.color("terminal.background", theme.color(Token.SURFACE)));
    }

    /** Where terminals start: the person's home ({@code $HOME}, else the JVM's idea of it). */
    private static java.nio.file.Path terminalFolder() {
        String home = System.getenv("HOME");
        return home != null && !home.isBlank() && java.nio.file.Files.isDirectory(java.nio.file.Path.of(home))
                ? java.nio.file.Path.of(home) : java.nio.file.Path.of(System.getProperty("user.home"));
    }

    /** A cell's terminal rang its bell: a notice (at most one every 5 s per cell). */
    private void bell(String cellId) {
        try {
            tissueThread.execute(() -> {
                long now = System.nanoTime();
                Long last = bells.get(cellId);
                if (last == null || now - last > TimeUnit.SECONDS.toNanos(5)) {
                    bells.put(cellId, now);
                    services.notice(cellId, "bell");
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the tissue closes
        }
    }

    /**
     * What {@code cell show} says of a cell's terminal: its screen text, cursor, title, size, whether its program
     * runs; empty for a cell without one. Safe from any thread.
     */
    public Map<String, String> terminalOf(String cellId) {
        return terminals.describe(cellId);
    }

    /**
     * The services the cell's running generation declares, each with why it does not work now (empty when it
     * does): for {@code cell show} and the workbench.
     */
    public Map<String, String> servicesOf(String cellId) {
        Map<String, String> status = new java.util.TreeMap<>();
        for (String service : uses.getOrDefault(cellId, java.util.Set.of())) {
            status.put(service, services.unavailable(service));
        }
        return status;
    }

    /**
     * Types into a cell as the keyboard would: it gets the keyboard focus, then each event in order (typed text and
     * key presses and releases). Completes once the cell handled them all.
     */
    public CompletableFuture<Change> type(String cellId, List<InputEvent> events, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.get(cellId);
            if (cell == null) {
                return CompletableFuture.completedFuture(unknown(cellId));
            }
            if (cell.instance == 0) {
                return CompletableFuture.completedFuture(new Change(false, cellId, "cell '" + cellId
                        + "' is not running (" + (cell.lastError.isEmpty() ? "no instance" : cell.lastError) + ")",
                        -1));
            }
            long arrived = System.nanoTime();
            List<CompletableFuture<Void>> handled = new ArrayList<>();
            if (focused != cell) {
                LiveCell losing = focused;
                focused = cell;
                if (losing != null && cells.get(losing.id) == losing) {
                    handled.add(deliver(losing, new InputEvent.Focus(false), arrived));
                }
                handled.add(deliver(cell, new InputEvent.Focus(true), arrived));
            }
            for (InputEvent event : events) {
                handled.add(deliver(cell, event, arrived));
            }
            return CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).thenApply(done ->
                    new Change(true, cellId, "typed " + events.size() + " events into " + cellId, sceneVersion));
        }, tissueThread).thenCompose(answer -> answer);
    }

    /** Draws again (on the tissue thread, later) every cell whose class declares {@code service} in its {@code @Uses}. */
    private void redrawUsers(String service) {
        tissueThread.execute(() -> {
            boolean any = false;
            for (LiveCell cell : new ArrayList<>(cells.values())) {
                if (cell.generation != null && cell.generation.uses().contains(service)) {
                    render(cell);
                    any = true;
                }
            }
            if (any) {
                publish();
            }
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Reads the tissue definition, compiles every cell type, renders every cell and publishes the first scene. */
    public CompletableFuture<Void> start() {
        // The shared cell host's JVM boots on the tissue thread while the compiler thread compiles the cells.
        tissueThread.execute(() -> {
            try {
                membrane.shared();
            } catch (IOException e) {
                LOG.error("the shared cell host did not start: {} (cells will say so)", e.getMessage());
            }
        });
        return CompletableFuture.supplyAsync(() -> {
            try {
                TissueSpec tissue = workspace.readTissue();
                Map<String, List<SourceFile>> sources = new LinkedHashMap<>();
                for (CellSpec cell : tissue.cells()) {
                    sources.computeIfAbsent(cell.type(), this::readSourcesOrEmpty);
                }
                Map<String, CompileResult> results = new LinkedHashMap<>();
                sources.forEach((type, files) -> results.put(type, files.isEmpty() ? null : compileCached(files)));
                return new Object[] {tissue, sources, results};
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the workspace " + workspace.root() + ": "
                        + e.getMessage(), e);
            }
        }, compilerThread).thenAcceptAsync(loaded -> {
            spec = placed((TissueSpec) loaded[0]);
            try {
                theme = loadTheme(spec.theme());
                tellTerminalsTheColors();
            } catch (IllegalArgumentException e) {
                LOG.error("{}; drawing without a theme", e.getMessage());
            }
            spec.problems().forEach(problem -> LOG.error("{} (that cell is left out)", problem));
            @SuppressWarnings("unchecked")
            Map<String, List<SourceFile>> sources = (Map<String, List<SourceFile>>) loaded[1];
            @SuppressWarnings("unchecked")
            Map<String, CompileResult> results = (Map<String, CompileResult>) loaded[2];
            results.forEach((type, result) -> loadAtStart(type, sources.get(type), result));
            sources.forEach((type, files) -> {
                Generation running = generations.get(type);
                String firstCell = spec.cells().stream().filter(c -> c.type().equals(type)).map(CellSpec::id)
                        .findFirst().orElse("");
                if (running != null) {
                    journal.record("shell", "load", firstCell, type, running.number(), files, files, "loaded");
                }
            });
            for (CellSpec cellSpec : spec.cells()) {
                LiveCell cell = new LiveCell(cellSpec);
                cells.put(cell.id, cell);
                Generation generation = generations.get(cell.type);
                java.util.Optional<TissueStore.SavedCell> saved = store.load(cell.id);
                saved.ifPresent(s -> cell.props = PropValues.of(s.props()));
                if (generation != null) {
                    instantiate(cell, generation, saved.map(TissueStore.SavedCell::state).orElse(Map.of()), 0);
                }
                render(cell);
                persist(cell);
            }
            publish();
        }, tissueThread);
    }

    /**
     * Compiles on the compiler thread, or takes the classes of an earlier identical compile from the generation
     * store (no diagnostics then: only error-free compiles are stored). The loader checks the sandbox again either
     * way, so a tampered store cannot smuggle anything in.
     */
    private CompileResult compileCached(List<SourceFile> sources) {
        return compileCached(sources, () -> false);
    }

    private CompileResult compileCached(List<SourceFile> sources, java.util.function.BooleanSupplier stale) {
        long start = System.nanoTime();
        String key = compiler.cacheKey(sources);
        java.util.Optional<Map<String, byte[]>> cached = store.classes(key);
        if (cached.isPresent()) {
            return new CompileResult(cached.get(), List.of(), System.nanoTime() - start);
        }
        CompileResult result = compiler.compile(sources, stale);
        if (result.succeeded()) {
            store.saveClasses(key, result.classes());
        }
        return result;
    }

    /**
     * Compiles {@code sources} of {@code type} for a peer on the compiler thread, under this node's sandbox (its
     * host's loader checks the classes again when it defines them).
     */
    @Override
    public CompletableFuture<dev.cellshell.shell.axon.PeerWork.Code> compileForPeer(String type, List<SourceFile> sources) {
        return CompletableFuture.supplyAsync(() -> {
            if (sources.isEmpty()) {
                return new dev.cellshell.shell.axon.PeerWork.Code(Map.of(), java.util.Set.of(), "no sources of " + type);
            }
            CompileResult result = compileCached(sources);
            if (!result.succeeded()) {
                return new dev.cellshell.shell.axon.PeerWork.Code(Map.of(), java.util.Set.of(), type + " does not compile here: "
                        + result.errors().get(0).format());
            }
            if (!result.classes().containsKey(type)) {
                return new dev.cellshell.shell.axon.PeerWork.Code(Map.of(), java.util.Set.of(), "the sources of " + type + " declare no class "
                        + type);
            }
            Generation generation = Generation.of(type, 0, result.classes(), sources);
            return new dev.cellshell.shell.axon.PeerWork.Code(result.classes(), generation.uses(), null);
        }, compilerThread);
    }

    /** This node's own sources of {@code type} (empty when it has none). */
    @Override
    public List<SourceFile> ownSources(String type) {
        return java.nio.file.Files.isDirectory(workspace.typeDirectory(type)) ? readSourcesOrEmpty(type) : List.of();
    }

    /**
     * Answers a service call of a cell this node runs for peer {@code peer}. Only the services whose answers mean
     * the same on the peer's screen cross ({@link #PEER_SERVICES}: this machine's stats, power and network, and a
     * storage of the peer's own): a picture would name this node's compositor, a clipboard or a spawn this desktop.
     */
    @Override
    public Object answerForPeer(String peer, String cellId, java.util.Set<String> uses,
            dev.cellshell.ipc.HostMessage.ServiceCall call) {
        if (!PEER_SERVICES.contains(call.service())) {
            throw new IllegalStateException(call.service() + " is not for a cell that runs for another node (here: "
                    + String.join(", ", new java.util.TreeSet<>(PEER_SERVICES)) + ")");
        }
        return services.answer("peer-" + peer + "-" + cellId, uses, call);
    }

    /** The services a cell that runs for another node may use here. */
    public static final java.util.Set<String> PEER_SERVICES = java.util.Set.of("SystemStats", "Storage", "Power",
            "Network");

    /**
     * Queues {@code compiles} throw-away compiles on the compiler thread, behind any real swap already queued, so
     * the JIT has seen the compiler's hot paths before the first real swap.
     */
    public void warmUpCompiler(int compiles) {
        for (int i = 0; i < compiles; i++) {
            compilerThread.execute(compiler::warmUp);
        }
    }

    private List<SourceFile> readSourcesOrEmpty(String type) {
        try {
            return workspace.readSources(type);
        } catch (IOException e) {
            LOG.error("cell type {}: {}", type, e.getMessage());
            return List.of();
        }
    }

    private void loadAtStart(String type, List<SourceFile> sources, CompileResult result) {
        if (result == null) {
            return;
        }
        if (!result.succeeded()) {
            result.errors().forEach(d -> LOG.error("cell type {} does not compile: {}", type, d.format()));
            return;
        }
        try {
            generations.put(type, define(type, result, sources));
        } catch (IllegalArgumentException | SecurityException e) {
            LOG.error("cell type {} cannot be loaded: {}", type, e.getMessage());
        }
    }

    /**
     * Makes a generation and defines it in the shared host, which checks it (sandbox at load time, a class named
     * like the type that is a {@code Cell} with a constructor without parameters).
     *
     * @throws IllegalArgumentException saying why it cannot run
     */
    private Generation define(String type, CompileResult result, List<SourceFile> sources) {
        Generation generation = Generation.of(type, nextGeneration++, result.classes(), sources);
        String refused;
        try {
            refused = membrane.define(membrane.shared(), generation, theme);
        } catch (IOException e) {
            refused = "no cell host to run it: " + e.getMessage();
        }
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        return generation;
    }

    /** Defines {@code generation} in {@code host} unless it is there; returns why not, or {@code null}. */
    private String ensureDefined(CellHost host, Generation generation) {
        return membrane.define(host, generation, theme);
    }

    /**
     * Tells every host to drop the generations no cell runs and no rollback can return to, so their class loaders
     * can be collected there.
     */
    private void forgetUnused() {
        java.util.Set<Long> kept = new java.util.HashSet<>();
        generations.values().forEach(g -> kept.add(g.number()));
        lastGood.values().forEach(g -> kept.add(g.number()));
        cells.values().forEach(c -> kept.add(c.generationNumber()));
        membrane.forgetAllBut(kept, theme);
    }

    /**
     * Moves a running cell to another host by isolation: its state is saved, its instance closed, and a new one
     * made in the other host from the saved state.
     */
    private void moveToIsolation(LiveCell cell, String isolation) {
        if (cell.instance != 0) {
            String refused = divideInto(cell, isolation);
            if (refused == null) {
                return;
            }
            LOG.warn("cell '{}' could not divide into {} ({}): it restarts there from its saved state", cell.id,
                    where(isolation), refused);
        }
        persist(cell);
        closeQuietly(cell, cell.host, cell.instance);
        cell.instance = 0;
        cell.host = null;
        cell.isolation = isolation;
        if (cell.generation != null && cell.quarantined.isEmpty()) {
            instantiate(cell, cell.generation, savedState(cell), 0);
        }
    }

    /**
     * A cell whose call killed its host runs alone from now on (written to tissue.json), so that it cannot take
     * the cells it shared a host with down again.
     */
    private void isolateAfterFault(LiveCell cell) {
        if (cell.isolation.equals(CellSpec.SOLO) || cells.get(cell.id) != cell) {
            return;
        }
        if (!cell.node().isEmpty()) {
            // It runs on another node, which gives each peer's cells hosts of their own: moving it to a solo host
            // would bring its code home. Its faults still count (quarantine).
            return;
        }
        LOG.warn("cell '{}' ({}) took its cell host down: it runs in a host of its own from now on", cell.id,
                cell.type);
        cell.isolation = CellSpec.SOLO;
        CellSpec declared = spec.cell(cell.id);
        if (declared != null) {
            saveSpec(spec.withCells(spec.cells().stream().map(c -> c.id().equals(cell.id)
                    ? c.withIsolation(CellSpec.SOLO) : c).toList()));
        }
    }

    /** The host a cell runs in, started if needed. */
    private CellHost hostFor(LiveCell cell) throws IOException {
        return membrane.hostFor(cell.id, cell.isolation);
    }

    /** Calls into a host for {@code cell} (null: for no cell) running {@code generation}'s code. */
    private Answer call(CellHost host, LiveCell cell, Generation generation, HostMessage request) {
        return membrane.call(host, cell == null ? "" : cell.id, generation, theme, request);
    }

    /** A host died while no call was waiting on it (killed from outside, crashed): restore its cells now. */
    private void hostDiedBetweenCalls(CellHost host, String why) {
        try {
            tissueThread.execute(() -> membrane.diedBetweenCalls(host, why));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The tissue is closing and takes its hosts down itself.
        }
    }

    /**
     * A host died (its {@link Membrane} forgot it): its cells lose their instances and are restored from their saved
     * state right after the current operation; the cell being called, when to blame, runs alone from now on, and
     * otherwise its failed call is no fault of its own.
     */
    private void hostLost(CellHost host, String why, String cellId, boolean cellsFault) {
        LiveCell calling = cells.get(cellId);
        if (calling != null && cellsFault) {
            isolateAfterFault(calling);
            calling.restores.add(System.nanoTime());
        } else if (calling != null) {
            notFaults.add(why);
        }
        if (host == null) {
            return;
        }
        List<LiveCell> lost = new ArrayList<>();
        for (LiveCell cell : cells.values()) {
            if (cell.host == host) {
                cell.instance = 0;
                cell.host = null;
                lost.add(cell);
            }
        }
        if (calling != null && calling.instance == 0 && !lost.contains(calling)) {
            // The host died while it was being given this cell (a restore's Define or Instantiate missed its
            // deadline): the cell has no host to lose, but it needs restoring as much as the others, or it would
            // stay without an instance (faults still count, and enough of them quarantine it).
            lost.add(calling);
        }
        LOG.error("{}; restoring {} cell(s) from their saved state: {}", why, lost.size(),
                lost.stream().map(c -> c.id).toList());
        views = cells.values().stream().map(LiveCell::view).toList();
        uses = usesOfCells();
        List<LiveCell> remote = lost.stream().filter(c -> !c.node().isEmpty()).toList();
        List<LiveCell> local = lost.stream().filter(c -> c.node().isEmpty()).toList();
        tissueThread.execute(() -> restore(local));
        if (!remote.isEmpty()) {
            // Not at once: a link that just broke may still look up for a moment, and a stream opened on it would
            // fail again at once. Cells whose node is out of reach wait for nodeReadiness.
            remote.forEach(this::showStandIn);
            publish();
            tissueThread.schedule(() -> restore(remote), REMOTE_RESTORE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** How long after losing a remote host its cells are restored there (when the link is up). */
    private static final long REMOTE_RESTORE_MILLIS = 300;

    /** Gives cells whose host died a new instance of their generation, with their last saved state. */
    private void restore(List<LiveCell> lost) {
        boolean any = false;
        for (LiveCell cell : lost) {
            if (cells.get(cell.id) != cell || cell.instance != 0 || !cell.quarantined.isEmpty()
                    || cell.generation == null) {
                continue;
            }
            if (!cell.node().isEmpty() && !nodes.ready(cell.node())) {
                // Its node is out of reach: it shows its last frame, dimmed, until the link is back (nodeReadiness).
                showStandIn(cell);
                any = true;
                continue;
            }
            long now = System.nanoTime();
            cell.restores.removeIf(t -> now - t > FAULT_WINDOW_NANOS);
            if (cell.restores.size() > MAX_FAULTS) {
                quarantine(cell, "it took its cell host down " + cell.restores.size() + " times in "
                        + FAULT_WINDOW_NANOS / 1_000_000_000L + " s");
                any = true;
                continue;
            }
            instantiate(cell, cell.generation, savedState(cell), 0);
            firstRenderOfNewInstance(cell);
            any = true;
        }
        if (any) {
            publish();
        }
    }

    /**
     * Draws a restored or restarted cell's new instance without waiting for its host: one that hangs again must not
     * hold the tissue thread for its deadline, and a failure is one more fault (counted), not a failed recovery.
     */
    private void firstRenderOfNewInstance(LiveCell cell) {
        tracked(renderLater(cell).thenAccept(changed -> {
            // A new host's JVM is cold (its first renders load and compile classes): what was measured before and
            // during the restore says nothing about the cell, and a cell that draws only on input would otherwise
            // stay "slow" until its next click.
            cell.slowRenders = 0;
            if (changed) {
                publish();
            }
        }));
    }

    private static Map<String, Object> savedState(LiveCell cell) {
        return cell.lastSaved == null ? Map.of() : cell.lastSaved.state();
    }

    private CallContext context(LiveCell cell) {
        Instant now = clock.get();
        return new CallContext(cell.id, cell.width, cell.height, withFallbacks(cell), now.getEpochSecond(),
                now.getNano());
    }

    /** The cell's props, and for declared props it has not set the {@code fallback} its type declares. */
    private Map<String, String> withFallbacks(LiveCell cell) {
        Generation running = generations.get(cell.type);
        Map<String, String> props = cell.props.asMap();
        if (running == null || running.props().isEmpty()) {
            return props;
        }
        // every call of every cell needs it: made again only when the props or the running generation change
        if (cell.fallbacksFor == cell.props && cell.fallbacksOf == running) {
            return cell.withFallbacks;
        }
        cell.fallbacksFor = cell.props;
        cell.fallbacksOf = running;
        cell.withFallbacks = merged(running, props);
        return cell.withFallbacks;
    }

    private static Map<String, String> merged(Generation running, Map<String, String> props) {
        Map<String, String> merged = null;
        for (DeclaredProp prop : running.props().values()) {
            if (!prop.fallback().isEmpty() && !props.containsKey(prop.name())) {
                if (merged == null) {
                    merged = new java.util.HashMap<>(props);
                }
                merged.put(prop.name(), prop.fallback());
            }
        }
        return merged == null ? props : Map.copyOf(merged);
    }

    /**
     * Replaces one source file of the type behind {@code cellId} and swaps the new generation into every cell of
     * that type, keeping props and {@code @State} fields. Broken source changes nothing that runs. Edits of a type
     * that arrive while an earlier one waits for the compiler join it: a burst compiles once, with the latest text,
     * and every caller in the burst gets that outcome.
     *
     * @param fileName which file of the type to replace; a name the type does not have replaces its main file
     */
    public CompletableFuture<SwapOutcome> swap(String cellId, String fileName, String source) {
        return swap(cellId, fileName, source, "api");
    }

    /** {@link #swap(String, String, String)} on behalf of {@code actor} ({@code cli}, {@code workbench}, …). */
    public CompletableFuture<SwapOutcome> swap(String cellId, String fileName, String source, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.get(cellId);
            if (cell == null) {
                SwapOutcome outcome = SwapOutcome.refused(cellId, "", 0, "no cell with id '" + cellId + "' (cells: "
                        + String.join(", ", cells.keySet()) + ")", List.of(), 0);
                listeners.forEach(l -> l.swapped(outcome));
                return CompletableFuture.completedFuture(outcome);
            }
            return enqueue(cell.id, cell.type, actor, sources -> replace(sources, cell.type, fileName, source));
        }, tissueThread).thenCompose(outcome -> outcome);
    }

    /**
     * Swaps in a whole new set of source files for {@code type}, e.g. what an IDE left on disk. Completes with
     * {@code null} when no cell has that type or the files are what already runs.
     */
    public CompletableFuture<SwapOutcome> swapType(String type, List<SourceFile> sources) {
        return swapType(type, sources, "file");
    }

    /** {@link #swapType(String, List)} on behalf of {@code actor} ({@code undo}, {@code rollback}, …). */
    public CompletableFuture<SwapOutcome> swapType(String type, List<SourceFile> sources, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.values().stream().filter(c -> c.type.equals(type)).findFirst().orElse(null);
            List<SourceFile> base = cell == null ? null : latestSources(type);
            if (cell == null || sameFiles(base, sources)
                    || actor.equals("file") && wroteRecently(type, sources)) {
                return CompletableFuture.<SwapOutcome>completedFuture(null);
            }
            return enqueue(cell.id, type, actor, ignored -> List.copyOf(sources));
        }, tissueThread).thenCompose(outcome -> outcome);
    }

    /**
     * Writes a type's sources and remembers them for a while: the file watcher reads what the tissue wrote a moment
     * later, possibly after newer swaps were asked for, and must not swap that stale copy back in.
     */
    private void writeSources(String type, List<SourceFile> sources, Map<String, String> files) throws IOException {
        workspace.writeSources(type, files);
        long now = System.nanoTime();
        Map<String, Long> mine = written.computeIfAbsent(type, t -> new LinkedHashMap<>());
        mine.values().removeIf(at -> now - at > OWN_WRITE_MEMORY_NANOS);
        mine.put(compiler.cacheKey(sources), now);
    }

    private boolean wroteRecently(String type, List<SourceFile> sources) {
        Long at = written.getOrDefault(type, Map.of()).get(compiler.cacheKey(sources));
        return at != null && System.nanoTime() - at <= OWN_WRITE_MEMORY_NANOS;
    }

    private static boolean sameFiles(List<SourceFile> a, List<SourceFile> b) {
        return new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }

    /** A swap waiting for the compiler; confined to the tissue thread until the compiler takes it. */
    private static final class PendingSwap {
        final String cellId;
        final String type;
        List<SourceFile> sources;
        String actor;
        final CompletableFuture<SwapOutcome> outcome = new CompletableFuture<>();

        PendingSwap(String cellId, String type, List<SourceFile> sources, String actor) {
            this.cellId = cellId;
            this.type = type;
            this.sources = sources;
            this.actor = actor;
        }
    }

    /** The newest sources asked for, per type, while a swap of it is waiting or compiling. */
    private List<SourceFile> latestSources(String type) {
        List<SourceFile> latest = requested.get(type);
        if (latest != null) {
            return latest;
        }
        Generation running = generations.get(type);
        return running != null ? running.sources() : readSourcesOrEmpty(type);
    }

    private CompletableFuture<SwapOutcome> enqueue(String cellId, String type, String actor,
            java.util.function.UnaryOperator<List<SourceFile>> edit) {
        List<SourceFile> next = edit.apply(latestSources(type));
        requested.put(type, next);
        PendingSwap waiting = pending.get(type);
        if (waiting != null) {
            waiting.sources = next;
            waiting.actor = actor;
            return waiting.outcome;
        }
        PendingSwap swap = new PendingSwap(cellId, type, next, actor);
        pending.put(type, swap);
        compilerThread.execute(() -> compile(swap));
        return swap.outcome;
    }

    /** On the compiler thread: take the swap's latest sources, compile them, hand the result to the tissue. */
    private void compile(PendingSwap swap) {
        List<SourceFile> sources;
        try {
            sources = CompletableFuture.supplyAsync(() -> {
                pending.remove(swap.type, swap);
                return swap.sources;
            }, tissueThread).join();
        } catch (RuntimeException e) {
            swap.outcome.completeExceptionally(e);
            return;
        }
        CompileResult result = compileCached(sources);
        try {
            tissueThread.execute(() -> {
                try {
                    Generation running = generations.get(swap.type);
                    List<SourceFile> before = running != null ? running.sources() : readSourcesOrEmpty(swap.type);
                    SwapOutcome outcome = apply(new SwapPlan(swap.cellId, swap.type,
                            running == null ? 0 : running.number(), sources, result));
                    journal.record(swap.actor, "swap", swap.cellId, swap.type, outcome.generation(), before,
                            outcome.swapped() ? sources : before,
                            outcome.swapped() ? "swapped" : "refused: " + outcome.failure());
                    if (requested.get(swap.type) == sources) {
                        requested.remove(swap.type);
                    }
                    listeners.forEach(l -> l.swapped(outcome));
                    swap.outcome.complete(outcome);
                } catch (RuntimeException e) {
                    LOG.error("swap of {} ({}) failed", swap.cellId, swap.type, e);
                    swap.outcome.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            swap.outcome.completeExceptionally(new IllegalStateException("the tissue has closed"));
        }
    }

    private record SwapPlan(String cellId, String type, long running, List<SourceFile> sources, CompileResult result) {
    }

    private static List<SourceFile> replace(List<SourceFile> current, String type, String fileName, String text) {
        boolean known = current.stream().anyMatch(f -> f.name().equals(fileName));
        String target = known ? fileName : type + ".java";
        List<SourceFile> next = new ArrayList<>();
        for (SourceFile file : current) {
            if (!file.name().equals(target)) {
                next.add(file);
            }
        }
        next.add(new SourceFile(target, text));
        return next;
    }

    private SwapOutcome apply(SwapPlan plan) {
        CompileResult result = plan.result();
        if (!result.succeeded()) {
            LOG.warn("swap of {} ({}) refused, generation {} keeps running: {}", plan.cellId(), plan.type(),
                    plan.running(), result.errors().get(0).format());
            return SwapOutcome.refused(plan.cellId(), plan.type(), plan.running(), "the source does not compile",
                    result.diagnostics(), result.nanos());
        }
        Generation running = generations.get(plan.type());
        if (inPlace != null && running != null) {
            SwapOutcome redefined = redefineInPlace(plan, running, result);
            if (redefined != null) {
                return redefined;
            }
        }
        Generation next;
        try {
            next = define(plan.type(), result, plan.sources());
        } catch (IllegalArgumentException | SecurityException e) {
            LOG.warn("swap of {} ({}) refused, generation {} keeps running: {}", plan.cellId(), plan.type(),
                    plan.running(), e.getMessage());
            return SwapOutcome.refused(plan.cellId(), plan.type(), plan.running(), e.getMessage(),
                    result.diagnostics(), result.nanos());
        }
        // Zero downtime: every cell of the type gets its new instance, state and first frame before any old
        // instance is touched. If one of them fails, the new ones are dropped and nothing on screen changes.
        List<String> notes = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (LiveCell cell : cells.values()) {
            if (!cell.type.equals(plan.type())) {
                continue;
            }
            Prepared p = prepare(cell, next, notes);
            if (p.failure() != null) {
                prepared.forEach(q -> closeQuietly(q.cell(), q.host(), q.instance()));
                closeQuietly(cell, p.host(), p.instance());
                String why = plan.type() + " generation " + next.number() + " failed its first " + p.failure();
                LOG.warn("swap of {} refused, generation {} keeps running: {}", plan.cellId(), plan.running(), why);
                return SwapOutcome.refused(plan.cellId(), plan.type(), plan.running(), why, result.diagnostics(),
                        result.nanos());
            }
            prepared.add(p);
        }
        long scene = 0;
        for (LiveCell cell : cells.values()) {
            scene += prepared.stream().filter(p -> p.cell() == cell).findFirst().map(p -> p.frame().size())
                    .orElse(cell.displayList.size());
        }
        if (scene > SCENE_BUDGET_BYTES) {
            prepared.forEach(p -> closeQuietly(p.cell(), p.host(), p.instance()));
            String why = plan.type() + " generation " + next.number() + " would make the desktop's drawings "
                    + scene / (1 << 20) + " MB together; they may take at most " + SCENE_BUDGET_BYTES / (1 << 20)
                    + " MB";
            LOG.warn("swap of {} refused, generation {} keeps running: {}", plan.cellId(), plan.running(), why);
            return SwapOutcome.refused(plan.cellId(), plan.type(), plan.running(), why, result.diagnostics(),
                    result.nanos());
        }
        try {
            Map<String, String> files = new LinkedHashMap<>();
            plan.sources().forEach(f -> files.put(f.name(), f.text()));
            writeSources(plan.type(), plan.sources(), files);
        } catch (IOException e) {
            prepared.forEach(p -> closeQuietly(p.cell(), p.host(), p.instance()));
            return SwapOutcome.refused(plan.cellId(), plan.type(), plan.running(),
                    "could not save the source to the workspace: " + e.getMessage(), result.diagnostics(),
                    result.nanos());
        }
        Generation previous = generations.put(plan.type(), next);
        if (previous != null) {
            lastGood.put(plan.type(), previous);
        }
        // The new frames go on screen first; retiring the old instances, saving state and dropping unused generations
        // (a round trip each to a host on another node) come after the publish.
        List<Runnable> retire = new ArrayList<>();
        for (Prepared p : prepared) {
            LiveCell cell = p.cell();
            CellHost oldHost = cell.host;
            long oldInstance = cell.instance;
            Generation oldGeneration = cell.generation;
            retire.add(() -> closeQuietly(cell, oldHost, oldInstance, oldGeneration));
            cell.instance = p.instance();
            cell.host = p.host();
            cell.generation = next;
            cell.quarantined = "";
            cell.faults.clear();
            cell.lastError = "";
            if (!p.frame().equals(cell.displayList)) {
                cell.displayList = p.frame();
                cell.renderVersion++;
            }
            cell.standIn = false;
            if (p.againIn() >= 0) {
                scheduleRender(cell, p.againIn());
            }
        }
        notes.forEach(note -> LOG.info("swap of {} ({} generation {}): {}", plan.cellId(), plan.type(),
                next.number(), note));
        long version = publish();
        retire.forEach(Runnable::run);
        prepared.forEach(p -> persist(p.cell()));
        forgetUnused();
        LOG.info("swapped {} to {} generation {} in {} ms compile", plan.cellId(), plan.type(), next.number(),
                result.nanos() / 1_000_000);
        return new SwapOutcome(true, plan.cellId(), plan.type(), next.number(), result.diagnostics(), "", version,
                result.nanos(), notes);
    }

    /** A cell's next instance, ready to go on screen: state carried, reloaded, first frame drawn. */
    private record Prepared(LiveCell cell, CellHost host, long instance, DisplayList frame, long againIn,
            String failure) {
    }

    /** Builds {@code cell}'s instance of {@code next} offscreen; on failure says which phase failed and why. */
    private Prepared prepare(LiveCell cell, Generation next, List<String> notes) {
        CellHost host;
        try {
            host = hostFor(cell);
        } catch (IOException e) {
            return new Prepared(cell, null, 0, null, -1, "start (no cell host: " + e.getMessage() + ")");
        }
        String refused = ensureDefined(host, next);
        if (refused != null) {
            return new Prepared(cell, host, 0, null, -1, "definition (" + refused + ")");
        }
        long fresh = nextInstance++;
        boolean carryLive = cell.instance != 0 && cell.host == host;
        Answer made = call(host, cell, next, new HostMessage.Instantiate(fresh, cell.id, next.number(),
                carryLive ? cell.instance : 0, carryLive ? Map.of() : savedState(cell),
                cell.generation != null ? cell.generationNumber() : 0));
        if (made instanceof Failed failed) {
            return new Prepared(cell, host, 0, null, -1, failed.error());
        }
        notes.addAll(((HostMessage.Done) made).notes());
        Answer drawn = call(host, cell, next, new HostMessage.Render(fresh, context(cell)));
        if (drawn instanceof Failed failed) {
            return new Prepared(cell, host, fresh, null, -1, failed.error());
        }
        HostMessage.Rendered rendered = (HostMessage.Rendered) drawn;
        try {
            return new Prepared(cell, host, fresh, DisplayList.of(rendered.displayList()), rendered.againIn(), null);
        } catch (IllegalArgumentException e) {
            return new Prepared(cell, host, fresh, null, -1, "render (sent a display list that does not decode: "
                    + e.getMessage() + ")");
        }
    }

    /**
     * The in-place tier: redefine the running generation's classes when only method bodies changed. Returns
     * {@code null} when it does not apply, so the caller makes a new generation instead.
     */
    private SwapOutcome redefineInPlace(SwapPlan plan, Generation running, CompileResult result) {
        GenerationLoader.Redefinition redefinition;
        long nextNumber = nextGeneration;
        try {
            CellHost host = membrane.shared();
            if (!(host instanceof InProcessHost inProcess)) {
                return null;
            }
            redefinition = membrane.onLane(host, () -> inProcess.redefine(running.number(), nextNumber,
                    result.classes(), inPlace));
        } catch (SecurityException e) {
            return SwapOutcome.refused(plan.cellId(), plan.type(), running.number(), e.getMessage(),
                    result.diagnostics(), result.nanos());
        } catch (Exception e) {
            LOG.warn("{}: not redefined in place ({}); making a new generation", plan.type(), e.toString());
            return null;
        }
        if (!redefinition.done()) {
            LOG.debug("{}: not redefined in place ({}); making a new generation", plan.type(), redefinition.why());
            return null;
        }
        try {
            Map<String, String> files = new LinkedHashMap<>();
            plan.sources().forEach(f -> files.put(f.name(), f.text()));
            writeSources(plan.type(), plan.sources(), files);
        } catch (IOException e) {
            LOG.error("{} redefined in place but not saved to the workspace: {}", plan.type(), e.getMessage());
        }
        nextGeneration++;
        Generation next = running.renumbered(nextNumber, plan.sources());
        membrane.alias(running.number(), nextNumber);
        generations.put(plan.type(), next);
        for (LiveCell cell : cells.values()) {
            if (cell.type.equals(plan.type()) && cell.generation == running) {
                cell.generation = next;
                render(cell);
            }
        }
        long version = publish();
        LOG.info("redefined {} in place as generation {} ({} ms compile)", plan.type(), next.number(),
                result.nanos() / 1_000_000);
        return new SwapOutcome(true, plan.cellId(), plan.type(), next.number(), result.diagnostics(), "", version,
                result.nanos(), List.of("redefined in place: objects, their state and static fields kept"));
    }

    /**
     * Gives {@code cell} a new instance of {@code generation} in its host: its state carried from the instance it has
     * there now (which is closed once the new one stands), else taken from {@code state} (what was saved). On failure
     * the cell keeps what it had (nothing, or its old instance) and {@code lastError} says why. Returns the notes.
     */
    private List<String> instantiate(LiveCell cell, Generation generation, Map<String, Object> state,
            long previous) {
        CellHost host;
        try {
            host = hostFor(cell);
        } catch (IOException e) {
            return failedToInstantiate(cell, generation, "no cell host: " + e.getMessage());
        }
        String refused = ensureDefined(host, generation);
        if (refused != null) {
            return failedToInstantiate(cell, generation, refused);
        }
        long old = cell.host == host ? cell.instance : 0;
        long fresh = nextInstance++;
        Answer made = call(host, cell, generation, new HostMessage.Instantiate(fresh, cell.id, generation.number(),
                old, old != 0 ? Map.of() : state, previous));
        if (made instanceof Failed failed) {
            return failedToInstantiate(cell, generation, failed.error());
        }
        closeQuietly(cell, cell.host, cell.instance);
        cell.instance = fresh;
        cell.host = host;
        cell.generation = generation;
        cell.lastError = "";
        return ((HostMessage.Done) made).notes();
    }

    private List<String> failedToInstantiate(LiveCell cell, Generation generation, String why) {
        LOG.error("cell '{}' ({} generation {}): {}", cell.id, cell.type, generation.number(), why);
        if (cell.instance == 0) {
            cell.generation = generation;
        }
        cell.lastError = why;
        return List.of(cell.id + ": " + why);
    }

    /**
     * Adds a cell of {@code type} (whose sources are in the workspace) pinned to {@code at}, with {@code props}.
     * The type is compiled (or taken from the generation store) on the compiler thread when no cell runs it yet.
     *
     * @param id the new cell's id, or empty for one made from the type's name
     * @param size width and height, or {@code null} for the size the type declares with {@code @Size} (else 240×80)
     */
    public CompletableFuture<Change> spawn(String type, String id, Anchor at, float margin, float[] size,
            Map<String, String> props, String actor) {
        return spawn(type, id, at, margin, size, props, "", actor);
    }

    /**
     * Like {@link #spawn(String, String, Anchor, float, float[], Map, String)}, inside container cell
     * {@code parent} (which places it; {@code at} and {@code margin} are then unused) unless it is empty.
     */
    public CompletableFuture<Change> spawn(String type, String id, Anchor at, float margin, float[] size,
            Map<String, String> props, String parent, String actor) {
        return spawn(type, id, at, margin, size, props, parent, CellSpec.SHARED, actor);
    }

    /** Like {@link #spawn(String, String, Anchor, float, float[], Map, String, String)}, in a host by isolation. */
    public CompletableFuture<Change> spawn(String asked, String id, Anchor at, float margin, float[] size,
            Map<String, String> props, String parent, String isolation, String actor) {
        return spawn(asked, id, at, margin, size, props, parent, isolation, "", actor);
    }

    /**
     * Like {@link #spawn(String, String, Anchor, float, float[], Map, String, String, String)}, on surface
     * {@code surface} (empty: the first; a cell inside a container is on its container's).
     */
    public CompletableFuture<Change> spawn(String asked, String id, Anchor at, float margin, float[] size,
            Map<String, String> props, String parent, String isolation, String surface, String actor) {
        String type;
        try {
            type = generations.containsKey(asked) ? asked : Catalog.resolve(workspace.root(), asked);
        } catch (IllegalArgumentException | IOException e) {
            return CompletableFuture.completedFuture(new Change(false, id, e.getMessage()));
        }
        String node = CellSpec.nodeOf(isolation);
        if (!node.isEmpty() && !nodes.knows(node)) {
            return CompletableFuture.completedFuture(new Change(false, id, "no node '" + node + "' to run it on "
                    + "('cell nodes' lists the paired ones; 'cell node pair HOST:PORT --code C' pairs one)"));
        }
        if (!isolation.isEmpty() && !isolation.equals(CellSpec.SHARED) && !isolation.equals(CellSpec.SOLO)
                && node.isEmpty()) {
            return CompletableFuture.completedFuture(new Change(false, id, "isolation is shared, solo or "
                    + "node:NAME, not '" + isolation + "'"));
        }
        return CompletableFuture.supplyAsync(() -> generations.get(type) != null ? null : readSourcesOrEmpty(type),
                tissueThread).thenApplyAsync(sources -> sources == null || sources.isEmpty() ? null
                        : compileCached(sources), compilerThread).thenApplyAsync(compiled -> {
                            String before = spec.toJson();
                            Change change = place(type, id, at, margin, size, props, parent, isolation, surface,
                                    compiled);
                            if (change.done()) {
                                recordLayout(actor, "spawn", change.cellId(), type, generations.get(type).number(),
                                        before, "spawned: " + change.message());
                            }
                            return change;
                        }, tissueThread);
    }

    private Change place(String type, String requestedId, Anchor at, float margin, float[] size,
            Map<String, String> props, String parent, String isolation, String surface, CompileResult compiled) {
        if (!surface.isEmpty() && spec.surface(surface) == null) {
            return new Change(false, requestedId, "no surface '" + surface + "' (surfaces: " + String.join(", ",
                    spec.surfaces().stream().map(dev.cellshell.shell.workspace.SurfaceSpec::name).toList()) + ")");
        }
        if (!parent.isEmpty() && (spec.cell(parent) == null || spec.cell(parent).layout() == null)) {
            return new Change(false, requestedId, spec.cell(parent) == null ? "no container cell '" + parent + "'"
                    : "cell '" + parent + "' is no container (give it a \"layout\" in tissue.json)");
        }
        if (generations.get(type) == null) {
            if (compiled == null) {
                return new Change(false, requestedId, "no cell type " + type + " in " + workspace.typeDirectory(type));
            }
            if (!compiled.succeeded()) {
                return new Change(false, requestedId, type + " does not compile: " + compiled.errors().get(0).format());
            }
            try {
                generations.put(type, define(type, compiled, readSourcesOrEmpty(type)));
            } catch (IllegalArgumentException | SecurityException e) {
                return new Change(false, requestedId, e.getMessage());
            }
        }
        String id = requestedId.isEmpty() ? freeId(type.toLowerCase(java.util.Locale.ROOT)) : requestedId;
        if (cells.containsKey(id)) {
            return new Change(false, id, "a cell with id '" + id + "' exists already");
        }
        if (!id.matches("[a-z][a-z0-9-]*")) {
            return new Change(false, id, "a cell id is lower-case letters, digits and dashes: '" + id + "'");
        }
        TypeSize declared = generations.get(type).size();
        float[] dimensions = size != null ? size : new float[] {declared.width(), declared.height()};
        String tooSmall = declared.tooSmall(type, dimensions[0], dimensions[1]);
        if (tooSmall != null) {
            return new Change(false, id, tooSmall);
        }
        CellSpec cellSpec = parent.isEmpty()
                ? spec.pin(CellSpec.at(id, type, 0, 0, dimensions[0], dimensions[1], props).onSurface(surface), at,
                        margin)
                : CellSpec.at(id, type, 0, 0, dimensions[0], dimensions[1], props).inside(parent);
        cellSpec = cellSpec.withIsolation(isolation.isEmpty() ? CellSpec.SHARED : isolation);
        List<CellSpec> next = new ArrayList<>(spec.cells());
        if (parent.isEmpty()) {
            next.add(cellSpec);
        } else {
            List<String> before = spec.inside(parent);
            String last = before.isEmpty() ? parent : before.get(before.size() - 1);
            next.add(next.indexOf(spec.cell(last)) + 1, cellSpec);
        }
        TissueSpec placed = spec.withCells(next).laidOut();
        cellSpec = placed.cell(id);
        LiveCell cell = new LiveCell(cellSpec);
        Prepared prepared = prepare(cell, generations.get(type), new ArrayList<>());
        if (prepared.failure() != null) {
            closeQuietly(cell, prepared.host(), prepared.instance());
            return new Change(false, id, type + " failed its first " + prepared.failure());
        }
        cell.instance = prepared.instance();
        cell.host = prepared.host();
        if (prepared.againIn() >= 0) {
            scheduleRender(cell, prepared.againIn());
        }
        cell.generation = generations.get(type);
        cell.displayList = prepared.frame();
        cell.renderVersion = 1;
        Map<String, LiveCell> ordered = new LinkedHashMap<>();
        for (CellSpec c : placed.cells()) {
            ordered.put(c.id(), c.id().equals(id) ? cell : cells.get(c.id()));
        }
        ordered.values().removeIf(java.util.Objects::isNull);
        cells.clear();
        cells.putAll(ordered);
        saveSpec(placed);
        persist(cell);
        publish();
        return new Change(true, id, (parent.isEmpty() ? at.id() : "in " + parent) + " " + (int) cellSpec.x() + ","
                + (int) cellSpec.y());
    }

    private String freeId(String base) {
        if (!cells.containsKey(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!cells.containsKey(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    /** Removes a cell from the tissue (its type's sources stay in the workspace). */
    public CompletableFuture<Change> remove(String cellId, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.get(cellId);
            if (cell == null) {
                return unknown(cellId);
            }
            String before = spec.toJson();
            List<String> gone = new ArrayList<>(spec.inside(cellId));
            gone.add(0, cellId);
            for (String id : gone) {
                LiveCell leaving = cells.remove(id);
                if (leaving != null) {
                    closeQuietly(leaving, leaving.host, leaving.instance);
                }
                terminals.close(id);
            }
            saveSpec(spec.withCells(spec.cells().stream().filter(c -> !gone.contains(c.id())).toList()));
            long version = publish();
            String what = gone.size() == 1 ? "removed" : "removed with what was inside it: " + String.join(", ",
                    gone.subList(1, gone.size()));
            recordLayout(actor, "rm", cellId, cell.type, cell.generationNumber(), before, what);
            return new Change(true, cellId, what, version);
        }, tissueThread);
    }

    /** Sets props of a cell (an empty value removes the prop); the cell draws again with them. */
    public CompletableFuture<Change> set(String cellId, Map<String, String> changes, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.get(cellId);
            if (cell == null) {
                return unknown(cellId);
            }
            Generation running = generations.get(cell.type);
            Map<String, DeclaredProp> declared = running == null ? Map.of() : running.props();
            List<String> refused = new ArrayList<>();
            changes.forEach((key, value) -> {
                DeclaredProp prop = declared.get(key);
                if (prop != null) {
                    prop.refuse(value).ifPresent(refused::add);
                }
            });
            if (!refused.isEmpty()) {
                return new Change(false, cellId, String.join("; ", refused) + " (nothing changed)");
            }
            Map<String, String> props = new java.util.TreeMap<>(cell.props.asMap());
            StringBuilder delta = new StringBuilder();
            changes.forEach((key, value) -> {
                String old = props.get(key);
                if (value.isEmpty()) {
                    props.remove(key);
                } else {
                    props.put(key, value);
                }
                delta.append(delta.length() == 0 ? "" : "\n").append(key).append(": ")
                        .append(old == null ? "(unset)" : old).append(" -> ").append(value.isEmpty() ? "(unset)" : value);
            });
            String before = spec.toJson();
            cell.props = PropValues.of(props);
            saveSpec(spec.withCells(spec.cells().stream().map(c -> c.id().equals(cellId) ? c.withProps(props) : c)
                    .toList()));
            render(cell);
            persist(cell);
            long version = publish();
            recordLayout(actor, "set", cellId, cell.type, cell.generationNumber(), before,
                    "set " + delta.toString().replace("\n", "; "));
            return new Change(true, cellId, delta.toString().replace("\n", ", "), version);
        }, tissueThread);
    }

    /** Pins a cell to another place on the desktop. */
    public CompletableFuture<Change> move(String cellId, Anchor at, float margin, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.get(cellId);
            if (cell == null) {
                return unknown(cellId);
            }
            CellSpec moved = spec.pin(spec.cells().stream().filter(c -> c.id().equals(cellId)).findFirst()
                    .orElseThrow(), at, margin);
            String before = spec.toJson();
            cell.x = moved.x();
            cell.y = moved.y();
            saveSpec(spec.withCells(spec.cells().stream().map(c -> c.id().equals(cellId) ? moved : c).toList()));
            long version = publish();
            String where = at.id() + " " + (int) moved.x() + "," + (int) moved.y();
            recordLayout(actor, "move", cellId, cell.type, cell.generationNumber(), before, "moved to " + where);
            return new Change(true, cellId, where, version);
        }, tissueThread);
    }

    /**
     * Mitosis: moves a running cell to another node ({@code local}: this one) with its state. The copy there is made
     * from the cell's state as its current host reads it, and draws its first frame; only then does it take over and
     * the old one retire, so the desktop never shows a frame without the cell. Refused, changing nothing, when the
     * copy cannot be made. Saved to {@code tissue.json} and audited as a tissue change.
     */
    public CompletableFuture<Change> divide(String cellId, String node, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.get(cellId);
            if (cell == null) {
                return unknown(cellId);
            }
            String isolation = node.equals("local") ? CellSpec.SHARED : CellSpec.NODE + node;
            if (!node.equals("local") && !nodes.knows(node)) {
                return new Change(false, cellId, "no node '" + node + "' to move it to ('cell nodes' lists them)");
            }
            if (cell.node().equals(node.equals("local") ? "" : node)) {
                return new Change(false, cellId, cellId + " runs on " + where(isolation) + " already");
            }
            String before = spec.toJson();
            long started = System.nanoTime();
            String from = where(cell.isolation);
            String refused = divideInto(cell, isolation);
            if (refused != null) {
                return new Change(false, cellId, refused);
            }
            saveSpec(spec.withCells(spec.cells().stream().map(c -> c.id().equals(cellId)
                    ? c.withIsolation(isolation) : c).toList()));
            long version = publish();
            String result = "divided from " + from + " to " + where(isolation) + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms, its state carried";
            recordLayout(actor, "divide", cellId, cell.type, cell.generationNumber(), before, result);
            LOG.info("cell '{}' {}", cellId, result);
            return new Change(true, cellId, result, version);
        }, tissueThread);
    }

    private static String where(String isolation) {
        String node = CellSpec.nodeOf(isolation);
        return node.isEmpty() ? "this node" : "node " + node;
    }

    /**
     * Gives a running cell a new instance in the host {@code isolation} names, with the state its current instance
     * reads (else its saved state): the copy draws its first frame, then takes over and the old instance retires, so
     * no frame is without the cell. Returns why not (and changes nothing), or {@code null}.
     */
    private String divideInto(LiveCell cell, String isolation) {
        String to = where(isolation);
        if (cell.generation == null || !cell.quarantined.isEmpty()) {
            return cell.id + " is not running (" + cell.health() + ")";
        }
        Map<String, Object> state = savedState(cell);
        if (cell.instance != 0) {
            Answer read = call(cell.host, cell, cell.generation, new HostMessage.ReadState(cell.instance));
            if (read instanceof HostMessage.StateSnapshot snapshot) {
                state = snapshot.state();
            }
        }
        CellHost there;
        try {
            there = membrane.hostFor(cell.id, isolation);
        } catch (IOException e) {
            return "cannot reach " + to + ": " + e.getMessage();
        }
        String refused = ensureDefined(there, cell.generation);
        if (refused != null) {
            return to + " refused " + cell.type + ": " + refused;
        }
        long fresh = nextInstance++;
        Answer made = call(there, cell, cell.generation, new HostMessage.Instantiate(fresh, cell.id,
                cell.generation.number(), 0, state, 0));
        if (made instanceof Failed failed) {
            return "the copy on " + to + " failed to start: " + failed.error();
        }
        Answer first = call(there, cell, cell.generation, new HostMessage.Render(fresh, context(cell)));
        DisplayList frame = null;
        if (first instanceof HostMessage.Rendered rendered) {
            try {
                frame = DisplayList.of(rendered.displayList());
            } catch (IllegalArgumentException e) {
                frame = null;
            }
        }
        if (frame == null) {
            closeQuietly(cell, there, fresh);
            return "the copy on " + to + " failed its first render: " + (first instanceof Failed f ? f.error()
                    : "its drawing does not decode");
        }
        closeQuietly(cell, cell.host, cell.instance);
        cell.host = there;
        cell.instance = fresh;
        cell.isolation = isolation;
        cell.lastError = "";
        show(cell, frame);
        if (((HostMessage.Rendered) first).againIn() >= 0) {
            scheduleRender(cell, ((HostMessage.Rendered) first).againIn());
        }
        persist(cell);
        return null;
    }

    /**
     * Makes the tissue what {@code target} declares (an earlier {@code tissue.json}, or a new arrangement): cells
     * missing from it are removed, cells it adds come back (compiled if their type runs nowhere; their saved state
     * from the store), props, bounds, z-order and theme become its own. One audit entry records the whole
     * {@code tissue.json} diff. Used by undo and redo of tissue changes and by {@link #arrange}.
     *
     * @param action what the audit entry calls it ({@code undo}, {@code redo}, {@code arrange})
     */
    public CompletableFuture<Change> reshape(TissueSpec target, String actor, String action) {
        return reshape(target, actor, action, null, "");
    }

    /** Like {@link #reshape(TissueSpec, String, String)}, with {@code note} leading the audit entry's result. */
    public CompletableFuture<Change> reshape(TissueSpec target, String actor, String action, String note) {
        return reshape(target, actor, action, null, note);
    }

    /** Compiles {@code sources} (and checks them against the sandbox) without changing anything. */
    public CompletableFuture<CompileResult> check(List<SourceFile> sources) {
        return check(sources, () -> false);
    }

    /**
     * Like {@link #check(List)}, for an editor that may change its text again: when {@code stale} says so, before
     * or while compiling, the compile is dropped (the future fails with a CancellationException) and the compiler
     * thread moves on, so a person typing never waits behind compiles of text that is gone.
     */
    public CompletableFuture<CompileResult> check(List<SourceFile> sources, java.util.function.BooleanSupplier stale) {
        return CompletableFuture.supplyAsync(() -> compileCached(sources, stale), compilerThread);
    }

    /** The tissue definition as of the last change (what tissue.json holds). Safe from any thread. */
    public TissueSpec spec() {
        return spec;
    }

    /**
     * The props each running cell type declares ({@link dev.cellshell.widgets.Prop} and
     * {@link dev.cellshell.widgets.Variant}): type → prop name → what it takes, in declaration order.
     */
    public CompletableFuture<Map<String, Map<String, DeclaredProp>>> declaredProps() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Map<String, DeclaredProp>> all = new java.util.TreeMap<>();
            generations.forEach((type, generation) -> {
                if (generation != null) {
                    all.put(type, generation.props());
                }
            });
            return all;
        }, tissueThread);
    }

    /**
     * The {@link dev.cellshell.widgets.Variant}s each running cell type declares: type → prop → its values, first
     * the default.
     */
    public CompletableFuture<Map<String, Map<String, List<String>>>> variants() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Map<String, List<String>>> all = new java.util.TreeMap<>();
            generations.forEach((type, generation) -> {
                if (generation == null) {
                    return;
                }
                Map<String, List<String>> props = new LinkedHashMap<>(generation.variants());
                all.put(type, props);
            });
            return all;
        }, tissueThread);
    }

    /**
     * {@code tissue.json} was edited outside the shell (an editor, git): its new text becomes the tissue, audited
     * as actor {@code file} and undoable. A text that does not parse, or has a wrong cell entry, changes nothing
     * (the reason is logged and returned): a typo must not remove a cell. Texts the tissue itself wrote lately are
     * ignored.
     */
    public CompletableFuture<Change> tissueEdited(String text) {
        TissueSpec edited;
        try {
            edited = TissueSpec.parse(text);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Change(false, "", e.getMessage()));
        }
        if (!edited.problems().isEmpty()) {
            return CompletableFuture.completedFuture(new Change(false, "", String.join("; ", edited.problems())));
        }
        return reshape(edited, "file", "edit", text, "");
    }

    private CompletableFuture<Change> reshape(TissueSpec target, String actor, String action, String fromText,
            String note) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, List<SourceFile>> missing = new java.util.TreeMap<>();
            for (CellSpec c : target.cells()) {
                if (generations.get(c.type()) == null && !missing.containsKey(c.type())) {
                    missing.put(c.type(), readSourcesOrEmpty(c.type()));
                }
            }
            return missing;
        }, tissueThread).thenApplyAsync(missing -> {
            Map<String, CompileResult> compiled = new java.util.TreeMap<>();
            missing.forEach((type, sources) -> {
                if (!sources.isEmpty()) {
                    compiled.put(type, compileCached(sources));
                }
            });
            return compiled;
        }, compilerThread).thenApplyAsync(compiled -> fromText != null && writtenTissue.containsKey(fromText)
                ? new Change(false, "", "tissue.json is what the tissue wrote")
                : reshapeNow(target, compiled, actor, action, note), tissueThread);
    }

    private Change reshapeNow(TissueSpec declared, Map<String, CompileResult> compiled, String actor,
            String action, String note) {
        TissueSpec target = placed(declared);
        for (CellSpec c : target.cells()) {
            if (generations.get(c.type()) == null) {
                CompileResult result = compiled.get(c.type());
                if (result == null || !result.succeeded()) {
                    return new Change(false, c.id(), "cell type " + c.type() + " of '" + c.id() + "' "
                            + (result == null ? "has no sources in " + workspace.typeDirectory(c.type())
                                    : "does not compile: " + result.errors().get(0).format()));
                }
                try {
                    generations.put(c.type(), define(c.type(), result, readSourcesOrEmpty(c.type())));
                } catch (IllegalArgumentException | SecurityException e) {
                    return new Change(false, c.id(), e.getMessage());
                }
            }
        }
        String before = spec.toJson();
        List<String> summary = new ArrayList<>();
        boolean themeChanged = false;
        if (target.theme() != null && !target.theme().equals(theme.name())) {
            try {
                theme = loadTheme(target.theme());
                tellTerminalsTheColors();
                themeChanged = true;
                summary.add("theme " + target.theme());
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: theme '{}' not restored: {}", action, target.theme(), e.getMessage());
            }
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        target.cells().forEach(c -> kept.add(c.id()));
        for (LiveCell cell : new ArrayList<>(cells.values())) {
            CellSpec wanted = target.cells().stream().filter(c -> c.id().equals(cell.id)).findFirst().orElse(null);
            if (!kept.contains(cell.id) || !wanted.type().equals(cell.type)) {
                closeQuietly(cell, cell.host, cell.instance);
                cells.remove(cell.id);
                terminals.close(cell.id);
                summary.add("removed " + cell.id);
            }
        }
        Map<String, LiveCell> ordered = new LinkedHashMap<>();
        List<LiveCell> dirty = new ArrayList<>();
        for (CellSpec c : target.cells()) {
            LiveCell cell = cells.get(c.id());
            if (cell == null) {
                cell = new LiveCell(c);
                instantiate(cell, generations.get(c.type()),
                        store.load(c.id()).map(TissueStore.SavedCell::state).orElse(Map.of()), 0);
                dirty.add(cell);
                summary.add("added " + c.id());
            } else {
                boolean resized = cell.width != c.width() || cell.height != c.height();
                boolean moved = resized || cell.x != c.x() || cell.y != c.y();
                boolean repropped = !cell.props.asMap().equals(c.props());
                if (!cell.isolation.equals(c.isolation())) {
                    moveToIsolation(cell, c.isolation());
                    dirty.add(cell);
                    summary.add("isolated " + c.id() + " (" + c.isolation() + ")");
                }
                cell.x = c.x();
                cell.y = c.y();
                cell.width = c.width();
                cell.height = c.height();
                cell.props = PropValues.of(c.props());
                if (resized || repropped) {
                    dirty.add(cell);
                }
                if (moved || repropped) {
                    summary.add((repropped ? "set " : "moved ") + c.id());
                }
            }
            ordered.put(c.id(), cell);
        }
        List<String> orderBefore = new ArrayList<>(cells.keySet());
        orderBefore.retainAll(ordered.keySet());
        List<String> orderAfter = new ArrayList<>(ordered.keySet());
        orderAfter.retainAll(orderBefore);
        if (!orderBefore.equals(orderAfter)) {
            summary.add("z-order");
        }
        cells.clear();
        cells.putAll(ordered);
        if (!target.surfaces().equals(spec.surfaces())) {
            summary.add("surfaces");
        }
        saveSpec(new TissueSpec(spec.width(), spec.height(), themeChanged
                ? theme.color("background", target.background()) : target.background(), target.theme(),
                target.cells(), List.of(), target.surfaces(), target.areas()));
        if (themeChanged) {
            broadcast("theme", theme.name(), true);
        } else {
            dirty.forEach(this::render);
            publish();
        }
        ordered.values().forEach(this::persist);
        String what = summary.isEmpty() ? "nothing to change" : String.join(", ", summary);
        java.util.Set<String> touched = new java.util.TreeSet<>();
        for (String item : summary) {
            int space = item.indexOf(' ');
            if (space > 0 && !item.startsWith("theme") && !item.equals("z-order")) {
                touched.add(item.substring(space + 1));
            }
        }
        String only = touched.size() == 1 ? touched.iterator().next() : "";
        LiveCell onlyCell = cells.get(only);
        recordLayout(actor, action, only, onlyCell == null ? "" : onlyCell.type, 0, before,
                note.isEmpty() ? what : note + ": " + what);
        return new Change(true, only, what, sceneVersion);
    }

    /**
     * Audits a change of {@code tissue.json}: its text before and after travel as the entry's sources, so the log
     * shows the diff and undo can put the earlier text back.
     */
    private void recordLayout(String actor, String action, String cellId, String type, long generation,
            String before, String result) {
        journal.recordTissue(actor, action, cellId, type, generation, before, spec.toJson(), result);
    }

    /** The name layout changes give {@code tissue.json} in the audit log and the source archive. */
    public static final String TISSUE_FILE = "tissue.json";

    /**
     * Lays the cells out without overlaps, back to front in rows from the top-left (keeping each cell's size),
     * as absolute bounds; audited and undoable like any tissue change.
     */
    public CompletableFuture<Change> arrange(String actor) {
        return CompletableFuture.supplyAsync(() -> Arrangement.of(spec), tissueThread)
                .thenCompose(arranged -> reshape(arranged, actor, "arrange"));
    }

    private Change unknown(String cellId) {
        return new Change(false, cellId, "no cell with id '" + cellId + "' (cells: " + String.join(", ",
                cells.keySet()) + ")");
    }

    /** Moves every live cell to where {@code placed} puts it (its surface, its corner). */
    private void follow(TissueSpec placed) {
        for (CellSpec c : placed.cells()) {
            LiveCell cell = cells.get(c.id());
            if (cell != null) {
                cell.x = c.x();
                cell.y = c.y();
                cell.surface = c.surface();
            }
        }
    }

    /** {@code next} laid out on the surfaces as the monitors there are now place them. */
    private TissueSpec placed(TissueSpec next) {
        placement = SurfacePlacement.of(next.surfaces(), monitors, next.width(), next.height());
        return next.withAreas(placement.areas());
    }

    /**
     * The compositor's monitors changed (or it said which there are): the surfaces are placed again, pinned cells
     * pinned again on them, and a cell on a monitor that went away shows on the primary one until it is back.
     * Nothing is saved: tissue.json names monitors, not pixels.
     */
    public CompletableFuture<Long> monitorsChanged(List<SceneMessage.Monitor> now) {
        return CompletableFuture.supplyAsync(() -> {
            if (now.isEmpty() || now.equals(monitors) && placement != null) {
                return sceneVersion;
            }
            monitors = List.copyOf(now);
            if (spec == null) {
                return sceneVersion;
            }
            spec = placed(spec);
            follow(spec);
            LOG.info("monitors: {}; surfaces: {}", now.stream().map(m -> m.name() + " " + m.width() + "x"
                    + m.height() + "+" + m.x() + "+" + m.y() + (m.primary() ? " (primary)" : "")).toList(),
                    placement.surfaces().stream().map(f -> f.name() + " " + f.role().name().toLowerCase(
                            java.util.Locale.ROOT) + " on " + f.monitor() + " " + f.width() + "x" + f.height() + "+"
                            + f.x() + "+" + f.y()).toList());
            return publish();
        }, tissueThread);
    }

    /** Where the surfaces are, as last placed (the first scene's placement before any monitor is known). */
    public List<SceneMessage.Surface> surfaces() {
        SurfacePlacement now = placement;
        return now == null ? List.of() : now.surfaces();
    }

    /** Saves the tissue definition; a failed write is logged and the change stays in memory. */
    private void saveSpec(TissueSpec next) {
        spec = next.laidOut();
        follow(spec);
        try {
            workspace.writeTissue(spec);
            long now = System.nanoTime();
            writtenTissue.values().removeIf(at -> now - at > OWN_WRITE_MEMORY_NANOS);
            writtenTissue.put(spec.toJson(), now);
        } catch (IOException e) {
            LOG.error("tissue.json not saved: {}", e.toString());
        }
        TissueSpec saved = spec;
        listeners.forEach(l -> l.reshaped(saved));
    }

    /**
     * A theme by name: {@code themes/<name>.properties} in the workspace, else a built-in one.
     *
     * @throws IllegalArgumentException naming the themes there are
     */
    private ThemeTokens loadTheme(String name) {
        java.nio.file.Path own = workspace.root().resolve("themes").resolve(name + ".properties");
        String text;
        try {
            if (java.nio.file.Files.exists(own)) {
                text = java.nio.file.Files.readString(own);
            } else if (Assets.THEMES.contains(name)) {
                text = Assets.theme(name);
            } else {
                throw new IllegalArgumentException("unknown theme '" + name + "' (built in: "
                        + String.join(", ", Assets.THEMES) + "; or add themes/" + name + ".properties)");
            }
            java.util.Properties tokens = new java.util.Properties();
            tokens.load(new java.io.StringReader(text));
            Map<String, String> map = new java.util.TreeMap<>();
            tokens.stringPropertyNames().forEach(k -> map.put(k, tokens.getProperty(k).trim()));
            return ThemeTokens.of(name, map);
        } catch (IOException e) {
            throw new IllegalArgumentException("theme '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** Switches the desktop's theme: every cell hears it ({@code onBroadcast}) and is drawn again. */
    public CompletableFuture<Change> setTheme(String name, String actor) {
        return CompletableFuture.supplyAsync(() -> {
            ThemeTokens next;
            try {
                next = loadTheme(name);
            } catch (IllegalArgumentException e) {
                return new Change(false, "", e.getMessage());
            }
            String before = theme.name();
            String beforeJson = spec.toJson();
            theme = next;
            tellTerminalsTheColors();
            saveSpec(spec.withTheme(name, next.color("background", spec.background())));
            broadcast("theme", name, true);
            recordLayout(actor, "theme", "", "", 0, beforeJson, "theme " + before + " -> " + name);
            return new Change(true, "", name, sceneVersion);
        }, tissueThread);
    }

    /** Tells every cell {@code topic = value}; draws again those that ask (all of them when {@code redrawAll}). */
    private void broadcast(String topic, String value, boolean redrawAll) {
        for (LiveCell cell : new ArrayList<>(cells.values())) {
            if (cell.instance == 0) {
                continue;
            }
            long target = cell.instance;
            long started = System.nanoTime();
            Answer answer = supervised(cell, new HostMessage.Broadcast(target, topic, value, context(cell)));
            if (answer instanceof HostMessage.Handled handled && handled.dirty()) {
                drawn(cell, target, new HostMessage.Rendered(handled.displayList(), -1), System.nanoTime() - started);
            } else if (redrawAll && !(answer instanceof Failed)) {
                render(cell);
            }
        }
        publish();
    }

    /**
     * Tells every cell {@code topic = value} ({@code Cell.onBroadcast}); those that ask are drawn again. Audited;
     * nothing is saved (a theme is changed with {@link #setTheme}, which also broadcasts).
     */
    public CompletableFuture<Change> broadcast(String topic, String value, String actor) {
        if (!topic.matches("[a-z][a-zA-Z0-9.-]*")) {
            return CompletableFuture.completedFuture(new Change(false, "", "a broadcast topic is a lower-case word "
                    + "(letters, digits, dots, dashes), not '" + topic + "'"));
        }
        return CompletableFuture.supplyAsync(() -> {
            long before = sceneVersion;
            broadcast(topic, value, false);
            journal.record(actor, "broadcast", "", "", 0, List.of(), List.of(), topic + " = " + value);
            return new Change(true, "", topic + " = " + value + " told " + cells.size() + " cells",
                    sceneVersion > before ? sceneVersion : -1);
        }, tissueThread);
    }

    /** Delivers pointer or key input from the compositor. Safe from any thread. */
    public void input(SceneMessage input) {
        long arrived = System.nanoTime();
        tissueThread.execute(() -> {
            if (input instanceof PointerInput pointer) {
                pointer(pointer, arrived);
            } else if (input instanceof KeyInput key && focused != null) {
                // the compositor sends typed text as a key without a number; cells get it as Text
                deliver(focused, key.keyCode() == 0 && !key.text().isEmpty() ? new InputEvent.Text(key.text())
                        : new InputEvent.Key(key.pressed(), key.keyCode(), "", key.modifiers()), arrived);
            }
        });
    }

    /**
     * Called on the tissue thread with {@link System#nanoTime()} at the moment an input event arrived and the scene
     * version that shows its effect, whenever an event made a cell draw again (to measure input → pixel).
     */
    public void onInputPublished(java.util.function.BiConsumer<Long, Long> listener) {
        inputPublished = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * Routes pointer input: to the cell the compositor hit-tested (what was on screen) when it still lives, else to
     * the front-most cell whose bounds hold the point. A press moves the keyboard focus to that cell.
     */
    private CompletableFuture<Void> pointer(PointerInput pointer, long arrived) {
        LiveCell target = pointer.cellId().isEmpty() ? null : cells.get(pointer.cellId());
        float lx = pointer.localX();
        float ly = pointer.localY();
        if (target == null) {
            if (!pointer.cellId().isEmpty() && (pointer.kind() == SceneMessage.PointerKind.LEAVE
                    || pointer.kind() == SceneMessage.PointerKind.ENTER)) {
                return DONE;
            }
            target = cellAt(pointer.x(), pointer.y());
            if (target == null) {
                return DONE;
            }
            lx = pointer.x() - surfaceOf(target).x() - target.x;
            ly = pointer.y() - surfaceOf(target).y() - target.y;
        }
        if (pointer.kind() == SceneMessage.PointerKind.PRESS && focused != target) {
            LiveCell losing = focused;
            focused = target;
            if (losing != null && cells.get(losing.id) == losing) {
                deliver(losing, new InputEvent.Focus(false), arrived);
            }
            deliver(target, new InputEvent.Focus(true), arrived);
        }
        InputEvent event = pointer.kind() == SceneMessage.PointerKind.SCROLL
                ? new InputEvent.Scroll(lx, ly, pointer.scrollX(), pointer.scrollY(), pointer.modifiers())
                : new InputEvent.Pointer(InputEvent.Pointer.Kind.valueOf(pointer.kind().name()), lx, ly,
                        pointer.button(), pointer.modifiers());
        return deliver(target, event, arrived);
    }

    /** {@code surface} with the background its role has in the theme: panels a bar, overlays nothing. */
    private SceneMessage.Surface painted(SceneMessage.Surface surface) {
        return surface.withBackground(switch (surface.role()) {
            case PANEL -> theme.color("panel", theme.color("surfaceAlt", dev.cellshell.widgets.Color.rgb(46, 52,
                    64)));
            case OVERLAY -> 0;
            default -> spec.background();
        });
    }

    /** The front-most cell at screen point (x, y): overlays above panels above windows above desktops. */
    private LiveCell cellAt(float x, float y) {
        List<LiveCell> frontToBack = new ArrayList<>(cells.values());
        java.util.Collections.reverse(frontToBack);
        frontToBack.sort(java.util.Comparator.comparingInt(c -> -surfaceOf(c).role().ordinal()));
        return frontToBack.stream().filter(c -> c.contains(x, y, surfaceOf(c).x(), surfaceOf(c).y())).findFirst()
                .orElse(null);
    }

    /** The surface that shows {@code cell} (its first copy), or the whole desktop before any placement. */
    private SceneMessage.Surface surfaceOf(LiveCell cell) {
        SurfacePlacement where = placement;
        String on = cell.surface.isEmpty() ? spec.surfaces().get(0).name() : cell.surface;
        List<SceneMessage.Surface> showing = where == null ? List.of() : where.showing(on);
        return showing.isEmpty() ? new SceneMessage.Surface(on, SceneMessage.Role.DESKTOP, "", 0, 0, spec.width(),
                spec.height(), SceneMessage.Edge.NONE, 0, 0) : showing.get(0);
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Input and timed renders whose host has not answered yet, and who waits for none to be left. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final List<CompletableFuture<Void>> whenSettled = new CopyOnWriteArrayList<>();

    private <T> CompletableFuture<T> tracked(CompletableFuture<T> work) {
        inFlight.incrementAndGet();
        return work.whenComplete((result, error) -> {
            if (inFlight.decrementAndGet() == 0) {
                whenSettled.forEach(waiter -> waiter.complete(null));
                whenSettled.clear();
            }
        });
    }

    /**
     * Completes once the input and timed renders in flight have been answered by their hosts and applied (a test's
     * positive signal; {@link #click} already waits for its own).
     */
    public CompletableFuture<Void> settled() {
        return CompletableFuture.supplyAsync(() -> {
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            whenSettled.add(waiter);
            if (inFlight.get() == 0) {
                whenSettled.remove(waiter);
                waiter.complete(null);
            }
            return waiter;
        }, tissueThread).thenCompose(waiter -> waiter);
    }

    /**
     * Gives input to a cell without waiting for its host: the answer, the save of its state and its redraw come
     * back on the tissue thread (so a hung host holds up its own cells only). Completes once all of that is done.
     */
    private CompletableFuture<Void> deliver(LiveCell cell, InputEvent event, long arrived) {
        if (cell.instance == 0) {
            return DONE;
        }
        long target = cell.instance;
        return tracked(deliverTo(cell, target, event, arrived));
    }

    private CompletableFuture<Void> deliverTo(LiveCell cell, long target, InputEvent event, long arrived) {
        long started = System.nanoTime();
        return membrane.callLater(cell.host, cell.id, cell.generation, theme,
                HostEvents.of(target, event, context(cell))).thenAccept(answer -> {
                    if (!stillFor(cell, target, answer)) {
                        return;
                    }
                    if (answer instanceof Failed failed) {
                        fail(cell, failed.error());
                        return;
                    }
                    if (!(answer instanceof HostMessage.Handled done)) {
                        fail(cell, "onEvent (the host answered " + answer.getClass().getSimpleName() + ")");
                        return;
                    }
                    if (done.againIn() >= 0) {
                        scheduleRender(cell, done.againIn());
                    }
                    save(cell, done.state());
                    if (done.dirty()) {
                        drawn(cell, target, new HostMessage.Rendered(done.displayList(), -1),
                                System.nanoTime() - started);
                        inputPublished.accept(arrived, publish());
                    }
                });
    }

    /** Saves the cell's props and state when they changed since the last save; durable when this returns. */
    private void persist(LiveCell cell) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        if (cell.instance != 0) {
            Answer answer = call(cell.host, cell, cell.generation, new HostMessage.ReadState(cell.instance));
            if (answer instanceof HostMessage.StateSnapshot snapshot) {
                state.putAll(snapshot.state());
            } else if (cell.lastSaved != null) {
                state.putAll(cell.lastSaved.state());
            }
        } else if (cell.lastSaved != null) {
            state.putAll(cell.lastSaved.state());
        }
        save(cell, state);
    }

    /** Saves the cell's props and {@code state} when they changed since the last save; durable when this returns. */
    private void save(LiveCell cell, Map<String, Object> state) {
        TissueStore.SavedCell saved = new TissueStore.SavedCell(cell.props.asMap(), withoutNulls(state));
        if (!saved.equals(cell.lastSaved)) {
            try {
                store.save(cell.id, saved);
                cell.lastSaved = saved;
            } catch (RuntimeException e) {
                LOG.error("cell '{}': state not saved: {}", cell.id, e.toString());
            }
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>(values);
        kept.values().removeIf(java.util.Objects::isNull);
        return kept;
    }

    /**
     * A click at desktop (x, y), as if from the compositor: press and release. Completes with the id of the cell
     * that got it (empty when none) once it was handled and its state saved.
     */
    public CompletableFuture<String> click(float x, float y) {
        return CompletableFuture.supplyAsync(() -> {
            CompletableFuture<Void> press = pointer(new PointerInput(SceneMessage.PointerKind.PRESS, x, y, 1),
                    System.nanoTime());
            CompletableFuture<Void> release = pointer(new PointerInput(SceneMessage.PointerKind.RELEASE, x, y, 1),
                    System.nanoTime());
            LiveCell hit = cellAt(x, y);
            String id = hit == null ? "" : hit.id;
            return press.thenCombine(release, (a, b) -> id);
        }, tissueThread).thenCompose(answer -> answer);
    }

    /** Draws the cell again and waits for it (its placeholder when it has no instance). */
    private void render(LiveCell cell) {
        if (cell.instance == 0) {
            showStandIn(cell);
            return;
        }
        long target = cell.instance;
        long started = System.nanoTime();
        Answer answer = call(cell.host, cell, cell.generation, new HostMessage.Render(target, context(cell)));
        drawn(cell, target, answer, System.nanoTime() - started);
    }

    /**
     * Draws the cell again without waiting for its host; completes on the tissue thread with whether its display
     * list changed (an answer for an instance the cell no longer has is dropped).
     */
    private CompletableFuture<Boolean> renderLater(LiveCell cell) {
        if (cell.instance == 0) {
            long before = cell.renderVersion;
            showStandIn(cell);
            return CompletableFuture.completedFuture(cell.renderVersion != before);
        }
        long target = cell.instance;
        long started = System.nanoTime();
        return membrane.callLater(cell.host, cell.id, cell.generation, theme,
                new HostMessage.Render(target, context(cell))).thenApply(answer -> {
                    if (!stillFor(cell, target, answer)) {
                        return false;
                    }
                    long before = cell.renderVersion;
                    drawn(cell, target, answer, System.nanoTime() - started);
                    return cell.renderVersion != before;
                });
    }

    /**
     * Whether an answer for instance {@code target} still concerns the cell: it is still in the tissue and still has
     * that instance, or lost it in this very call (its host died running it: a fault to count).
     */
    private boolean stillFor(LiveCell cell, long target, Answer answer) {
        return cells.get(cell.id) == cell
                && (cell.instance == target || cell.instance == 0 && answer instanceof Failed);
    }

    /** What a render of instance {@code target} answered: the new display list, or a fault. */
    private void drawn(LiveCell cell, long target, Answer answer, long nanos) {
        checkHealth(cell, nanos);
        String failure = null;
        DisplayList list = null;
        if (answer instanceof Failed failed) {
            failure = failed.error();
        } else if (answer instanceof HostMessage.Rendered rendered) {
            try {
                list = DisplayList.of(rendered.displayList());
                if (rendered.againIn() >= 0) {
                    scheduleRender(cell, rendered.againIn());
                }
            } catch (IllegalArgumentException e) {
                failure = "render (sent a display list that does not decode: " + e.getMessage() + ")";
            }
        } else {
            failure = "render (the host answered " + answer.getClass().getSimpleName() + ")";
        }
        if (failure != null) {
            fail(cell, failure);
            if (cell.instance == 0) {
                showStandIn(cell);
            }
        } else if (cell.instance == target) {
            show(cell, list);
        }
    }

    private static void show(LiveCell cell, DisplayList list) {
        cell.standIn = false;
        if (!list.equals(cell.displayList)) {
            cell.displayList = list;
            cell.renderVersion++;
        }
    }

    /**
     * Shows what stands in for a cell without an instance: a cell on another node keeps its last frame, dimmed,
     * with a badge saying why (drawn here, so it shows whatever the network does); any other cell its placeholder.
     */
    private void showStandIn(LiveCell cell) {
        if (!cell.standIn) {
            cell.liveFrame = cell.displayList;
        }
        DisplayList standIn = !cell.node().isEmpty() && cell.quarantined.isEmpty()
                ? RemoteBadge.over(cell.liveFrame, cell.width, cell.height, nodes.ready(cell.node())
                        ? "on " + cell.node() + ": " + (cell.lastError.isEmpty() ? "starting" : cell.lastError)
                        : "disconnected from " + cell.node())
                : placeholder(cell);
        if (!cell.node().isEmpty() && !nodes.ready(cell.node())) {
            cell.lastError = "disconnected from " + cell.node();
        }
        if (!standIn.equals(cell.displayList)) {
            cell.displayList = standIn;
            cell.renderVersion++;
        }
        cell.standIn = true;
    }

    private void checkHealth(LiveCell cell, long nanos) {
        boolean wasSlow = cell.slow();
        cell.lastRenderNanos = nanos;
        if (!cell.node().isEmpty()) {
            // Measured here, a remote cell's render includes the round trip (and a new host's cold start there):
            // against a 16 ms frame budget every one would look slow. Its node's time is not known here.
            cell.slowRenders = 0;
            return;
        }
        cell.slowRenders = nanos > FRAME_BUDGET_NANOS ? cell.slowRenders + 1 : 0;
        if (cell.slow() && !wasSlow) {
            LOG.warn("cell '{}' ({} generation {}) is unhealthy: {}", cell.id, cell.type, cell.generationNumber(),
                    cell.health());
        }
    }

    /** What a cell whose type cannot run shows instead: its id and why, so the desktop says what is wrong. */
    private static DisplayList placeholder(LiveCell cell) {
        return DisplayList.record(c -> {
            c.fillRoundRect(0, 0, cell.width, cell.height, 8, Color.rgb(90, 30, 36));
            c.strokeRoundRect(1, 1, cell.width - 2, cell.height - 2, 7, 2, Color.rgb(191, 97, 106));
            c.drawText(cell.id + " (" + cell.type + ") is " + (cell.quarantined.isEmpty() ? "not running"
                    : "quarantined"), 12, 24, 15, Color.WHITE, Align.LEFT);
            String why = cell.lastError.isEmpty() ? "see the shell log or the workbench" : cell.lastError;
            c.drawText(why.length() > 60 ? why.substring(0, 59) + "…" : why, 12, 44, 12, Color.rgb(230, 200, 200),
                    Align.LEFT);
        });
    }

    /**
     * Calls a live cell's code in its host; a failure (or its host dying) is logged with cell, type and generation and
     * counted as a fault (rollback or quarantine). Handled answers ask for timed renders as the cell wished.
     */
    private Answer supervised(LiveCell cell, HostMessage request) {
        Answer answer = call(cell.host, cell, cell.generation, request);
        if (answer instanceof Failed failed) {
            fail(cell, failed.error());
        } else if (answer instanceof HostMessage.Handled handled && handled.againIn() >= 0) {
            scheduleRender(cell, handled.againIn());
        }
        return answer;
    }

    private void fail(LiveCell cell, String error) {
        if (notFaults.remove(error)) {
            LOG.warn("cell '{}' lost its host ({}); it is restored from its saved state", cell.id, error);
            return;
        }
        cell.lastError = error;
        LOG.error("cell '{}' ({} generation {}) failed in {}", cell.id, cell.type, cell.generationNumber(), error);
        fault(cell, error);
    }

    private void closeQuietly(LiveCell cell, CellHost host, long instance) {
        closeQuietly(cell, host, instance, cell.generation);
    }

    /** Closes {@code instance}, which runs {@code generation}'s code (its services are checked against it). */
    private void closeQuietly(LiveCell cell, CellHost host, long instance, Generation generation) {
        if (host == null || instance == 0) {
            return;
        }
        Answer closed = call(host, cell, generation, new HostMessage.Close(instance));
        if (closed instanceof Failed failed) {
            LOG.warn("cell '{}': {}", cell.id, failed.error());
        }
    }

    /**
     * A running cell failed: roll its type back to the generation that ran before (state carried), or, after
     * more than {@link #MAX_FAULTS} faults within {@link #FAULT_WINDOW_NANOS}, or when the rollback itself
     * fails, quarantine it until it is swapped again.
     */
    private void fault(LiveCell cell, String error) {
        if (cell.generation == null || !cell.quarantined.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        cell.faults.removeIf(t -> now - t > FAULT_WINDOW_NANOS);
        cell.faults.add(now);
        Generation good = lastGood.get(cell.type);
        if (cell.faults.size() > MAX_FAULTS || handlingFault) {
            quarantine(cell, cell.faults.size() > MAX_FAULTS
                    ? cell.faults.size() + " faults in " + FAULT_WINDOW_NANOS / 1_000_000_000L + " s, last: " + error
                    : (cell.faults.size() > 1 ? "failed again while recovering: " : "") + error);
            return;
        }
        handlingFault = true;
        try {
            if (good == null || good == cell.generation) {
                restart(cell, error);
            } else {
                rollBack(cell.type, good, error);
            }
        } finally {
            handlingFault = false;
        }
    }

    /**
     * A faulted cell whose type has no generation to roll back to (a built-in, a first generation) starts again: a new
     * instance of the same generation, from its last saved state (the failed call may have left the old one's fields
     * half changed). A render over its budget may be the machine's moment (a loaded CI box, a long pause), not the
     * code, and quarantining a built-in Terminal for one left it a placeholder for good; code that fails every time
     * fails again and is quarantined at the restart intensity, or at once when the restarted instance fails.
     */
    private void restart(LiveCell cell, String error) {
        List<SourceFile> running = cell.generation.sources();
        journal.record("supervisor", "restart", cell.id, cell.type, cell.generationNumber(), running, running,
                "restarted from its saved state: " + error);
        LOG.warn("cell '{}' ({} generation {}) has no earlier generation to roll back to: it starts again from its "
                + "saved state", cell.id, cell.type, cell.generationNumber());
        closeQuietly(cell, cell.host, cell.instance);
        cell.instance = 0;
        cell.host = null;
        instantiate(cell, cell.generation, savedState(cell), 0);
        if (cell.instance == 0) {
            quarantine(cell, "restarting it failed: " + cell.lastError);
            return;
        }
        cell.lastError = "restarted (fault " + cell.faults.size() + " of " + MAX_FAULTS + " allowed in "
                + FAULT_WINDOW_NANOS / 1_000_000_000L + " s): " + error;
        publish();
        String report = cell.lastError;
        listeners.forEach(l -> l.faulted(cell.id, report));
        // Its last frame stays until the new instance draws (a new host's cold first render on a loaded machine
        // must not quarantine it).
        firstRenderOfNewInstance(cell);
    }

    private void rollBack(String type, Generation good, String error) {
        Generation bad = generations.put(type, good);
        lastGood.remove(type);
        String firstCell = cells.values().stream().filter(c -> c.type.equals(type)).map(c -> c.id).findFirst()
                .orElse("");
        journal.record("supervisor", "rollback", firstCell, type, good.number(),
                bad == null ? List.of() : bad.sources(), good.sources(),
                "rolled back from generation " + (bad == null ? 0 : bad.number()) + ": " + error);
        LOG.warn("rolling {} back from generation {} to {}: {}", type, bad == null ? 0 : bad.number(), good.number(),
                error);
        try {
            Map<String, String> files = new LinkedHashMap<>();
            good.sources().forEach(f -> files.put(f.name(), f.text()));
            writeSources(type, good.sources(), files);
        } catch (IOException e) {
            LOG.error("{} rolled back in memory but its source could not be restored on disk: {}", type,
                    e.getMessage());
        }
        for (LiveCell cell : cells.values()) {
            if (cell.type.equals(type) && cell.generation != null && cell.quarantined.isEmpty()) {
                long previous = cell.generationNumber();
                instantiate(cell, good, savedState(cell), previous);
                if (cell.generation != good) {
                    quarantine(cell, "rolling back to generation " + good.number() + " failed: " + cell.lastError);
                    continue;
                }
                cell.lastError = "rolled back from generation " + previous + " to " + good.number() + ": " + error;
                render(cell);
                persist(cell);
                String report = cell.lastError;
                listeners.forEach(l -> l.faulted(cell.id, report));
            }
        }
        publish();
    }

    private void quarantine(LiveCell cell, String reason) {
        LOG.error("cell '{}' ({} generation {}) quarantined: {}", cell.id, cell.type, cell.generationNumber(),
                reason);
        CellHost host = cell.host;
        long instance = cell.instance;
        cell.instance = 0;
        cell.host = null;
        closeQuietly(cell, host, instance);
        cell.quarantined = reason;
        cell.lastError = "quarantined: " + reason;
        List<SourceFile> running = cell.generation == null ? List.of() : cell.generation.sources();
        journal.record("supervisor", "quarantine", cell.id, cell.type, cell.generationNumber(), running, running,
                "quarantined: " + reason);
        render(cell);
        publish();
        String report = cell.lastError;
        listeners.forEach(l -> l.faulted(cell.id, report));
    }

    private void scheduleRender(LiveCell cell, long millis) {
        if (timeFrozen || cell.renderScheduled || tissueThread.isShutdown()) {
            return;
        }
        cell.renderScheduled = true;
        long delay = cell.slow() ? Math.max(millis, THROTTLED_MILLIS) : millis;
        tissueThread.schedule(() -> {
            cell.renderScheduled = false;
            if (cells.get(cell.id) == cell) {
                tracked(renderLater(cell).thenAccept(changed -> {
                    if (changed) {
                        publish();
                    }
                }));
            }
        }, Math.max(1, delay), TimeUnit.MILLISECONDS);
    }

    /**
     * How much all cells' display lists may weigh together: large lists travel inline on the scene socket, whose
     * frames stop at 64 MB, and a scene that cannot be sent would leave the desktop unable to draw anything.
     */
    static final long SCENE_BUDGET_BYTES = 48L << 20;

    private long publish() {
        for (int checked = 0; checked <= cells.size(); checked++) {
            long total = cells.values().stream().mapToLong(c -> c.displayList.size()).sum();
            if (total <= SCENE_BUDGET_BYTES) {
                break;
            }
            LiveCell heaviest = cells.values().stream()
                    .max(java.util.Comparator.comparingInt(c -> c.displayList.size())).orElseThrow();
            if (!heaviest.quarantined.isEmpty()) {
                break;
            }
            // The heaviest drawing is the one to blame: quarantined (drawn as a small placeholder), which publishes.
            quarantine(heaviest, "its drawing of " + heaviest.displayList.size() / (1 << 20) + " MB pushed the "
                    + "desktop's drawings past " + SCENE_BUDGET_BYTES / (1 << 20) + " MB together");
            return sceneVersion;
        }
        List<Layer> layers = new ArrayList<>(cells.size());
        SurfacePlacement where = placement;
        String first = spec.surfaces().get(0).name();
        for (LiveCell cell : cells.values()) {
            String on = cell.surface.isEmpty() ? first : cell.surface;
            String home = where == null ? on : where.homes().getOrDefault(on, on);
            float x = cell.x;
            float y = cell.y;
            if (!home.equals(on) && where != null) {
                // On a stand-in while its monitor is away: kept inside the stand-in's area so it can be seen.
                float[] area = where.area(home, new float[] {spec.width(), spec.height()});
                x = Math.max(0, Math.min(x, area[0] - cell.width));
                y = Math.max(0, Math.min(y, area[1] - cell.height));
            }
            layers.add(new Layer(cell.id, cell.generationNumber(), cell.renderVersion, x, y, cell.width,
                    cell.height, -1, cell.displayList.bytes(), home));
        }
        views = cells.values().stream().map(LiveCell::view).toList();
        uses = usesOfCells();
        sink.publish(new PublishScene(++sceneVersion, spec.background(), layers, where == null ? List.of()
                : where.surfaces().stream().map(this::painted).toList()));
        return sceneVersion;
    }

    /** The cells as of the last published scene, back to front. Safe from any thread. */
    public List<CellView> cells() {
        return views;
    }

    private Map<String, java.util.Set<String>> usesOfCells() {
        Map<String, java.util.Set<String>> all = new java.util.HashMap<>();
        cells.forEach((id, cell) -> {
            if (cell.generation != null && !cell.generation.uses().isEmpty()) {
                all.put(id, java.util.Set.copyOf(cell.generation.uses()));
            }
        });
        return Map.copyOf(all);
    }

    /** The source files of the generation a cell runs (or of its type on disk when none runs). */
    public CompletableFuture<List<SourceFile>> sources(String cellId) {
        return CompletableFuture.supplyAsync(() -> {
            LiveCell cell = cells.get(cellId);
            if (cell == null) {
                throw new IllegalArgumentException("no cell with id '" + cellId + "'");
            }
            return cell.generation != null ? cell.generation.sources() : readSourcesOrEmpty(cell.type);
        }, tissueThread);
    }

    /** The class loader of the generation a cell runs, for leak checks; empty when none runs. */
    CompletableFuture<java.util.Optional<ClassLoader>> generationLoader(String cellId) {
        return CompletableFuture.supplyAsync(() -> java.util.Optional.ofNullable(cells.get(cellId))
                .filter(c -> c.instance != 0 && c.host instanceof InProcessHost)
                .map(c -> ((InProcessHost) c.host).loaderOf(c.instance)), tissueThread);
    }

    /** The desktop size the tissue was laid out for. */
    public int[] desktopSize() {
        TissueSpec s = spec;
        return s == null ? new int[] {1280, 720} : new int[] {s.width(), s.height()};
    }

    public void addListener(TissueListener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        CompletableFuture.runAsync(() -> {
            cells.values().forEach(cell -> closeQuietly(cell, cell.host, cell.instance));
            membrane.close();
        }, tissueThread).orTimeout(3, TimeUnit.SECONDS).exceptionally(e -> null).join();
        terminals.close();
        tissueThread.shutdownNow();
        compilerThread.shutdownNow();
    }
}
