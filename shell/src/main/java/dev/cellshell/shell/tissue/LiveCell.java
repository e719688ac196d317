package dev.cellshell.shell.tissue;

import dev.cellshell.runtime.PropValues;
import dev.cellshell.shell.workspace.CellSpec;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.Props;

/** One cell in the tissue. Confined to the tissue thread. */
final class LiveCell {

    final String id;
    final String type;
    float x;
    float y;
    float width;
    float height;
    PropValues props;
    /** When its terminal's output was last drawn, or is to be ({@link System#nanoTime()}). Tissue thread. */
    long lastTerminalFrame;
    /** {@link #props} with the declared fallbacks of {@link #fallbacksOf}'s props (Tissue.withFallbacks). */
    PropValues fallbacksFor;
    Generation fallbacksOf;
    java.util.Map<String, String> withFallbacks;
    /** The cell's instance in its host (0: none), and that host. */
    long instance;
    dev.cellshell.shell.host.CellHost host;
    /** The surface it is on (empty: the first); x and y are in its coordinates. */
    String surface;
    /** {@code shared} or {@code solo}: which host the cell runs in. */
    String isolation;
    Generation generation;
    DisplayList displayList = DisplayList.empty();
    /** Whether {@link #displayList} is a stand-in the tissue drew (a placeholder, a dimmed frame) and not the cell's. */
    boolean standIn;
    /** The cell's own last drawing while a stand-in shows (what a disconnected remote cell shows, dimmed). */
    DisplayList liveFrame = DisplayList.empty();
    long renderVersion;
    boolean renderScheduled;
    String lastError = "";
    /** Why the cell is quarantined; empty while it runs. */
    String quarantined = "";
    /** When its recent faults happened (nanoTime), for the restart intensity. */
    final java.util.List<Long> faults = new java.util.ArrayList<>();
    /** When it took its host down (nanoTime): a cell that kills every new host is quarantined, not restored. */
    final java.util.List<Long> restores = new java.util.ArrayList<>();
    TissueStore.SavedCell lastSaved;
    /** Renders in a row that took longer than the frame budget, and the last one's duration. */
    int slowRenders;
    long lastRenderNanos;

    LiveCell(CellSpec spec) {
        this.id = spec.id();
        this.type = spec.type();
        this.x = spec.x();
        this.y = spec.y();
        this.width = spec.width();
        this.height = spec.height();
        this.props = PropValues.of(spec.props());
        this.isolation = spec.isolation();
        this.surface = spec.surface();
    }

    /** The node it runs on, or empty for this one. */
    String node() {
        return CellSpec.nodeOf(isolation);
    }

    long generationNumber() {
        return generation == null ? 0 : generation.number();
    }

    boolean slow() {
        return slowRenders >= Tissue.SLOW_RENDERS;
    }

    String health() {
        if (!quarantined.isEmpty()) {
            return "quarantined";
        }
        if (instance == 0 && generation != null && !node().isEmpty()) {
            return "waiting for node " + node() + (lastError.isEmpty() ? "" : ": " + lastError)
                    + " (its last frame shows, dimmed)";
        }
        if (instance == 0 && generation != null) {
            return lastError.isEmpty() ? "restoring (its cell host is starting)" : "not running";
        }
        return slow() ? String.format("slow: %.1f ms per render (frame budget %d ms); timed renders throttled",
                lastRenderNanos / 1e6, Tissue.FRAME_BUDGET_NANOS / 1_000_000) : "ok";
    }

    /** True when screen point (px, py) is inside the cell, its surface's top-left corner at (originX, originY). */
    boolean contains(float px, float py, float originX, float originY) {
        float lx = px - originX;
        float ly = py - originY;
        return lx >= x && ly >= y && lx < x + width && ly < y + height;
    }

    CellView view() {
        StringBuilder state = new StringBuilder();
        if (lastSaved != null) {
            new java.util.TreeMap<>(lastSaved.state()).forEach((k, v) ->
                    state.append(state.length() == 0 ? "" : ",").append(k).append('=').append(v));
        }
        return new CellView(id, type, generationNumber(), x, y, width, height, props.asMap(), lastError,
                state.toString(), health(), isolation, surface);
    }
}
