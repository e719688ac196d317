package dev.cellshell.shell;

import dev.cellshell.ipc.SceneRegion;
import dev.cellshell.ipc.SocketServer;
import dev.cellshell.livecompiler.InPlaceAgent;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.control.ControlServer;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.history.SourceArchive;
import dev.cellshell.shell.host.HostLaunch;
import dev.cellshell.shell.host.Hosts;
import dev.cellshell.shell.scene.CompositorProcess;
import dev.cellshell.shell.scene.SceneLink;
import dev.cellshell.shell.store.ChronicleTissueStore;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.watch.WorkspaceWatcher;
import dev.cellshell.shell.workbench.Workbench;
import dev.cellshell.shell.workspace.TissueSpec;
import dev.cellshell.shell.workspace.Workspace;
import dev.cellshell.shell.workspace.WorkspaceLock;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell process, assembled: workspace → tissue (with the live compiler) → scene link (which starts the
 * compositor) → control socket → workbench. {@link #close()} takes it down in the reverse order.
 */
public final class Shell implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);
    /** How long a cell type's files must stay unchanged on disk before they are swapped in. */
    private static final java.time.Duration WATCH_QUIET = java.time.Duration.ofMillis(40);
    /** Background compiles after start, so that the first real swap does not meet a cold compiler. */
    private static final int WARM_UP_COMPILES = Integer.getInteger("cellshell.warmUpCompiles", 20);

    /**
     * @param frozenTime when set, the desktop's clock stands still at this instant, and the system figures cells see
     *     too (reproducible screenshots)
     * @param workbench whether to open the JavaFX workbench window (needs a display)
     * @param window show every surface in one ordinary window instead of being the desktop (one window per surface)
     * @param template what a new workspace starts from ({@code desktop} or {@code demo}); unused for an existing one
     * @param renderer the compositor's graphics API: {@code vulkan}, {@code gl}, {@code cpu} (Skia on the CPU) or
     *     {@code auto}
     */
    public record Options(Path workspace, boolean headless, Instant frozenTime, boolean workbench,
            String compositorClasspath, boolean inPlace, boolean window, String template, String renderer) {

        public Options(Path workspace, boolean headless, Instant frozenTime, boolean workbench,
                String compositorClasspath, boolean inPlace, boolean window, String template) {
            this(workspace, headless, frozenTime, workbench, compositorClasspath, inPlace, window, template, "auto");
        }

        public Options(Path workspace, boolean headless, Instant frozenTime, boolean workbench,
                String compositorClasspath, boolean inPlace) {
            this(workspace, headless, frozenTime, workbench, compositorClasspath, inPlace, false, "desktop");
        }
    }

    private final Workspace workspace;
    private final SocketServer controlSocket;
    private final SceneLink scene;
    private volatile Tissue tissue;
    private volatile ControlServer control;
    private final CompletableFuture<ChronicleTissueStore> opening;
    private volatile AuditLog audit;
    private volatile dev.cellshell.shell.axon.Axon axon;
    private volatile WorkspaceWatcher watcher;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final WorkspaceLock lock;
    private final Path runDirectory;
    private volatile Workbench workbench;
    private volatile History history;

    /** The plain-language engine; its model loads in the background once the first frame is out. */
    /** How long after start-up the class-data archives of the next start are built (see ClassDataArchive). */
    private static final long CDS_SETTLE_MILLIS = Long.getLong("cellshell.cds.settleMillis", 20_000);
    private final dev.cellshell.shell.intent.Engine intents = dev.cellshell.shell.intent.Engine.create();
    private volatile dev.cellshell.shell.intent.Asker asker;
    /** The organelles (notifications, apps, windows, power, network, media, tray); they connect after start. */
    private volatile dev.cellshell.shell.organelles.Organelles organelles;

    private Shell(Options options) throws IOException {
        workspace = Workspace.open(options.workspace(), options.template());
        lock = WorkspaceLock.acquire(workspace.root());
        // The stores are this workspace's alone from here on (the lock): open them while the rest starts.
        opening = openStores(workspace.root().resolve("store"));
        try {
            sweepStaleRunDirectories();
            runDirectory = workspace.createRunDirectory();
            dev.cellshell.ipc.RuntimeDirectory.claim(runDirectory);
            Files.createDirectories(workspace.compositorLog().getParent());
            controlSocket = SocketServer.bind(workspace.controlSocket());
            SocketServer sceneSocket = SocketServer.bind(workspace.sceneSocket());
            SceneRegion region = SceneRegion.create(workspace.sceneRegion(), SceneLink.REGION_SLOTS,
                    SceneLink.REGION_SLOT_BYTES);
            scene = new SceneLink(sceneSocket, region, message -> {
                Tissue t = tissue;
                if (t != null) {
                    t.input(message);
                }
            }, this::close);
        } catch (IOException | RuntimeException e) {
            closeStores();
            lock.close();
            throw e;
        }
    }

    /**
     * Opens the state and generation stores on a thread of their own (Chronicle's start-up, ~0.3–0.4 s here, runs
     * beside the compositor's and the shell's own).
     */
    private static CompletableFuture<ChronicleTissueStore> openStores(Path directory) {
        CompletableFuture<ChronicleTissueStore> opened = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            long start = System.nanoTime();
            try {
                opened.complete(ChronicleTissueStore.open(directory));
                LOG.info("stores open in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        }, "stores-open");
        opener.setDaemon(true);
        opener.start();
        return opened;
    }

    /** The stores once open; their opening's failure as it was thrown. */
    private ChronicleTissueStore stores() throws IOException {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("the stores did not open", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the stores opened", e);
        }
    }

    /** Closes the stores, waiting for them when they are still opening. */
    private void closeStores() {
        try {
            ChronicleTissueStore open = opening.get(60, TimeUnit.SECONDS);
            open.close();
        } catch (ExecutionException | TimeoutException e) {
            // Never opened (its failure is reported where it is used), or hung: nothing to close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything and returns once the first scene is published and the control socket answers. */
    public static Shell start(Options options) throws Exception {
        Shell shell = new Shell(options);
        try {
            shell.startParts(options);
        } catch (Exception e) {
            shell.close();
            throw e;
        }
        return shell;
    }

    /**
     * The compositor's JVM starts first, so that it boots while the stores open (on their own thread since the
     * workspace was locked) and the cells compile (or come from the generation store); it draws as soon as the first
     * scene arrives. The tissue waits for the stores, because starting a cell restores its saved state.
     */
    private void startParts(Options options) throws Exception {
        long started = System.nanoTime();
        TissueSpec layout = workspace.readTissue();
        scene.start(new CompositorProcess(options.compositorClasspath(), workspace.sceneSocket(),
                workspace.sceneRegion(), workspace.compositorLog(), options.headless(), layout.width(),
                layout.height(), !options.window(), options.renderer()));
        Instant frozen = options.frozenTime();
        Instrumentation inPlace = !options.inPlace() ? null : InPlaceAgent.instrumentation().orElseThrow(() ->
                new IllegalStateException("--in-place needs the JVM agent: start the shell with ./cell run --in-place"));
        audit = AuditLog.open(workspace.root().resolve("audit.log"));
        history = new History(audit, new SourceArchive(workspace.root().resolve("history/sources")));
        // Cells run in cell hosts (child JVMs behind the kernel's walls); only the in-place tier keeps them in this
        // JVM, because the agent that redefines classes lives here.
        HostLaunch launch = HostLaunch.of(runDirectory, workspace.compositorLog().getParent());
        if (inPlace != null) {
            LOG.warn("--in-place: cells run in the shell's own JVM (its agent redefines their classes), not in hosts");
        } else if (!launch.confined()) {
            LOG.warn("{}", HostLaunch.confinementReport());
        }
        Hosts.Factory hostFactory = inPlace != null ? Hosts.Factory.inProcess(Shell.class.getClassLoader())
                : Hosts.Factory.processes(launch);
        // This workspace as a node (the axon gateway): cells with "isolation": "node:NAME" run in a cell host there.
        Hosts.Factory localHosts = hostFactory;
        try {
            axon = dev.cellshell.shell.axon.Axon.open(workspace.root());
            hostFactory = axon.hosts(localHosts);
        } catch (IOException e) {
            LOG.error("remote cells are off: {}", e.getMessage());
        }
        tissue = new Tissue(workspace, new LiveCompiler(Shell.class.getClassLoader()), hostFactory,
                frozen == null ? Instant::now : () -> frozen, frozen != null, scene, inPlace, stores(),
                history);
        Tissue placedTissue = tissue;
        organelles = dev.cellshell.shell.organelles.Organelles.ofEnvironment(System.getenv(), workspace.root());
        tissue.useOrganelles(organelles);
        scene.onMonitors(placedTissue::monitorsChanged);
        tissue.useWorkspaces(scene::workspaces, scene::switchWorkspace);
        scene.onWorkspaces(w -> placedTissue.workspacesChanged());
        if (!scene.monitors().isEmpty()) {
            tissue.monitorsChanged(scene.monitors());
        }
        if (frozen != null) {
            tissue.useSystemStats(new dev.cellshell.shell.tissue.FrozenSystemStats());
        }
        tissue.onInputPublished(scene::trackInput);
        dev.cellshell.shell.intent.CodeWriter coder = null;
        try {
            var model = dev.cellshell.shell.intent.LanguageModels.configured(workspace.root(), System.getenv());
            if (model.isPresent()) {
                coder = new dev.cellshell.shell.intent.CodeWriter(model.get(), tissue, workspace, history);
                LOG.info("language model configured: {} (cell ask --llm)", model.get().name());
            }
        } catch (IllegalArgumentException e) {
            LOG.error("language model not configured: {}; plain language stays offline", e.getMessage());
        }
        asker = new dev.cellshell.shell.intent.Asker(intents,
                new dev.cellshell.shell.intent.PlanRunner(tissue, history, workspace.root()).use(
                        new dev.cellshell.shell.organelles.OrganelleActions(organelles,
                                () -> scene.workspaces().count(), scene::switchWorkspace)), coder);
        scene.onSelection(asker::focus);
        control = new ControlServer(controlSocket, tissue, scene, history, workspace.root(), asker);
        dev.cellshell.shell.axon.Axon node = axon;
        if (node != null) {
            tissue.useNodes(new Tissue.Nodes() {
                @Override
                public boolean knows(String name) {
                    return node.knows(name);
                }

                @Override
                public boolean ready(String name) {
                    return node.ready(name);
                }
            });
            node.onReadiness(placedTissue::nodeReadiness);
            AuditLog log = audit;
            node.serve(tissue, localHosts, (peer, action, type, generation, sent, own, result) -> {
                try {
                    log.append("peer:" + peer, action, "", type, generation, sent.isEmpty() ? ""
                            : dev.cellshell.shell.history.SourceDiff.hash(sent), own.isEmpty() ? ""
                            : dev.cellshell.shell.history.SourceDiff.of(own, sent), result);
                } catch (IOException e) {
                    LOG.error("audit entry for node '{}' ({} {}) not written: {}", peer, action, type, e.toString());
                }
            });
            control.useNodes(new dev.cellshell.shell.axon.NodeVerbs(node)::answer);
        }
        tissue.start().get(120, TimeUnit.SECONDS);
        control.start();
        organelles.start(() -> { });
        watcher = new WorkspaceWatcher(workspace, tissue, WATCH_QUIET).start();
        // The compiler's JIT warm-up (so that the first swap is fast) waits for the first frame: its compiles and the
        // JIT threads they wake took ~0.9 s of CPU that the first frame competed for on two cores.
        Tissue warming = tissue;
        scene.presented(1).completeOnTimeout(0L, 10, TimeUnit.SECONDS)
                .thenRun(() -> warming.warmUpCompiler(WARM_UP_COMPILES));
        LOG.info("shell up in {} ms: workspace {}, {} cells, control socket {}",
                (System.nanoTime() - started) / 1_000_000, workspace.root(), tissue.cells().size(),
                workspace.controlSocket());
        dev.cellshell.shell.cds.ClassDataArchive.buildWhenSettled(options.compositorClasspath(), CDS_SETTLE_MILLIS);
        if (options.workbench()) {
            workbench = Workbench.open(tissue, asker, history, dev.cellshell.shell.workbench.DesktopLink.of(scene),
                    workspace.root(), this::close);
        }
    }

    public Tissue tissue() {
        return tissue;
    }

    public SceneLink scene() {
        return scene;
    }

    /** The audit log and the archive of versions (undo, roll back). */
    public History history() {
        return history;
    }

    /** What answers plain-language requests (the prompt bar, {@code cell ask}). */
    public dev.cellshell.shell.intent.Asker asker() {
        return asker;
    }

    /** Blocks until the shell is closed (window closed, signal, or {@link #close()}). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        LOG.info("shell closing");
        Workbench w = workbench;
        if (w != null) {
            w.close();
        }
        if (control != null) {
            control.close();
        }
        WorkspaceWatcher w2 = watcher;
        if (w2 != null) {
            w2.close();
        }
        scene.close();
        if (tissue != null) {
            tissue.close();
        }
        if (organelles != null) {
            organelles.close();
        }
        if (axon != null) {
            axon.close();
        }
        closeStores();
        if (audit != null) {
            audit.close();
        }
        controlSocket.close();
        try {
            dev.cellshell.ipc.RuntimeDirectory.delete(runDirectory);
        } catch (IOException e) {
            LOG.warn("could not remove the runtime folder {}: {}", runDirectory, e.toString());
        }
        lock.close();
        closed.countDown();
    }

    /**
     * Killed shells leave their runtime folders behind (sockets, shared memory in {@code /dev/shm}): the ones whose
     * shell is gone are removed before this one makes its own. (This workspace's own old folder too: the lock says
     * its shell is gone.)
     */
    private static void sweepStaleRunDirectories() {
        try {
            List<Path> removed = dev.cellshell.ipc.RuntimeDirectory.sweepStale();
            if (!removed.isEmpty()) {
                LOG.info("removed {} runtime folder(s) of shells that are gone", removed.size());
            }
        } catch (IOException e) {
            LOG.warn("could not look for stale runtime folders: {}", e.toString());
        }
    }
}
