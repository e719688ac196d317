package dev.cellshell.compositor;

import dev.cellshell.compositor.gl.Drawable;
import dev.cellshell.compositor.gl.GlfwWindow;
import dev.cellshell.compositor.paint.Decorations;
import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.FrameStats;
import dev.cellshell.ipc.SceneMessage.Overlay;
import dev.cellshell.ipc.SceneMessage.Resized;
import dev.cellshell.ipc.SceneMessage.StatsReply;
import dev.cellshell.ipc.SceneMessage.StatsRequest;
import dev.cellshell.ipc.SceneMessage.Hello;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.ShotReply;
import dev.cellshell.ipc.SceneMessage.ShotRequest;
import dev.cellshell.ipc.SceneRegion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compositor's loop, on the main thread (GLFW's rule): take what the shell sent, draw the newest scene (only its
 * damage), present it, acknowledge it, answer screenshot and statistics requests, route input. Nothing changed, no
 * frame: an idle desktop sleeps in {@code glfwWaitEventsTimeout} or on the inbox. A reader thread only receives and queues. When the shell goes
 * away the compositor exits: it holds nothing worth keeping.
 */
final class Compositor {

    private static final Logger LOG = LoggerFactory.getLogger(Compositor.class);

    /** Exit codes the shell reads: the window was closed on purpose, or something broke. */
    static final int EXIT_CLOSED = 0;
    static final int EXIT_FAILED = 1;

    private final Path socket;
    private final Path region;
    private final boolean headless;
    private final int width;
    private final int height;
    private final Painter.Mode mode;
    private final Backend.Choice renderer;
    private Backend backend;
    private final ShellInbox inbox = new ShellInbox();
    private final Flatten flatten = new Flatten();
    /** Main thread only from here on. */
    private InputRouter router;
    private Painter painter;
    private Overlay overlay = Overlay.NONE;
    private Painter.Frame last = new Painter.Frame(0, 0, 0, 0, 0, 0, 0, false);
    private long frames;
    private long fullRepaints;
    /** Layers a full frame left stale, drawn in batches while idle; MAX_VALUE: not counted yet. */
    private int staleLayers;
    /** Layers drawn per idle slice: a few milliseconds, so a scene that arrives waits little. */
    private static final int WARM_BATCH = 64;

    Compositor(Path socket, Path region, boolean headless, int width, int height, Painter.Mode mode,
            Backend.Choice renderer) {
        this.renderer = renderer;
        this.socket = socket;
        this.region = region;
        this.headless = headless;
        this.width = width;
        this.height = height;
        this.mode = mode;
    }

    int run() {
        Connection<SceneMessage> shell;
        try {
            shell = Connection.open(socket, SceneMessage.CODEC);
        } catch (IOException e) {
            LOG.error("cannot reach the shell's scene socket {}: {}", socket, e.toString());
            return EXIT_FAILED;
        }
        SceneRegion shared;
        try {
            shared = region == null ? null : SceneRegion.attach(region);
        } catch (IOException e) {
            LOG.error("cannot attach the scene region {}: {}", region, e.toString());
            shell.close();
            return EXIT_FAILED;
        }
        boolean windowed = !headless && System.getenv("DISPLAY") != null;
        router = new InputRouter(message -> send(shell, message), (x, y) -> painter.hit(x, y)
                .filter(hit -> !hit.cellId().startsWith(Flatten.BACKGROUND)));
        LayerSource source = shared == null ? LayerSource.inline() : LayerSource.shared(shared);
        try {
            backend = Backend.open(renderer, windowed);
        } catch (RuntimeException e) {
            LOG.error("no {} renderer: {}", renderer.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
            shell.close();
            return EXIT_FAILED;
        }
        try (shell; Backend using = backend; Drawable surface = windowed
                ? backend.window(GlfwWindow.Options.ordinary("CellShell", width, height), router::accept)
                : backend.offscreen(width, height)) {
            painter = backend.painter(surface, source, mode);
            try {
                LOG.info("drawing {}x{} {} with {}, {} frames, display lists {}", surface.width(), surface.height(),
                        surface.windowed() ? "in a window" : "offscreen", surface.renderer(),
                        mode == Painter.Mode.LAYERS ? "damage-driven" : "immediate",
                        shared == null ? "inline only" : "through shared memory " + shared.path());
                shell.send(new Hello(ProcessHandle.current().pid(), surface.width(), surface.height(),
                        surface.windowed(), surface.renderer(), shared == null ? 0 : shared.epoch()));
                send(shell, screen(surface));
                inbox.start(shell, surface.windowed() ? GlfwWindow::wake : () -> { });
                return loop(shell, surface, source);
            } finally {
                painter.close();
            }
        } catch (IOException e) {
            LOG.error("scene connection failed: {}", e.toString());
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            LOG.error("compositor failed", e);
            return EXIT_FAILED;
        }
    }

    private int loop(Connection<SceneMessage> shell, Drawable surface, LayerSource source) throws IOException {
        long presentedScene = -1;
        PublishScene shown = null;
        Decorations decorations = Decorations.NONE;
        List<ShellInbox.Inbound> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            boolean repaint = false;
            GlfwWindow window = surface.window();
            if (window != null) {
                GlfwWindow.waitFor(staleLayers > 0 ? 0 : 0.25);
                if (window.closeRequested()) {
                    LOG.info("window closed");
                    return EXIT_CLOSED;
                }
                int[] size = window.framebufferSize();
                if (window.takeSizeChange() || size[0] != surface.width() || size[1] != surface.height()) {
                    int[] device = size;
                    int[] units = window.windowSize();
                    painter.resize(device[0], device[1], window.contentScale());
                    LOG.info("window is now {}x{} ({}x{} device pixels)", units[0], units[1], device[0], device[1]);
                    send(shell, new Resized(units[0], units[1], window.contentScale()));
                    send(shell, screen(surface));
                    repaint = true;
                } else if (window.takeExposed() && shown != null) {
                    surface.present();
                }
            } else {
                ShellInbox.Inbound first = staleLayers > 0 ? inbox.pollNow() : inbox.poll();
                if (first != null) {
                    batch.add(first);
                }
            }
            inbox.drainTo(batch);
            PublishScene scene = null;
            List<ShotRequest> shots = new ArrayList<>();
            List<StatsRequest> statsRequests = new ArrayList<>();
            for (ShellInbox.Inbound inbound : batch) {
                if (inbound instanceof ShellInbox.Disconnected d) {
                    LOG.info("shell disconnected ({}); exiting", d.why());
                    return EXIT_CLOSED;
                }
                SceneMessage message = ((ShellInbox.Received) inbound).message();
                if (message instanceof PublishScene p) {
                    scene = flatten.apply(p);
                } else if (message instanceof ShotRequest s) {
                    shots.add(s);
                } else if (message instanceof StatsRequest s) {
                    statsRequests.add(s);
                } else if (message instanceof Overlay o) {
                    overlay = o;
                    router.inspectByShell(o.inspect());
                } else if (message instanceof SceneMessage.SwitchWorkspace w) {
                    LOG.info("no workspaces to switch to in one drawable (workspace {} asked for)", w.index() + 1);
                } else {
                    LOG.warn("ignoring unexpected {} from the shell", message.getClass().getSimpleName());
                }
            }
            if (scene != null) {
                shown = scene;
            }
            Decorations wanted = decorations();
            if (!wanted.equals(decorations) || overlay.stats()) {
                decorations = wanted;
                repaint |= shown != null;
            }
            if (shown != null && (scene != null || repaint)) {
                painter.decorate(decorations);
                paint(shown, surface, source);
                if (shown.sceneVersion() != presentedScene) {
                    presentedScene = shown.sceneVersion();
                    shell.send(new FramePresented(presentedScene, frames, last.wallNanos()));
                }
            }
            for (ShotRequest shot : shots) {
                shell.send(new ShotReply(shot.requestId(), presentedScene, painter.snapshotPng()));
            }
            for (StatsRequest request : statsRequests) {
                shell.send(new StatsReply(request.requestId(), stats(shown)));
            }
            if (batch.isEmpty() && scene == null && !repaint && staleLayers > 0) {
                staleLayers = painter.warm(WARM_BATCH);
            }
        }
    }

    /**
     * Paints and presents one frame. If the painter fails (a lost GPU context, a driver error), it is rebuilt on the
     * same surface and the frame drawn again from the display lists; a second failure ends the process, and the
     * shell starts a new one.
     */
    private void paint(PublishScene scene, Drawable surface, LayerSource source) {
        try {
            record(painter.paint(scene));
        } catch (RuntimeException e) {
            LOG.error("frame for scene {} failed; rebuilding the painter and every layer", scene.sceneVersion(), e);
            painter.close();
            backend.recover(e, List.of(surface));
            painter = backend.painter(surface, source, mode);
            record(painter.paint(scene));
        }
    }

    private void record(Painter.Frame frame) {
        last = frame;
        staleLayers = frame.full() ? Integer.MAX_VALUE : staleLayers;
        frames++;
        fullRepaints += frame.full() ? 1 : 0;
    }

    private Decorations decorations() {
        List<String> outlined = new ArrayList<>();
        if (!overlay.highlightCellId().isEmpty()) {
            outlined.add(overlay.highlightCellId());
        }
        if (router.inspecting() && !router.hovered().isEmpty() && !outlined.contains(router.hovered())) {
            outlined.add(router.hovered());
        }
        return new Decorations(outlined, overlay.stats() ? statsLine() : "");
    }

    private String statsLine() {
        return String.format(java.util.Locale.ROOT,
                "frame %d: %.2f ms cpu, %.2f ms wall, %d drawn, %d composited, %d rects %d px, %d textures %.1f MB",
                frames, last.processCpuNanos() / 1e6, last.wallNanos() / 1e6, last.rasterised(), last.composited(),
                last.damageRects(), last.damagePixels(), painter.textures(), painter.bytes() / 1048576.0);
    }

    private FrameStats stats(PublishScene shown) {
        return new FrameStats(frames, last.processCpuNanos(), last.wallNanos(), last.decoded(), last.rasterised(),
                last.composited(), last.damageRects(), last.damagePixels(), fullRepaints,
                shown == null ? 0 : shown.layers().size(), painter.textures(), painter.bytes());
    }

    /** The one monitor a single drawable is: its size in screen units. */
    private static SceneMessage.Monitors screen(Drawable surface) {
        int[] units = surface.window() != null ? surface.window().windowSize()
                : new int[] {surface.width(), surface.height()};
        return new SceneMessage.Monitors(List.of(new SceneMessage.Monitor(surface.windowed() ? "window" : "offscreen",
                0, 0, units[0], units[1], surface.contentScale(), true)));
    }

    private static void send(Connection<SceneMessage> shell, SceneMessage message) {
        try {
            shell.send(message);
        } catch (IOException e) {
            LOG.debug("input not delivered, the shell is gone: {}", e.toString());
        }
    }
}
