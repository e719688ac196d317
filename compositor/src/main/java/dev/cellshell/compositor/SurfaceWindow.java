package dev.cellshell.compositor;

import dev.cellshell.compositor.gl.Drawable;
import dev.cellshell.compositor.gl.GlfwWindow;
import dev.cellshell.compositor.paint.Decorations;
import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.compositor.x11.WindowRoles;
import dev.cellshell.ipc.SceneMessage;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.Role;
import dev.cellshell.ipc.SceneMessage.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One surface on the screen: its own window (typed and placed for the window manager before it is first shown),
 * drawable (a GL context, or a Vulkan swapchain on the shared device), damage-driven painter and input router. It
 * draws only the layers on its surface, over the surface's background, and skips the frame when none of them
 * changed. Main thread only.
 */
final class SurfaceWindow implements AutoCloseable {

    private Surface surface;
    /** Screen pixels per layout unit on the surface's monitor (HiDPI: 2). */
    private float scale;
    private final Drawable drawable;
    private final GlfwWindow window;
    private final Backend backend;
    private final LayerSource source;
    private Painter painter;
    private final InputRouter router;
    private final WindowRoles roles;
    private List<Layer> shown = List.of();
    private Decorations decorations = Decorations.NONE;
    private List<float[]> shape;

    /**
     * The part of an overlay a cell covers (and takes clicks in): the hit regions it declares, else its rectangle;
     * nothing when it draws nothing (the notification popups with nothing to show neither cover the windows under
     * them nor take their clicks). A cell whose bytes cannot be read now keeps its rectangle for the frame.
     */
    private List<float[]> shapeOf(dev.cellshell.ipc.SceneMessage.Layer layer) {
        float[] whole = {layer.x() * scale, layer.y() * scale, layer.width() * scale, layer.height() * scale};
        byte[] bytes = source.bytes(layer);
        if (bytes == null) {
            return List.of(whole);
        }
        if (bytes.length <= 1) {
            return List.of();
        }
        try {
            List<dev.cellshell.runtime.DisplayList.HitRegion> regions =
                    dev.cellshell.runtime.DisplayList.of(bytes).hitRegions();
            if (regions.isEmpty()) {
                return List.of(whole);
            }
            List<float[]> rects = new java.util.ArrayList<>();
            for (dev.cellshell.runtime.DisplayList.HitRegion r : regions) {
                rounded(rects, (layer.x() + r.x()) * scale, (layer.y() + r.y()) * scale, r.w() * scale,
                        r.h() * scale, r.radius() * scale);
            }
            return rects;
        } catch (IllegalArgumentException e) {
            return List.of(whole);
        }
    }
    private boolean stale = true;

    /**
     * @param scale screen pixels per layout unit on its monitor
     * @param shell where input goes, in screen coordinates
     */
    SurfaceWindow(Surface surface, float scale, WindowRoles roles, Backend backend, LayerSource source,
            Consumer<SceneMessage> shell) {
        this.surface = surface;
        this.backend = backend;
        this.source = source;
        this.scale = scale;
        this.roles = roles;
        boolean ordinary = surface.role() == Role.WINDOW;
        router = new InputRouter(message -> shell.accept(toScreen(message)), (x, y) -> painter().hit(x, y));
        drawable = backend.window(new GlfwWindow.Options("CellShell " + surface.name(), surface.x(),
                surface.y(), surface.width(), surface.height(), ordinary, handle -> roles.apply(handle, surface)),
                raw -> router.accept(toUnits(raw)));
        window = drawable.window();
        if (!ordinary) {
            window.whenPressedUnfocused(() -> roles.takeFocus(window.x11Window()));
        }
        newPainter();
    }

    private void newPainter() {
        painter = backend.painter(drawable, source, Painter.Mode.LAYERS);
        int[] device = window.framebufferSize();
        painter.resize(device[0], device[1], scale);
    }

    /** The drawable, for a backend rebinding it to a new device. */
    Drawable drawable() {
        return drawable;
    }

    /** After the device was lost and the drawable rebound: a new painter; the next frame draws everything. */
    void repaint() {
        painter.close();
        newPainter();
        stale = true;
    }

    /** Window pixels → layout units, where the painter hit-tests. */
    private SceneMessage toUnits(SceneMessage message) {
        if (message instanceof PointerInput p && scale != 1) {
            return new PointerInput(p.kind(), p.x() / scale, p.y() / scale, p.button(), p.modifiers(), p.scrollX(),
                    p.scrollY(), p.cellId(), p.localX(), p.localY());
        }
        return message;
    }

    private Painter painter() {
        return painter;
    }

    private SceneMessage toScreen(SceneMessage message) {
        if (message instanceof PointerInput p) {
            return new PointerInput(p.kind(), p.x() * scale + surface.x(), p.y() * scale + surface.y(), p.button(),
                    p.modifiers(),
                    p.scrollX(), p.scrollY(), p.cellId(), p.localX(), p.localY());
        }
        return message;
    }

    Surface surface() {
        return surface;
    }

    /** Moves the window when the shell placed its surface elsewhere (a monitor changed, a panel grew). */
    void place(Surface next, float nextScale) {
        if (next.equals(surface) && nextScale == scale) {
            return;
        }
        scale = nextScale;
        boolean moved = next.x() != surface.x() || next.y() != surface.y() || next.width() != surface.width()
                || next.height() != surface.height();
        surface = next;
        if (moved) {
            window.place(next.x(), next.y(), next.width(), next.height());
            roles.apply(window.x11Window(), next);
        }
        stale = true;
    }

    /**
     * Draws the layers of {@code scene} that are on this surface, if anything about them changed.
     *
     * @param first the name of the scene's first surface (layers that name none are on it)
     * @return the frame, or null when nothing needed drawing
     */
    Painter.Frame paint(PublishScene scene, String first, Decorations wanted, boolean exposed) {
        List<Layer> mine = new ArrayList<>();
        for (Layer layer : scene.layers()) {
            String on = layer.surface().isEmpty() ? first : layer.surface();
            if (on.equals(surface.name())) {
                mine.add(layer);
            }
        }
        drawable.makeCurrent();
        int[] size = window.framebufferSize();
        if (window.takeSizeChange() || size[0] != drawable.width() || size[1] != drawable.height()) {
            painter.resize(size[0], size[1], scale);
            stale = true;
        }
        if (!stale && wanted.equals(decorations) && same(mine, shown)) {
            if (exposed) {
                drawable.present();
            }
            return null;
        }
        if (surface.role() == Role.OVERLAY) {
            List<float[]> rects = mine.stream().flatMap(l -> shapeOf(l).stream()).toList();
            if (shape == null || !sameRects(rects, shape)) {
                roles.shape(window.x11Window(), rects);
                shape = rects;
            }
        }
        stale = false;
        decorations = wanted;
        shown = mine;
        painter.decorate(wanted);
        Painter.Frame frame = painter.paint(new PublishScene(scene.sceneVersion(), surface.background(), mine));
        if (exposed) {
            // The painter put only what changed; what the window system exposed in the same frame (an overlay's
            // shape shrinking above it, a window moved away) needs all of the frame again.
            drawable.present();
        }
        return frame;
    }

    /**
     * A rounded rectangle as the rectangles an X shape takes: the middle, and one row of pixels for each line of
     * the corners (so a popup's rounded card shows no square corners where nothing composites the window).
     */
    static void rounded(List<float[]> rects, float x, float y, float w, float h, float radius) {
        int r = (int) Math.min(Math.floor(radius), Math.floor(Math.min(w, h) / 2));
        if (r < 2) {
            rects.add(new float[] {x, y, w, h});
            return;
        }
        rects.add(new float[] {x, y + r, w, h - 2 * r});
        for (int i = 0; i < r; i++) {
            double dy = r - i - 0.5;
            float dx = (float) Math.ceil(r - Math.sqrt((double) r * r - dy * dy));
            rects.add(new float[] {x + dx, y + i, w - 2 * dx, 1});
            rects.add(new float[] {x + dx, y + h - 1 - i, w - 2 * dx, 1});
        }
    }

    private static boolean same(List<Layer> a, List<Layer> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Layer x = a.get(i);
            Layer y = b.get(i);
            if (!x.cellId().equals(y.cellId()) || x.renderVersion() != y.renderVersion() || x.x() != y.x()
                    || x.y() != y.y() || x.width() != y.width() || x.height() != y.height()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRects(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The presented pixels, as PNG. */
    byte[] snapshotPng() {
        drawable.makeCurrent();
        return painter.snapshotPng();
    }

    InputRouter router() {
        return router;
    }

    Painter painter(boolean current) {
        if (current) {
            drawable.makeCurrent();
        }
        return painter;
    }

    boolean closeRequested() {
        return window.closeRequested();
    }

    boolean exposed() {
        return window.takeExposed();
    }

    String renderer() {
        return drawable.renderer();
    }

    @Override
    public void close() {
        drawable.makeCurrent();
        painter.close();
        drawable.close();
    }
}
