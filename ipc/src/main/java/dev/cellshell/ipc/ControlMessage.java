package dev.cellshell.ipc;

import java.util.List;

/** Messages between a {@code cell} CLI client and the shell on the control socket: one request, one reply. */
public sealed interface ControlMessage {

    /** Replace the source of the cell type behind {@code cellId}. */
    record SwapRequest(String cellId, String fileName, String source) implements ControlMessage {
    }

    /**
     * The outcome of a swap. On success {@code generation} is the new generation, now on screen; on failure it is
     * the generation still running and {@code problems} says why. {@code notes} say what happened to state.
     */
    record SwapReply(boolean swapped, String cellId, long generation, List<Problem> problems, List<String> notes,
            long compileNanos, long editToPixelNanos) implements ControlMessage {
        public SwapReply {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    /** A compiler diagnostic as the CLI prints it. */
    record Problem(String file, int line, int column, boolean error, String message, String excerpt) {
    }

    /**
     * Undo, redo or roll back through the history. Answered with a {@link SwapReply}.
     *
     * @param verb {@code undo}, {@code redo} or {@code rollback}
     * @param cellId the cell to roll back (rollback only, else empty)
     * @param generation the generation to roll back to, -1 for the one before the current
     */
    record HistoryRequest(String verb, String cellId, long generation) implements ControlMessage {
    }

    /**
     * Change the tissue: {@code spawn} a cell of {@code type}, {@code rm} one, {@code set} its props (an empty value
     * unsets), {@code move} it, switch {@code theme}, {@code arrange}, {@code broadcast}. Unused fields are empty /
     * 0; {@code width} 0 means "the type's usual size"; {@code parent} names the container cell a spawned cell goes
     * into (empty: the desktop); {@code surface} the surface it goes on (empty: the first).
     */
    record ChangeRequest(String verb, String cellId, String type, String anchor, float margin, float width,
            float height, java.util.Map<String, String> props, String parent, String isolation, String surface)
            implements ControlMessage {
        public ChangeRequest {
            props = java.util.Map.copyOf(props);
            parent = parent == null ? "" : parent;
            isolation = isolation == null ? "" : isolation;
            surface = surface == null ? "" : surface;
        }

        public ChangeRequest(String verb, String cellId, String type, String anchor, float margin, float width,
                float height, java.util.Map<String, String> props, String parent, String isolation) {
            this(verb, cellId, type, anchor, margin, width, height, props, parent, isolation, "");
        }

        public ChangeRequest(String verb, String cellId, String type, String anchor, float margin, float width,
                float height, java.util.Map<String, String> props, String parent) {
            this(verb, cellId, type, anchor, margin, width, height, props, parent, "");
        }

        public ChangeRequest(String verb, String cellId, String type, String anchor, float margin, float width,
                float height, java.util.Map<String, String> props) {
            this(verb, cellId, type, anchor, margin, width, height, props, "");
        }
    }

    record ChangeReply(boolean done, String cellId, String message) implements ControlMessage {
    }

    /** Take a screenshot of the composited desktop as it is on screen now. */
    record ShotRequest() implements ControlMessage {
    }

    record ShotReply(long sceneVersion, byte[] png) implements ControlMessage {
    }

    /** Ask what the shell is running. */
    /** Where the desktop's surfaces are, on which monitors. */
    record SurfacesRequest() implements ControlMessage {
    }

    /**
     * @param surfaces as placed now, back to front (a surface on every monitor comes once per monitor)
     * @param monitors as the compositor reported them
     * @param cells how many cells each declared surface has, by name
     */
    record SurfacesReply(java.util.List<SceneMessage.Surface> surfaces, java.util.List<SceneMessage.Monitor> monitors,
            java.util.Map<String, Integer> cells) implements ControlMessage {
        public SurfacesReply {
            surfaces = java.util.List.copyOf(surfaces);
            monitors = java.util.List.copyOf(monitors);
            cells = java.util.Map.copyOf(cells);
        }
    }

    record StatusRequest() implements ControlMessage {
    }

    /**
     * @param presentedScene the newest scene version the compositor has presented, -1 before the first frame
     */
    record StatusReply(long pid, String workspace, long presentedScene, String renderer, List<CellStatus> cells)
            implements ControlMessage {
        public StatusReply {
            cells = List.copyOf(cells);
        }
    }

    /**
     * @param state the cell's saved {@code @State} fields as {@code name=value,…}
     * @param health {@code ok}, or why not (slow renders)
     * @param lastError the last fault, rollback or quarantine, empty when none
     */
    /** @param terminal what a terminal cell's program shows (screen text, cursor, title, …); empty for other cells */
    record CellStatus(String cellId, String cellType, long generation, float x, float y, float width, float height,
            String state, java.util.Map<String, String> props, String health, String lastError, String isolation,
            java.util.Map<String, String> terminal, java.util.Map<String, String> services) {
        public CellStatus {
            props = java.util.Map.copyOf(props);
            isolation = isolation == null || isolation.isEmpty() ? "shared" : isolation;
            terminal = terminal == null ? java.util.Map.of() : java.util.Map.copyOf(terminal);
            services = services == null ? java.util.Map.of() : java.util.Map.copyOf(services);
        }

        /** Without the services it declares (service name → empty when it works, else why not). */
        public CellStatus(String cellId, String cellType, long generation, float x, float y, float width,
                float height, String state, java.util.Map<String, String> props, String health, String lastError,
                String isolation, java.util.Map<String, String> terminal) {
            this(cellId, cellType, generation, x, y, width, height, state, props, health, lastError, isolation,
                    terminal, java.util.Map.of());
        }

        public CellStatus(String cellId, String cellType, long generation, float x, float y, float width,
                float height, String state, java.util.Map<String, String> props, String health, String lastError,
                String isolation) {
            this(cellId, cellType, generation, x, y, width, height, state, props, health, lastError, isolation,
                    java.util.Map.of());
        }

        public CellStatus(String cellId, String cellType, long generation, float x, float y, float width,
                float height, String state, java.util.Map<String, String> props, String health, String lastError) {
            this(cellId, cellType, generation, x, y, width, height, state, props, health, lastError, "shared");
        }
    }

    /** Click at desktop (x, y) as if with the mouse: press and release, delivered to the cell under it. */
    record ClickRequest(float x, float y) implements ControlMessage {
    }

    /** The click was handled and the cell's state saved; {@code cellId} is empty when no cell was there. */
    record ClickReply(String cellId) implements ControlMessage {
    }

    /**
     * A plain-language request; with {@code dryRun} the plan is only returned; with {@code useModel} it goes to the
     * configured language model, which writes cell code.
     */
    record AskRequest(String request, boolean dryRun, boolean useModel, boolean confirmed) implements ControlMessage {
        public AskRequest(String request, boolean dryRun) {
            this(request, dryRun, false, false);
        }

        public AskRequest(String request, boolean dryRun, boolean useModel) {
            this(request, dryRun, useModel, false);
        }
    }

    /**
     * @param understood the request was understood well enough to act on
     * @param applied the plan was carried out (never with a dry run)
     * @param planJson the plan, as {@code cell ask --json} prints it
     * @param editToPixelNanos request received → the frame showing the change presented; -1 when nothing changed
     * @param needsConfirmation the plan would remove more than one cell: nothing changed, ask again confirmed
     */
    record AskReply(boolean understood, boolean applied, String message, String planJson, long editToPixelNanos,
            boolean needsConfirmation) implements ControlMessage {
        public AskReply(boolean understood, boolean applied, String message, String planJson, long editToPixelNanos) {
            this(understood, applied, message, planJson, editToPixelNanos, false);
        }
    }

    /** Ask for the compositor's frame statistics. */
    record StatsRequest() implements ControlMessage {
    }

    /**
     * @param inputP50Ms input event arrived at the shell → the frame showing its effect presented, median of the
     *     last {@code inputSamples} events that changed a cell
     */
    record StatsReply(String renderer, SceneMessage.FrameStats stats, double inputP50Ms, double inputP95Ms,
            int inputSamples) implements ControlMessage {
    }

    /**
     * Change what the compositor draws over the cells. Each field is {@code ""} to leave it as it is.
     *
     * @param inspect {@code on} or {@code off}: outline the cell under the pointer, clicks select
     * @param stats {@code on} or {@code off}: the frame statistics line
     * @param select a cell id to select (outlined; the workbench opens it), or {@code none}
     */
    record OverlayRequest(String inspect, String stats, String select) implements ControlMessage {
    }

    /** The overlay as it is now; {@code selected} is empty when no cell is selected. */
    record OverlayReply(boolean inspect, boolean stats, String selected) implements ControlMessage {
    }

    /**
     * A whole {@code cell} command line for the shell to run: the thin client sends its words instead of parsing
     * them in a cold JVM (picocli's set-up costs more than the rest of a verb).
     *
     * @param args the words after {@code cell}
     * @param cwd the client's working folder, against which relative paths in {@code args} are read
     */
    record CommandRequest(List<String> args, String cwd) implements ControlMessage {
        public CommandRequest {
            args = List.copyOf(args);
        }
    }

    /** What the command printed on each stream and its exit code, for the client to pass on as they are. */
    record CommandReply(int exit, String out, String err) implements ControlMessage {
    }

    /**
     * A verb of {@code cell node} ({@code invite}, {@code pair}, {@code allow}, {@code forget}, {@code listen},
     * {@code init}) or {@code cell nodes} ({@code list}, {@code json}) for the running shell's node; answered with a
     * {@link ChangeReply} whose message is what to print.
     */
    record NodeRequest(String verb, List<String> args) implements ControlMessage {
        public NodeRequest {
            args = List.copyOf(args);
        }
    }

    /** The request could not be carried out; {@code message} says why, for a person to read. */
    record Failure(String message) implements ControlMessage {
    }

    Codec<ControlMessage> CODEC = new ControlCodec();
}
