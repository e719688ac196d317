package dev.cellshell.ipc;

import java.util.List;

/** Messages between the shell and the compositor on the scene socket. */
public sealed interface SceneMessage {

    /** Compositor → shell, first message on a connection: what it draws on, and which region it attached. */
    record Hello(long pid, int width, int height, boolean windowed, String renderer, long regionEpoch)
            implements SceneMessage {
    }

    /**
     * Shell → compositor: the whole scene, every layer in z-order (back to front), and the surfaces it is drawn on.
     * The compositor draws it and answers with {@link FramePresented} carrying the same {@code sceneVersion}.
     *
     * @param surfaces where each surface is on the screen; empty: one surface that is the whole drawable (and every
     *     layer is on it)
     */
    record PublishScene(long sceneVersion, int background, List<Layer> layers, List<Surface> surfaces)
            implements SceneMessage {
        public PublishScene {
            layers = List.copyOf(layers);
            surfaces = List.copyOf(surfaces);
        }

        /** A scene on one surface that is the whole drawable. */
        public PublishScene(long sceneVersion, int background, List<Layer> layers) {
            this(sceneVersion, background, layers, List.of());
        }
    }

    /** What a surface is to the window manager, back to front. */
    enum Role {
        /** Fills its monitor's work area below every window ({@code _NET_WM_WINDOW_TYPE_DESKTOP}). */
        DESKTOP,
        /** An ordinary window (development, or inside another desktop). */
        WINDOW,
        /** A bar along an edge of a monitor that reserves its space ({@code _NET_WM_WINDOW_TYPE_DOCK} + strut). */
        PANEL,
        /** Above windows, there only where its cells are (popups, notifications). */
        OVERLAY
    }

    /** The side of its monitor a panel is on; NONE for the other roles. */
    enum Edge { NONE, TOP, BOTTOM, LEFT, RIGHT }

    /**
     * One drawing area on the screen, placed by the shell on a monitor. Coordinates are the X screen's (all monitors);
     * the layers on the surface are in its own coordinates. One surface may be on several monitors ("all"): then it
     * comes once per monitor, with the same name.
     *
     * @param thickness for a panel, the space it reserves from its edge (its height or width); else 0
     * @param background the colour (ARGB) under its cells
     */
    record Surface(String name, Role role, String monitor, int x, int y, int width, int height, Edge edge,
            int thickness, int background) {

        /** This surface drawn over {@code color}. */
        public Surface withBackground(int color) {
            return new Surface(name, role, monitor, x, y, width, height, edge, thickness, color);
        }

        /** A key that tells apart the copies of one surface on several monitors. */
        public String key() {
            return name + "@" + monitor;
        }
    }

    /**
     * One monitor as GLFW (RandR) reports it, in screen coordinates.
     *
     * @param scale device pixels per screen unit (HiDPI: 2)
     */
    record Monitor(String name, int x, int y, int width, int height, float scale, boolean primary) {
    }

    /**
     * Compositor → shell: the monitors there are now; sent after {@link Hello} and whenever one appears, disappears
     * or changes. Without surfaces of their own (headless, one window) there is one: the drawable.
     */
    record Monitors(List<Monitor> monitors) implements SceneMessage {
        public Monitors {
            monitors = List.copyOf(monitors);
        }
    }

    /**
     * Compositor → shell: the window manager's workspaces (EWMH {@code _NET_NUMBER_OF_DESKTOPS},
     * {@code _NET_CURRENT_DESKTOP}, {@code _NET_DESKTOP_NAMES}), sent when they change; none without a window
     * manager that has them.
     */
    record Workspaces(int count, int current, List<String> names) implements SceneMessage {
        public static final Workspaces NONE = new Workspaces(0, -1, List.of());

        public Workspaces {
            names = List.copyOf(names);
        }
    }

    /** Shell → compositor: ask the window manager to show workspace {@code index} (0-based). */
    record SwitchWorkspace(int index) implements SceneMessage {
    }

    /**
     * One cell as the compositor sees it.
     *
     * @param renderVersion increases every time the cell's display list changes; the stamp of its shared-memory slot
     * @param slot the {@link SceneRegion} slot holding the display list at {@code renderVersion}, or -1 when the
     *     bytes travel inline in {@code displayList}
     * @param displayList an encoded {@link dev.cellshell.runtime.DisplayList}; empty when {@code slot} is used
     * @param surface the name of the {@link Surface} the cell is on (x and y are in its coordinates); empty: the
     *     first surface
     */
    record Layer(String cellId, long generation, long renderVersion, float x, float y, float width, float height,
            int slot, byte[] displayList, String surface) {

        public Layer(String cellId, long generation, long renderVersion, float x, float y, float width, float height,
                int slot, byte[] displayList) {
            this(cellId, generation, renderVersion, x, y, width, height, slot, displayList, "");
        }

        /** A layer whose display list travels inline. */
        public Layer(String cellId, long generation, long renderVersion, float x, float y, float width, float height,
                byte[] displayList) {
            this(cellId, generation, renderVersion, x, y, width, height, -1, displayList, "");
        }

        /** This layer at another render version (same bounds, same bytes or slot). */
        public Layer withVersion(long version) {
            return new Layer(cellId, generation, version, x, y, width, height, slot, displayList, surface);
        }

        /** This layer announced in {@code sharedSlot} instead of carrying its bytes. */
        public Layer inSlot(int sharedSlot) {
            return new Layer(cellId, generation, renderVersion, x, y, width, height, sharedSlot, new byte[0], surface);
        }

        /** This layer on {@code name}. */
        public Layer onSurface(String name) {
            return new Layer(cellId, generation, renderVersion, x, y, width, height, slot, displayList, name);
        }

        /** This layer moved by (dx, dy), e.g. from its surface's coordinates to the screen's. */
        public Layer moved(float dx, float dy) {
            return new Layer(cellId, generation, renderVersion, x + dx, y + dy, width, height, slot, displayList,
                    surface);
        }
    }

    /** Compositor → shell: the frame showing {@code sceneVersion} is on screen (or in the offscreen buffer). */
    record FramePresented(long sceneVersion, long frameNumber, long renderNanos) implements SceneMessage {
    }

    /**
     * Compositor → shell: pointer input at desktop (x, y), hit-tested by the compositor against what it drew.
     *
     * @param button 1-based mouse button for PRESS and RELEASE, else 0
     * @param modifiers GLFW modifier bits (shift 1, control 2, alt 4, super 8)
     * @param scrollX horizontal scroll offset for SCROLL, else 0
     * @param scrollY vertical scroll offset for SCROLL (positive = away from the user), else 0
     * @param cellId the cell under the pointer, front to back, as last presented; empty when none (or not
     *     hit-tested: the shell then tests its own bounds)
     * @param localX x relative to that cell's top-left corner
     * @param localY y relative to that cell's top-left corner
     */
    record PointerInput(PointerKind kind, float x, float y, int button, int modifiers, float scrollX, float scrollY,
            String cellId, float localX, float localY) implements SceneMessage {

        /** Input that the shell hit-tests itself (clicks from the CLI, tests). */
        public PointerInput(PointerKind kind, float x, float y, int button) {
            this(kind, x, y, button, 0, 0, 0, "", 0, 0);
        }

        /** This input aimed at {@code cell} at cell-local (lx, ly). */
        public PointerInput at(String cell, float lx, float ly) {
            return new PointerInput(kind, x, y, button, modifiers, scrollX, scrollY, cell, lx, ly);
        }
    }

    /** ENTER and LEAVE name the cell the pointer entered or left. */
    enum PointerKind { PRESS, RELEASE, MOVE, SCROLL, ENTER, LEAVE }

    /** Compositor → shell: the drawable changed size (window resized) or content scale. */
    record Resized(int width, int height, float contentScale) implements SceneMessage {
    }

    /** Compositor → shell: in inspect mode a person picked this cell on screen (Alt+click). */
    record SelectCell(String cellId) implements SceneMessage {
    }

    /**
     * Shell → compositor: what the compositor draws over the cells. Whole state, re-sent on every change and on
     * connect.
     *
     * @param inspect outline the cell under the pointer and turn clicks into {@link SelectCell} (as holding Alt does)
     * @param highlightCellId a cell to outline (the workbench's selection); empty for none
     * @param stats draw the frame statistics in the top-left corner
     */
    record Overlay(boolean inspect, String highlightCellId, boolean stats) implements SceneMessage {
        public static final Overlay NONE = new Overlay(false, "", false);
    }

    /** Shell → compositor: send the frame statistics. */
    record StatsRequest(long requestId) implements SceneMessage {
    }

    /** Compositor → shell. */
    record StatsReply(long requestId, FrameStats stats) implements SceneMessage {
    }

    /**
     * What the compositor did, for the last frame and in total since it started.
     *
     * @param frames frames presented since start
     * @param lastProcessCpuNanos process CPU time (all threads, llvmpipe's included) of the last frame
     * @param lastWallNanos wall time of the last frame, from taking the scene to presenting it
     * @param lastDecoded display lists decoded in the last frame
     * @param lastRasterised cell backings drawn again in the last frame
     * @param lastComposited cells composited (drawn from their backings) in the last frame
     * @param lastDamageRects rectangles redrawn in the last frame
     * @param lastDamagePixels pixels inside them
     * @param fullRepaints frames that redrew everything (first frame, resize, theme, overlap order change)
     * @param cells cells in the current scene
     * @param textures GPU textures alive for backings (atlas pages and dedicated surfaces)
     * @param gpuBytes estimate of the memory held by the back buffer and the backings
     */
    record FrameStats(long frames, long lastProcessCpuNanos, long lastWallNanos, int lastDecoded,
            int lastRasterised, int lastComposited, int lastDamageRects, long lastDamagePixels, long fullRepaints,
            int cells, int textures, long gpuBytes) {
    }

    /** Compositor → shell: a key press or release, with the text it types (possibly empty). */
    record KeyInput(boolean pressed, int keyCode, String text, int modifiers) implements SceneMessage {
    }

    /** Shell → compositor: read back the last presented frame. */
    /**
     * Shell → compositor: the encoded bytes (PNG or JPEG) of the picture display lists name by {@code key}
     * ({@code Canvas.drawPicture}); sent once per compositor, before any scene that draws it.
     */
    record Picture(long key, byte[] encoded) implements SceneMessage {
    }

    record ShotRequest(long requestId) implements SceneMessage {
    }

    /** Compositor → shell: the PNG of the frame that showed {@code sceneVersion}. */
    record ShotReply(long requestId, long sceneVersion, byte[] png) implements SceneMessage {
    }

    /** Codec for this protocol. */
    Codec<SceneMessage> CODEC = new SceneCodec();
}
