package dev.cellshell.compositor;

import dev.cellshell.compositor.gl.EglOffscreenSurface;
import dev.cellshell.compositor.gl.GlSurface;
import dev.cellshell.compositor.gl.GlfwWindowSurface;
import dev.cellshell.compositor.paint.GpuPainter;
import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.Hello;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.ShotReply;
import dev.cellshell.ipc.SceneMessage.ShotRequest;
import dev.cellshell.ipc.SceneRegion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compositor's loop, on the main thread (GLFW's rule): take what the shell sent, draw the newest scene, present
 * it, acknowledge it, answer screenshot requests. A reader thread only receives and queues. When the shell goes
 * away the compositor exits: it holds nothing worth keeping.
 */
final class Compositor {

    private static final Logger LOG = LoggerFactory.getLogger(Compositor.class);

    /** Exit codes the shell reads: the window was closed on purpose, or something broke. */
    static final int EXIT_CLOSED = 0;
    static final int EXIT_FAILED = 1;

    /** Queued when the shell's connection ends. */
    private record Disconnected(String why) implements Inbound {
    }

    private record Received(SceneMessage message) implements Inbound {
    }

    private sealed interface Inbound permits Disconnected, Received {
    }

    private final Path socket;
    private final Path region;
    private final boolean headless;
    private final int width;
    private final int height;
    private final BlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>();

    Compositor(Path socket, Path region, boolean headless, int width, int height) {
        this.socket = socket;
        this.region = region;
        this.headless = headless;
        this.width = width;
        this.height = height;
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
        try (shell; GlSurface surface = windowed
                ? GlfwWindowSurface.open("CellShell", width, height, message -> send(shell, message))
                : EglOffscreenSurface.create(width, height);
                Painter painter = new GpuPainter(surface,
                        shared == null ? LayerSource.inline() : LayerSource.shared(shared))) {
            LOG.info("drawing {}x{} {} on {}, display lists {}", surface.width(), surface.height(),
                    surface.windowed() ? "in a window" : "offscreen (EGL surfaceless)", surface.renderer(),
                    shared == null ? "inline only" : "through shared memory " + shared.path());
            shell.send(new Hello(ProcessHandle.current().pid(), surface.width(), surface.height(),
                    surface.windowed(), surface.renderer(), shared == null ? 0 : shared.epoch()));
            Thread reader = new Thread(() -> receive(shell, surface.windowed()), "scene-reader");
            reader.setDaemon(true);
            reader.start();
            return loop(shell, surface, painter);
        } catch (IOException e) {
            LOG.error("scene connection failed: {}", e.toString());
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            LOG.error("compositor failed", e);
            return EXIT_FAILED;
        }
    }

    private int loop(Connection<SceneMessage> shell, GlSurface surface, Painter painter) throws IOException {
        long frame = 0;
        long presentedScene = -1;
        List<Inbound> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            if (surface instanceof GlfwWindowSurface window) {
                window.waitEvents(0.25);
                if (window.closeRequested()) {
                    LOG.info("window closed");
                    return EXIT_CLOSED;
                }
            } else {
                Inbound first = poll();
                if (first != null) {
                    batch.add(first);
                }
            }
            inbox.drainTo(batch);
            PublishScene scene = null;
            List<ShotRequest> shots = new ArrayList<>();
            for (Inbound inbound : batch) {
                if (inbound instanceof Disconnected d) {
                    LOG.info("shell disconnected ({}); exiting", d.why());
                    return EXIT_CLOSED;
                }
                SceneMessage message = ((Received) inbound).message();
                if (message instanceof PublishScene p) {
                    scene = p;
                } else if (message instanceof ShotRequest s) {
                    shots.add(s);
                } else {
                    LOG.warn("ignoring unexpected {} from the shell", message.getClass().getSimpleName());
                }
            }
            if (scene != null) {
                long nanos = painter.paint(scene);
                presentedScene = scene.sceneVersion();
                shell.send(new FramePresented(presentedScene, ++frame, nanos));
            }
            for (ShotRequest shot : shots) {
                shell.send(new ShotReply(shot.requestId(), presentedScene, painter.snapshotPng()));
            }
        }
    }

    private Inbound poll() {
        try {
            return inbox.poll(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Disconnected("interrupted");
        }
    }

    private void receive(Connection<SceneMessage> shell, boolean windowed) {
        try {
            for (SceneMessage message = shell.receive(); message != null; message = shell.receive()) {
                inbox.add(new Received(message));
                if (windowed) {
                    GlfwWindowSurface.wake();
                }
            }
            inbox.add(new Disconnected("end of stream"));
        } catch (IOException e) {
            inbox.add(new Disconnected(e.toString()));
        }
        if (windowed) {
            GlfwWindowSurface.wake();
        }
    }

    private static void send(Connection<SceneMessage> shell, SceneMessage message) {
        try {
            shell.send(message);
        } catch (IOException e) {
            LOG.debug("input not delivered, the shell is gone: {}", e.toString());
        }
    }
}
