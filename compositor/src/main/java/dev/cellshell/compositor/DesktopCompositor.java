package dev.cellshell.compositor;

import dev.cellshell.compositor.gl.Drawable;
import dev.cellshell.compositor.gl.GlfwMonitors;
import dev.cellshell.compositor.gl.GlfwWindow;
import dev.cellshell.compositor.paint.Decorations;
import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.compositor.x11.WindowRoles;
import dev.cellshell.compositor.x11.X11WindowRoles;
import dev.cellshell.compositor.x11.X11Workspaces;
import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.Monitor;
import dev.cellshell.ipc.SceneMessage.Overlay;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.Role;
import dev.cellshell.ipc.SceneMessage.ShotReply;
import dev.cellshell.ipc.SceneMessage.ShotRequest;
import dev.cellshell.ipc.SceneMessage.StatsReply;
import dev.cellshell.ipc.SceneMessage.StatsRequest;
import dev.cellshell.ipc.SceneMessage.Surface;
import dev.cellshell.ipc.SceneRegion;
import io.github.humbleui.skija.Canvas;
import io.github.humbleui.skija.EncoderPNG;
import io.github.humbleui.skija.Image;
import io.github.humbleui.types.Rect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compositor as the desktop: one window per surface the shell places (desktop, panels, overlays, on every
 * monitor), each typed for the window manager before it is first shown, each with its own drawable (a GL context,
 * or a swapchain on the one Vulkan device) and damage-driven painter. It reports the monitors (and each change of
 * them), draws every scene into the windows whose
 * layers changed, presents, and answers screenshots with the whole X screen as the surfaces show it. Main thread
 * (GLFW's rule); a reader thread only queues what the shell sends.
 */
final class DesktopCompositor {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopCompositor.class);

    private static final long WORKSPACES_EVERY_NANOS = 250_000_000L;
    private final Path socket;
    private final Path region;
    private final Backend.Choice renderer;
    private Backend backend;
    /** The hidden window that keeps GLFW alive; rebound with the others after a lost device. */
    private Drawable probe;
    /** Set when the device was rebuilt: every window draws again on the next turn. */
    private boolean recovered;
    private final ShellInbox inbox = new ShellInbox();
    private final Map<String, SurfaceWindow> windows = new LinkedHashMap<>();
    private Overlay overlay = Overlay.NONE;
    private Painter.Frame last = new Painter.Frame(0, 0, 0, 0, 0, 0, 0, false);
    private long frames;
    private long fullRepaints;

    DesktopCompositor(Path socket, Path region, Backend.Choice renderer) {
        this.socket = socket;
        this.region = region;
        this.renderer = renderer;
    }

    int run() {
        Connection<SceneMessage> shell;
        try {
            shell = Connection.open(socket, SceneMessage.CODEC);
        } catch (IOException e) {
            LOG.error("cannot reach the shell's scene socket {}: {}", socket, e.toString());
            return Compositor.EXIT_FAILED;
        }
        try {
            backend = Backend.open(renderer, true);
        } catch (RuntimeException e) {
            LOG.error("no {} renderer: {}", renderer.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
            shell.close();
            return Compositor.EXIT_FAILED;
        }
        try (shell; Backend using = backend) {
            SceneRegion shared = region == null ? null : SceneRegion.attach(region);
            LayerSource source = shared == null ? LayerSource.inline() : LayerSource.shared(shared);
            GlfwMonitors monitors = new GlfwMonitors();
            List<Monitor> now = monitors.now();
            int[] screen = bounds(now);
            long display = GlfwWindow.x11Display();
            WindowRoles roles = display == 0 ? WindowRoles.NONE : new X11WindowRoles(display, screen[2], screen[3]);
            // A hidden 1×1 window keeps GLFW (and a GL context) alive while there are no surfaces, and names the
            // renderer.
            try (Drawable probe = backend.window(new GlfwWindow.Options("CellShell probe", Integer.MIN_VALUE, 0, 1, 1,
                    false, w -> { }), m -> { })) {
                this.probe = probe;
                probe.window().hide();
                LOG.info("drawing the desktop's surfaces in windows on {} monitor(s) {} ({}), {}", now.size(),
                        now.stream().map(m -> m.name() + " " + m.width() + "x" + m.height() + "+" + m.x() + "+"
                                + m.y()).toList(), display == 0 ? "no X11: no window types" : "EWMH window types",
                        probe.renderer());
                shell.send(new SceneMessage.Hello(ProcessHandle.current().pid(), screen[2], screen[3], true,
                        probe.renderer(), shared == null ? 0 : shared.epoch()));
                shell.send(new SceneMessage.Monitors(now));
                inbox.start(shell, GlfwWindow::wake);
                X11Workspaces workspaces = display == 0 ? null : new X11Workspaces(display);
                return loop(shell, monitors, roles, source, workspaces);
            } finally {
                windows.values().forEach(SurfaceWindow::close);
                windows.clear();
            }
        } catch (IOException e) {
            LOG.error("scene connection failed: {}", e.toString());
            return Compositor.EXIT_FAILED;
        } catch (RuntimeException e) {
            LOG.error("compositor failed", e);
            return Compositor.EXIT_FAILED;
        }
    }

    /** x, y, width, height of the X screen the monitors make together. */
    static int[] bounds(List<Monitor> monitors) {
        int minX = 0;
        int minY = 0;
        int maxX = 1;
        int maxY = 1;
        for (Monitor m : monitors) {
            minX = Math.min(minX, m.x());
            minY = Math.min(minY, m.y());
            maxX = Math.max(maxX, m.x() + m.width());
            maxY = Math.max(maxY, m.y() + m.height());
        }
        return new int[] {minX, minY, maxX - minX, maxY - minY};
    }

    private int loop(Connection<SceneMessage> shell, GlfwMonitors monitors, WindowRoles roles, LayerSource source,
            X11Workspaces workspaces) throws IOException {
        PublishScene shown = null;
        SceneMessage.Workspaces told = null;
        long workspacesRead = System.nanoTime() - WORKSPACES_EVERY_NANOS;
        long presentedScene = -1;
        List<ShellInbox.Inbound> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            GlfwWindow.waitFor(0.25);
            for (SurfaceWindow w : windows.values()) {
                if (w.closeRequested() && w.surface().role() == Role.WINDOW) {
                    LOG.info("window closed");
                    return Compositor.EXIT_CLOSED;
                }
            }
            if (monitors.takeChange()) {
                List<Monitor> now = monitors.now();
                LOG.info("monitors changed: {}", now.stream().map(m -> m.name() + " " + m.width() + "x"
                        + m.height() + "+" + m.x() + "+" + m.y()).toList());
                shell.send(new SceneMessage.Monitors(now));
            }
            // EWMH has no event GLFW passes on: the root's workspace properties are read at most 4 times a second,
            // not on every frame.
            if (System.nanoTime() - workspacesRead >= WORKSPACES_EVERY_NANOS) {
                workspacesRead = System.nanoTime();
                SceneMessage.Workspaces now = workspaces == null ? SceneMessage.Workspaces.NONE : workspaces.now();
                if (!now.equals(told)) {
                    told = now;
                    shell.send(now);
                }
            }
            inbox.drainTo(batch);
            PublishScene scene = null;
            List<ShotRequest> shots = new ArrayList<>();
            List<StatsRequest> statsRequests = new ArrayList<>();
            boolean redecorate = false;
            for (ShellInbox.Inbound inbound : batch) {
                if (inbound instanceof ShellInbox.Disconnected d) {
                    LOG.info("shell disconnected ({}); exiting", d.why());
                    return Compositor.EXIT_CLOSED;
                }
                SceneMessage message = ((ShellInbox.Received) inbound).message();
                if (message instanceof PublishScene p) {
                    scene = p;
                } else if (message instanceof ShotRequest s) {
                    shots.add(s);
                } else if (message instanceof StatsRequest s) {
                    statsRequests.add(s);
                } else if (message instanceof Overlay o) {
                    overlay = o;
                    windows.values().forEach(w -> w.router().inspectByShell(o.inspect()));
                    redecorate = true;
                } else if (message instanceof SceneMessage.SwitchWorkspace w) {
                    if (workspaces != null) {
                        workspaces.switchTo(w.index());
                    }
                } else {
                    LOG.warn("ignoring unexpected {} from the shell", message.getClass().getSimpleName());
                }
            }
            if (scene != null) {
                reconcile(scene.surfaces(), monitors.last(), roles, source, shell);
                shown = scene;
            }
            boolean anyExposed = false;
            Map<SurfaceWindow, Boolean> exposed = new LinkedHashMap<>();
            for (SurfaceWindow w : windows.values()) {
                boolean e = w.exposed();
                exposed.put(w, e);
                anyExposed |= e;
            }
            boolean hovering = windows.values().stream().anyMatch(w -> w.router().inspecting());
            boolean again = recovered;
            recovered = false;
            if (shown != null && (scene != null || redecorate || anyExposed || hovering || overlay.stats() || again)) {
                String first = shown.surfaces().isEmpty() ? "" : shown.surfaces().get(0).name();
                // One frame of the desktop is every window that needed drawing: their costs add up.
                Painter.Frame sum = null;
                for (SurfaceWindow w : windows.values()) {
                    Painter.Frame frame = paint(w, shown, first, exposed.get(w));
                    if (frame != null) {
                        sum = sum == null ? frame : new Painter.Frame(sum.wallNanos() + frame.wallNanos(),
                                sum.processCpuNanos() < 0 || frame.processCpuNanos() < 0 ? -1
                                        : sum.processCpuNanos() + frame.processCpuNanos(),
                                sum.decoded() + frame.decoded(), sum.rasterised() + frame.rasterised(),
                                sum.composited() + frame.composited(), sum.damageRects() + frame.damageRects(),
                                sum.damagePixels() + frame.damagePixels(), sum.full() || frame.full());
                    }
                }
                if (sum != null) {
                    record(sum);
                }
                long wall = sum == null ? 0 : sum.wallNanos();
                if (shown.sceneVersion() != presentedScene) {
                    presentedScene = shown.sceneVersion();
                    shell.send(new FramePresented(presentedScene, frames, wall));
                }
            }
            for (ShotRequest shot : shots) {
                shell.send(new ShotReply(shot.requestId(), presentedScene, screenshot(monitors.now())));
            }
            for (StatsRequest request : statsRequests) {
                shell.send(new StatsReply(request.requestId(), stats(shown)));
            }
        }
    }

    /**
     * Draws one window. When the device was lost, every window is rebound to a new device (the windows stay), gets
     * a new painter, and this one draws again; anything else fails the process, and the shell starts a new one.
     */
    private Painter.Frame paint(SurfaceWindow w, PublishScene shown, String first, boolean exposed) {
        try {
            return w.paint(shown, first, decorations(w), exposed);
        } catch (RuntimeException e) {
            List<Drawable> drawables = new ArrayList<>(windows.values().stream().map(SurfaceWindow::drawable).toList());
            drawables.add(probe);
            if (!backend.recover(e, drawables)) {
                throw e;
            }
            windows.values().forEach(SurfaceWindow::repaint);
            recovered = true;
            return w.paint(shown, first, decorations(w), true);
        }
    }

    /** Opens a window for each new surface, moves the ones that moved, closes the ones that are gone. */
    private void reconcile(List<Surface> surfaces, List<Monitor> monitors, WindowRoles roles, LayerSource source,
            Connection<SceneMessage> shell) {
        java.util.function.Function<Surface, Float> scale = s -> monitors.stream().filter(m -> m.name()
                .equals(s.monitor())).findFirst().map(m -> Math.max(1f, m.scale())).orElse(1f);
        Map<String, Surface> wanted = new LinkedHashMap<>();
        surfaces.forEach(s -> wanted.put(s.key(), s));
        windows.entrySet().removeIf(e -> {
            Surface next = wanted.get(e.getKey());
            if (next == null || next.role() != e.getValue().surface().role()) {
                LOG.info("surface {} closed", e.getKey());
                e.getValue().close();
                return true;
            }
            e.getValue().place(next, scale.apply(next));
            return false;
        });
        for (Surface s : wanted.values()) {
            if (!windows.containsKey(s.key())) {
                LOG.info("surface {}: {} {}x{}+{}+{}{}", s.key(), s.role().name().toLowerCase(java.util.Locale.ROOT),
                        s.width(), s.height(), s.x(), s.y(), s.thickness() > 0 ? ", reserving " + s.thickness()
                                + " at the " + s.edge().name().toLowerCase(java.util.Locale.ROOT) : "");
                SurfaceWindow w = new SurfaceWindow(s, scale.apply(s), roles, backend, source,
                        message -> send(shell, message));
                w.router().inspectByShell(overlay.inspect());
                windows.put(s.key(), w);
            }
        }
        // Back to front as the roles stack, so screenshots and hit order agree with the window manager's.
        List<Map.Entry<String, SurfaceWindow>> ordered = new ArrayList<>(windows.entrySet());
        ordered.sort(java.util.Comparator.comparingInt(e -> e.getValue().surface().role().ordinal()));
        windows.clear();
        ordered.forEach(e -> windows.put(e.getKey(), e.getValue()));
    }

    private Decorations decorations(SurfaceWindow w) {
        List<String> outlined = new ArrayList<>();
        if (!overlay.highlightCellId().isEmpty()) {
            outlined.add(overlay.highlightCellId());
        }
        InputRouter router = w.router();
        if (router.inspecting() && !router.hovered().isEmpty() && !outlined.contains(router.hovered())) {
            outlined.add(router.hovered());
        }
        boolean statsHere = overlay.stats() && windows.values().stream().filter(x -> x.surface().role()
                == Role.DESKTOP).findFirst().orElse(null) == w;
        return new Decorations(outlined, statsHere ? String.format(java.util.Locale.ROOT,
                "frame %d: %.2f ms cpu, %.2f ms wall, %d surfaces", frames, last.processCpuNanos() / 1e6,
                last.wallNanos() / 1e6, windows.size()) : "");
    }

    /** The whole X screen as the surfaces show it: each window's presented pixels at its place, back to front. */
    private byte[] screenshot(List<Monitor> monitors) {
        int[] screen = bounds(monitors);
        try (io.github.humbleui.skija.Surface target = io.github.humbleui.skija.Surface.makeRasterN32Premul(
                screen[2], screen[3])) {
            Canvas canvas = target.getCanvas();
            canvas.clear(0xFF000000);
            for (SurfaceWindow w : windows.values()) {
                Surface s = w.surface();
                try (Image image = Image.makeDeferredFromEncodedBytes(w.snapshotPng())) {
                    canvas.drawImageRect(image, Rect.makeXYWH(s.x() - screen[0], s.y() - screen[1], s.width(),
                            s.height()));
                }
            }
            try (Image all = target.makeImageSnapshot()) {
                return EncoderPNG.encode(all).getBytes();
            }
        }
    }

    private void record(Painter.Frame frame) {
        last = frame;
        frames++;
        fullRepaints += frame.full() ? 1 : 0;
    }

    private SceneMessage.FrameStats stats(PublishScene shown) {
        int textures = 0;
        long bytes = 0;
        for (SurfaceWindow w : windows.values()) {
            Painter p = w.painter(false);
            textures += p.textures();
            bytes += p.bytes();
        }
        return new SceneMessage.FrameStats(frames, last.processCpuNanos(), last.wallNanos(), last.decoded(),
                last.rasterised(), last.composited(), last.damageRects(), last.damagePixels(), fullRepaints,
                shown == null ? 0 : shown.layers().size(), textures, bytes);
    }

    private static void send(Connection<SceneMessage> shell, SceneMessage message) {
        try {
            shell.send(message);
        } catch (IOException e) {
            LOG.debug("input not delivered, the shell is gone: {}", e.toString());
        }
    }
}
