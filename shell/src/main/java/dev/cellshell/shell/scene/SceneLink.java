package dev.cellshell.shell.scene;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.Hello;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.ShotReply;
import dev.cellshell.ipc.SceneMessage.ShotRequest;
import dev.cellshell.ipc.SceneRegion;
import dev.cellshell.ipc.SocketServer;
import dev.cellshell.shell.tissue.SceneSink;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's end of the scene socket. Keeps the newest scene so that a compositor that (re)connects draws the
 * desktop at once; supervises the compositor process, restarting it when it dies; reports when the window was
 * closed on purpose.
 */
public final class SceneLink implements SceneSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SceneLink.class);
    private static final long MAX_RESTART_DELAY_MS = 5_000;
    /** Two slots (a double buffer) per cell for 512 cells; pages are only backed once written. */
    public static final int REGION_SLOTS = 1024;
    /** A display list larger than a slot travels inline on the socket instead. */
    public static final int REGION_SLOT_BYTES = 64 * 1024;

    private final SocketServer server;
    private final SceneRegion region;
    /** Tissue thread only: each cell's slot pair, and the slot and stamp it was last announced in. */
    private final Map<String, Integer> pairs = new java.util.HashMap<>();
    private final Map<String, long[]> announced = new java.util.HashMap<>();
    private int nextPair;
    /** Pairs of cells that left the tissue, to be reused. */
    private final java.util.Deque<Integer> freePairs = new java.util.ArrayDeque<>();
    private volatile CompositorProcess process;
    private final Consumer<SceneMessage> input;
    private final Runnable windowClosed;
    private final Object lock = new Object();
    private final ConcurrentSkipListMap<Long, CompletableFuture<Long>> presentWaiters = new ConcurrentSkipListMap<>();
    private final Map<Long, CompletableFuture<byte[]>> shots = new ConcurrentHashMap<>();
    private final AtomicLong shotIds = new AtomicLong();
    private volatile Connection<SceneMessage> compositor;
    private volatile PublishScene latest;
    /** Every picture cells asked for, by key, the least recently asked for leaving first above 64 MB. */
    private final java.util.LinkedHashMap<Long, byte[]> pictures = new java.util.LinkedHashMap<>(16, 0.75f, true);
    private long pictureBytes;
    /** The keys the connected compositor has been sent. */
    private final java.util.Set<Long> pictured = new java.util.HashSet<>();
    private volatile long presented = -1;
    /**
     * When recent scene versions were first shown (nanoTime), so that a caller who asks after the frame came (a swap
     * whose post-publish work took a while) still gets the moment it showed, not the moment it asked.
     */
    private final ConcurrentSkipListMap<Long, Long> presentedAt = new ConcurrentSkipListMap<>();
    private static final int PRESENTED_KEPT = 256;
    private volatile Hello hello;
    private volatile long lastHelloPid = -1;
    private volatile boolean closed;
    private volatile Process running;
    private final Map<Long, CompletableFuture<SceneMessage.FrameStats>> statsWaiters = new ConcurrentHashMap<>();
    /** What the compositor draws over the cells; re-sent to every compositor that connects. */
    private volatile SceneMessage.Overlay overlay = SceneMessage.Overlay.NONE;
    private final List<Consumer<String>> selectionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Consumer<List<SceneMessage.Monitor>>> monitorListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile List<SceneMessage.Monitor> monitors = List.of();
    private final List<Consumer<SceneMessage.Workspaces>> workspaceListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile SceneMessage.Workspaces workspaces = SceneMessage.Workspaces.NONE;
    /** Input → presented frame, the last {@code INPUT_SAMPLES} in nanoseconds (a ring). */
    private static final int INPUT_SAMPLES = 512;
    private final long[] inputLatencies = new long[INPUT_SAMPLES];
    private long inputCount;

    /**
     * @param input receives pointer and key input from the compositor
     * @param windowClosed called when a person closed the compositor's window
     */
    public SceneLink(SocketServer server, SceneRegion region, Consumer<SceneMessage> input, Runnable windowClosed) {
        this.server = server;
        this.region = region;
        this.input = input;
        this.windowClosed = windowClosed;
    }

    /** Starts accepting compositor connections and starts (and watches) the compositor process. */
    public void start(CompositorProcess compositorProcess) {
        this.process = compositorProcess;
        daemon("scene-accept", this::acceptLoop).start();
        daemon("compositor-watch", this::superviseProcess).start();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private void superviseProcess() {
        long delay = 250;
        while (!closed) {
            try {
                Process p = process.start();
                running = p;
                LOG.info("compositor started, pid {} (log: {})", p.pid(), process.log());
                int exit = p.waitFor();
                if (closed) {
                    return;
                }
                if (exit == 0 && !process.headless()) {
                    LOG.info("compositor window closed");
                    windowClosed.run();
                    return;
                }
                LOG.error("compositor pid {} exited with {}; restarting (see {})", p.pid(), exit, process.log());
            } catch (IOException e) {
                LOG.error("cannot start the compositor: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // A compositor that got as far as saying hello and died (killed, lost its GPU) comes back at once; one
            // that keeps dying before that (broken driver, missing library) is retried less and less often.
            Process died = running;
            delay = died != null && died.pid() == lastHelloPid ? 250 : Math.min(delay * 2, MAX_RESTART_DELAY_MS);
            sleep(delay);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Connection<SceneMessage> connection;
            try {
                connection = server.accept(SceneMessage.CODEC);
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("scene socket failed: {}", e.toString());
                }
                return;
            }
            daemon("scene-reader", () -> serve(connection)).start();
        }
    }

    private void serve(Connection<SceneMessage> connection) {
        try {
            SceneMessage first = connection.receive();
            if (!(first instanceof Hello h)) {
                LOG.error("compositor connection refused: first message was {}, not Hello", first);
                connection.close();
                return;
            }
            hello = h;
            lastHelloPid = h.pid();
            LOG.info("compositor pid {} connected: {}x{} {} on {}", h.pid(), h.width(), h.height(),
                    h.windowed() ? "window" : "offscreen", h.renderer());
            synchronized (lock) {
                Connection<SceneMessage> previous = compositor;
                compositor = connection;
                if (previous != null) {
                    previous.close();
                }
                if (!overlay.equals(SceneMessage.Overlay.NONE)) {
                    connection.send(overlay);
                }
                pictured.clear();
                for (var picture : pictures.entrySet()) {
                    connection.send(new SceneMessage.Picture(picture.getKey(), picture.getValue()));
                    pictured.add(picture.getKey());
                }
                if (latest != null) {
                    connection.send(latest);
                }
            }
            for (SceneMessage message = connection.receive(); message != null; message = connection.receive()) {
                handle(message);
            }
            LOG.info("compositor pid {} disconnected", h.pid());
        } catch (dev.cellshell.ipc.ProtocolException e) {
            LOG.error("compositor sent a malformed frame, connection closed: {}", e.getMessage());
            connection.refuse(e.getMessage());
        } catch (IOException e) {
            LOG.warn("compositor connection ended: {}", e.toString());
        } finally {
            synchronized (lock) {
                if (compositor == connection) {
                    compositor = null;
                    hello = null;
                }
            }
            connection.close();
            shots.values().forEach(f -> f.completeExceptionally(new IOException("the compositor went away")));
            shots.clear();
            statsWaiters.values().forEach(f -> f.completeExceptionally(new IOException("the compositor went away")));
            statsWaiters.clear();
        }
    }

    private void handle(SceneMessage message) {
        if (message instanceof FramePresented frame) {
            long now = System.nanoTime();
            if (frame.sceneVersion() > presented) {
                presentedAt.put(frame.sceneVersion(), now);
                while (presentedAt.size() > PRESENTED_KEPT) {
                    presentedAt.pollFirstEntry();
                }
            }
            presented = Math.max(presented, frame.sceneVersion());
            var done = presentWaiters.headMap(frame.sceneVersion(), true);
            done.values().forEach(f -> f.complete(now));
            done.clear();
        } else if (message instanceof ShotReply reply) {
            CompletableFuture<byte[]> shot = shots.remove(reply.requestId());
            if (shot != null) {
                shot.complete(reply.png());
            }
        } else if (message instanceof PointerInput || message instanceof KeyInput) {
            input.accept(message);
        } else if (message instanceof SceneMessage.StatsReply reply) {
            CompletableFuture<SceneMessage.FrameStats> waiter = statsWaiters.remove(reply.requestId());
            if (waiter != null) {
                waiter.complete(reply.stats());
            }
        } else if (message instanceof SceneMessage.SelectCell select) {
            LOG.info("cell '{}' picked on screen", select.cellId());
            select(select.cellId());
        } else if (message instanceof SceneMessage.Workspaces w) {
            workspaces = w;
            workspaceListeners.forEach(l -> l.accept(w));
        } else if (message instanceof SceneMessage.Monitors m) {
            monitors = m.monitors();
            monitorListeners.forEach(l -> l.accept(m.monitors()));
        } else if (message instanceof SceneMessage.Resized resized) {
            LOG.info("compositor drawable is now {}x{} at scale {}", resized.width(), resized.height(),
                    resized.contentScale());
        } else {
            LOG.warn("ignoring unexpected {} from the compositor", message.getClass().getSimpleName());
        }
    }

    /**
     * Moves each changed display list into shared memory (the slot of its pair the compositor was not last told
     * about), so the socket only carries "cell X at stamp V in slot S". Lists too big for a slot, or beyond the
     * region's pairs, travel inline. Called on the tissue thread, the region's only writer.
     */
    PublishScene share(PublishScene scene) {
        java.util.Set<String> present = new java.util.HashSet<>();
        scene.layers().forEach(l -> present.add(l.cellId()));
        pairs.entrySet().removeIf(pair -> {
            if (present.contains(pair.getKey())) {
                return false;
            }
            freePairs.push(pair.getValue());
            announced.remove(pair.getKey());
            return true;
        });
        List<Layer> layers = new java.util.ArrayList<>(scene.layers().size());
        for (Layer layer : scene.layers()) {
            long[] last = announced.get(layer.cellId());
            if (last != null && last[1] == layer.renderVersion()) {
                layers.add(layer.inSlot((int) last[0]));
                continue;
            }
            Integer pair = pairs.get(layer.cellId());
            if (pair == null && (!freePairs.isEmpty() || nextPair < region.slots() / 2)) {
                pair = freePairs.isEmpty() ? nextPair++ : freePairs.pop();
                pairs.put(layer.cellId(), pair);
            }
            int slot = pair == null ? -1 : 2 * pair + (last != null && last[0] == 2 * pair ? 1 : 0);
            if (slot >= 0 && region.write(slot, layer.renderVersion(), layer.displayList())) {
                announced.put(layer.cellId(), new long[] {slot, layer.renderVersion()});
                layers.add(layer.inSlot(slot));
            } else {
                announced.remove(layer.cellId());
                layers.add(layer);
            }
        }
        return new PublishScene(scene.sceneVersion(), scene.background(), layers, scene.surfaces());
    }

    @Override
    public void picture(long key, byte[] encoded) {
        synchronized (lock) {
            if (pictures.get(key) == null) {
                pictures.put(key, encoded);
                pictureBytes += encoded.length;
                var it = pictures.entrySet().iterator();
                while (pictureBytes > 64L * 1024 * 1024 && it.hasNext()) {
                    var eldest = it.next();
                    if (eldest.getKey() != key) {
                        pictureBytes -= eldest.getValue().length;
                        pictured.remove(eldest.getKey());
                        it.remove();
                    }
                }
            }
            Connection<SceneMessage> target = compositor;
            if (target != null && pictured.add(key)) {
                try {
                    target.send(new SceneMessage.Picture(key, encoded));
                } catch (IOException e) {
                    pictured.remove(key);
                    LOG.warn("picture {} not delivered, compositor connection broken: {}", Long.toHexString(key),
                            e.toString());
                    target.close();
                }
            }
        }
    }

    @Override
    public void publish(PublishScene published) {
        PublishScene scene = share(published);
        synchronized (lock) {
            latest = scene;
            Connection<SceneMessage> target = compositor;
            if (target != null) {
                try {
                    target.send(scene);
                } catch (IllegalArgumentException e) {
                    // The tissue keeps scenes within its budget; if one still does not fit, it is not sent rather
                    // than taking the tissue thread down with it.
                    LOG.error("scene {} not sent: {}", scene.sceneVersion(), e.getMessage());
                } catch (IOException e) {
                    LOG.warn("scene {} not delivered, compositor connection broken: {}", scene.sceneVersion(),
                            e.toString());
                    target.close();
                }
            }
        }
    }

    /** Completes with {@link System#nanoTime()} at the moment a frame showing {@code sceneVersion} was acknowledged. */
    public CompletableFuture<Long> presented(long sceneVersion) {
        CompletableFuture<Long> waiter = presentWaiters.computeIfAbsent(sceneVersion, v -> new CompletableFuture<>());
        if (presented >= sceneVersion) {
            presentWaiters.remove(sceneVersion);
            // the first frame that showed this version or a later one
            java.util.Map.Entry<Long, Long> first = presentedAt.ceilingEntry(sceneVersion);
            waiter.complete(first != null ? first.getValue() : System.nanoTime());
        }
        return waiter;
    }

    /** The newest scene version the compositor has acknowledged, -1 before the first frame. */
    public long presentedScene() {
        return presented;
    }

    /** Asks the compositor for a PNG of what it presents now. */
    public CompletableFuture<byte[]> shot() {
        Connection<SceneMessage> target = compositor;
        if (target == null) {
            return CompletableFuture.failedFuture(new IOException("no compositor is connected (it may be "
                    + "restarting; see " + process.log() + ")"));
        }
        long id = shotIds.incrementAndGet();
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        shots.put(id, reply);
        try {
            target.send(new ShotRequest(id));
        } catch (IOException e) {
            shots.remove(id);
            return CompletableFuture.failedFuture(e);
        }
        return reply;
    }

    /** Asks the compositor for its frame statistics. */
    public CompletableFuture<SceneMessage.FrameStats> stats() {
        Connection<SceneMessage> target = compositor;
        if (target == null) {
            return CompletableFuture.failedFuture(new IOException("no compositor is connected (it may be "
                    + "restarting; see " + process.log() + ")"));
        }
        long id = shotIds.incrementAndGet();
        CompletableFuture<SceneMessage.FrameStats> reply = new CompletableFuture<>();
        statsWaiters.put(id, reply);
        try {
            target.send(new SceneMessage.StatsRequest(id));
        } catch (IOException e) {
            statsWaiters.remove(id);
            return CompletableFuture.failedFuture(e);
        }
        return reply;
    }

    /** Records how long the frame showing {@code sceneVersion} took to appear after input arrived at {@code nanos}. */
    public void trackInput(long arrivedNanos, long sceneVersion) {
        presented(sceneVersion).thenAccept(at -> {
            synchronized (inputLatencies) {
                inputLatencies[(int) (inputCount++ % INPUT_SAMPLES)] = at - arrivedNanos;
            }
        });
    }

    /** Input → presented frame over the last samples: {p50 ms, p95 ms, samples}; zeros before any. */
    public double[] inputToPresented() {
        long[] samples;
        synchronized (inputLatencies) {
            samples = java.util.Arrays.copyOf(inputLatencies, (int) Math.min(inputCount, INPUT_SAMPLES));
        }
        if (samples.length == 0) {
            return new double[] {0, 0, 0};
        }
        java.util.Arrays.sort(samples);
        return new double[] {samples[(samples.length - 1) / 2] / 1e6,
            samples[(int) Math.ceil(0.95 * samples.length) - 1] / 1e6, samples.length};
    }

    /** The overlay as it is now. */
    public SceneMessage.Overlay overlay() {
        return overlay;
    }

    /** Changes what the compositor draws over the cells (inspect mode, the selection outline, statistics). */
    public void overlay(SceneMessage.Overlay wanted) {
        SceneMessage.Overlay before;
        synchronized (lock) {
            before = overlay;
            overlay = wanted;
            Connection<SceneMessage> target = compositor;
            if (target != null && !wanted.equals(before)) {
                try {
                    target.send(wanted);
                } catch (IOException e) {
                    LOG.warn("overlay not delivered, compositor connection broken: {}", e.toString());
                }
            }
        }
        if (!wanted.highlightCellId().equals(before.highlightCellId())) {
            selectionListeners.forEach(l -> l.accept(wanted.highlightCellId()));
        }
    }

    /** Selects a cell (outlined on screen; listeners such as the workbench open it); empty clears. */
    public void select(String cellId) {
        SceneMessage.Overlay now = overlay;
        overlay(new SceneMessage.Overlay(now.inspect(), cellId, now.stats()));
    }

    /** Called with the window manager's workspaces whenever the compositor reports a change. */
    public void onWorkspaces(Consumer<SceneMessage.Workspaces> listener) {
        workspaceListeners.add(listener);
    }

    /** The workspaces the compositor last reported ({@link SceneMessage.Workspaces#NONE} before any). */
    public SceneMessage.Workspaces workspaces() {
        return workspaces;
    }

    /** Asks the compositor to have the window manager show workspace {@code index}; dropped when none is connected. */
    public void switchWorkspace(int index) {
        synchronized (lock) {
            Connection<SceneMessage> target = compositor;
            if (target != null) {
                try {
                    target.send(new SceneMessage.SwitchWorkspace(index));
                } catch (IOException e) {
                    LOG.warn("workspace switch not delivered, compositor connection broken: {}", e.toString());
                }
            }
        }
    }

    /** Called with the monitors whenever the compositor reports them (on connect, and when they change). */
    public void onMonitors(Consumer<List<SceneMessage.Monitor>> listener) {
        monitorListeners.add(listener);
    }

    /** The monitors the compositor last reported; empty before any. */
    public List<SceneMessage.Monitor> monitors() {
        return monitors;
    }

    /** Called with the selected cell's id (empty: none) whenever the selection changes, from any thread. */
    public void onSelection(Consumer<String> listener) {
        selectionListeners.add(listener);
    }

    /** The renderer the connected compositor reported; empty while none is connected. */
    public String renderer() {
        Hello h = hello;
        return h == null ? "" : h.renderer() + (h.windowed() ? " (window)" : " (offscreen)");
    }

    @Override
    public void close() {
        closed = true;
        server.close();
        region.close();
        try {
            java.nio.file.Files.deleteIfExists(region.path());
        } catch (IOException e) {
            LOG.warn("scene region {} not removed: {}", region.path(), e.toString());
        }
        Connection<SceneMessage> c = compositor;
        if (c != null) {
            c.close();
        }
        Process p = running;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
