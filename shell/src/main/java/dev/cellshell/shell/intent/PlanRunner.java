package dev.cellshell.shell.intent;

import dev.cellshell.assets.Assets;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.tissue.Arrangement;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.Change;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.Catalog;
import dev.cellshell.shell.workspace.CellSpec;
import dev.cellshell.shell.workspace.TissueSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Turns plans into tissue changes: every layout and prop operation of a plan becomes one {@code tissue.json}
 * change ({@link Tissue#reshape}), so the whole request is one audit entry (actor {@code ask}, with the request and
 * what understood it) and one {@code cell undo}. Also builds the {@link Desktop} the engine plans against.
 */
public final class PlanRunner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlanRunner.class);

    /** Sizes a new cell of a built-in type gets when no cell of its type runs yet. */
    private static final Map<String, float[]> USUAL_SIZES = Map.of("Label", new float[] {440, 96}, "Button",
            new float[] {240, 64}, "Clock", new float[] {256, 96}, "Panel", new float[] {480, 160});
    private static final float[] DEFAULT_SIZE = {240, 80};
    private static final float MARGIN = 24;

    private final Tissue tissue;
    private final History history;
    private final Path workspace;
    private volatile SystemActions system = SystemActions.NONE;

    public PlanRunner(Tissue tissue, History history, Path workspace) {
        this.tissue = tissue;
        this.history = history;
        this.workspace = workspace;
    }

    /** Where plans that act on the system around the desktop go (applications, notifications, media, workspaces). */
    public PlanRunner use(SystemActions actions) {
        this.system = actions;
        return this;
    }

    /** The size each type declares with {@code @Size} (none for types that declare none). */
    private Map<String, float[]> declaredSizes() {
        Map<String, float[]> declared = new LinkedHashMap<>();
        try {
            for (Catalog.Entry entry : Catalog.of(workspace)) {
                if (!entry.size().equals(dev.cellshell.shell.workspace.TypeSize.UNDECLARED)) {
                    declared.put(entry.type(), new float[] {entry.size().width(), entry.size().height()});
                }
            }
        } catch (IOException | RuntimeException e) {
            // the usual sizes then
        }
        return declared;
    }

    /** What the engine sees now; {@code selected} is the cell picked on screen or in the workbench. */
    public Desktop desktop(String selected) {
        TissueSpec spec = tissue.spec();
        List<Desktop.Cell> cells = new ArrayList<>();
        Map<String, float[]> sizes = new LinkedHashMap<>();
        for (CellView c : tissue.cells()) {
            cells.add(new Desktop.Cell(c.id(), c.type(), c.x(), c.y(), c.width(), c.height(), c.props()));
            sizes.putIfAbsent(c.type(), new float[] {c.width(), c.height()});
        }
        Map<String, float[]> types = new LinkedHashMap<>();
        Map<String, float[]> declared = declaredSizes();
        try {
            for (String type : Catalog.types(workspace)) {
                types.put(type, sizes.getOrDefault(type, USUAL_SIZES.getOrDefault(type,
                        declared.getOrDefault(type, DEFAULT_SIZE))));
            }
        } catch (IOException e) {
            sizes.forEach(types::put);
        }
        TreeSet<String> themes = new TreeSet<>(Assets.THEMES);
        try (var own = Files.list(workspace.resolve("themes"))) {
            own.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .forEach(n -> themes.add(n.substring(0, n.length() - ".properties".length())));
        } catch (IOException none) {
            // No workspace themes.
        }
        Map<String, Map<String, Desktop.TypedProp>> kinds = new LinkedHashMap<>();
        tissue.declaredProps().join().forEach((type, props) -> {
            Map<String, Desktop.TypedProp> byName = new LinkedHashMap<>();
            props.forEach((name, prop) -> byName.put(name, new Desktop.TypedProp(prop.kind().name(), prop.min(),
                    prop.max(), prop.fallback())));
            kinds.put(type, byName);
        });
        Desktop.System around = system.now();
        Map<String, String> panels = new LinkedHashMap<>();
        spec.surfaces().stream().filter(s -> s.role() == dev.cellshell.ipc.SceneMessage.Role.PANEL)
                .forEach(s -> panels.put(s.name(), s.edge().name().toLowerCase(java.util.Locale.ROOT)));
        return new Desktop(spec.width(), spec.height(), spec.theme(), cells, selected == null ? "" : selected, types,
                tissue.variants().join(), List.copyOf(themes), kinds, new Desktop.System(around.apps(),
                        around.workspaces(), panels));
    }

    /** Applies an understood plan; completes with what changed (or why nothing did). */
    public CompletableFuture<Change> apply(Plan plan) {
        if (!plan.understood()) {
            return CompletableFuture.completedFuture(new Change(false, "", plan.message()));
        }
        if (plan.changes().size() == 1 && plan.changes().get(0) instanceof Op.Undo) {
            return history.undo(tissue).handle((outcome, error) -> error != null
                    ? new Change(false, "", error.getCause() != null ? error.getCause().getMessage() : error.toString())
                    : new Change(outcome.swapped(), outcome.cellId(), outcome.swapped() ? plan.message()
                            : outcome.failure(), outcome.sceneVersion()));
        }
        if (!plan.changes().isEmpty() && plan.changes().stream().allMatch(PlanRunner::onTheSystem)) {
            try {
                String said = plan.message();
                for (Op op : plan.changes()) {
                    said = act(op, said);
                }
                LOG.info("ask {}: {}", Plan.string(plan.request()), said);
                return CompletableFuture.completedFuture(new Change(true, "", said));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return CompletableFuture.completedFuture(new Change(false, "", e.getMessage()));
            }
        }
        TissueSpec target;
        try {
            target = target(tissue.spec(), plan, declaredSizes());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Change(false, "", e.getMessage()));
        }
        String note = "ask " + Plan.string(plan.request()) + " (" + plan.backend() + String.format(
                java.util.Locale.ROOT, " %.2f", plan.confidence()) + ")";
        return tissue.reshape(target, "ask", "ask", note).thenApply(change -> change.done()
                ? new Change(true, change.cellId(), plan.message(), change.sceneVersion()) : change);
    }

    /** Whether {@code op} acts on the system around the desktop (not an audited tissue change). */
    static boolean onTheSystem(Op op) {
        return op instanceof Op.Launch || op instanceof Op.DoNotDisturb || op instanceof Op.Media
                || op instanceof Op.Workspace;
    }

    /** Carries out one system step; returns what to say. */
    private String act(Op op, String said) {
        if (op instanceof Op.Launch l) {
            system.launch(l.appId());
        } else if (op instanceof Op.DoNotDisturb d) {
            system.doNotDisturb(d.minutes());
        } else if (op instanceof Op.Media m) {
            return system.media(m.command());
        } else if (op instanceof Op.Workspace w) {
            system.switchWorkspace(w.index());
        }
        return said;
    }

    /** The ids of the cells a plan adds or changes (not those it removes). */
    public static java.util.Set<String> cells(Plan plan) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (Op op : plan.changes()) {
            if (op instanceof Op.Spawn s) {
                ids.add(s.cell());
            } else if (op instanceof Op.Set s) {
                ids.add(s.cell());
            } else if (op instanceof Op.Move m) {
                ids.add(m.cell());
            } else if (op instanceof Op.Swap s) {
                ids.add(s.cell());
            }
        }
        return ids;
    }

    /** The tissue definition after the plan's operations, in order. */
    static TissueSpec target(TissueSpec spec, Plan plan) {
        return target(spec, plan, Map.of());
    }

    /** As {@link #target(TissueSpec, Plan)}, new cells of a type nobody runs yet at its {@code declared} size. */
    static TissueSpec target(TissueSpec spec, Plan plan, Map<String, float[]> declared) {
        TissueSpec next = spec;
        for (Op op : plan.changes()) {
            next = apply(next, op, declared);
        }
        return next.laidOut();
    }

    private static TissueSpec apply(TissueSpec spec, Op op, Map<String, float[]> declared) {
        List<CellSpec> cells = new ArrayList<>(spec.cells());
        if (op instanceof Op.Theme t) {
            return spec.withTheme(t.name(), spec.background());
        }
        if (op instanceof Op.Arrange) {
            return Arrangement.of(spec);
        }
        if (op instanceof Op.Spawn s) {
            String w = s.props().get("width");
            String h = s.props().get("height");
            float[] size = w != null && h != null ? new float[] {Float.parseFloat(w), Float.parseFloat(h)}
                    : cells.stream().filter(c -> c.type().equals(s.type())).findFirst()
                            .map(c -> new float[] {c.width(), c.height()})
                            .orElse(USUAL_SIZES.getOrDefault(s.type(), declared.getOrDefault(s.type(),
                                    DEFAULT_SIZE)));
            Map<String, String> props = new LinkedHashMap<>(s.props());
            props.remove("width");
            props.remove("height");
            if (!s.surface().isEmpty()) {
                return spec.withCells(onPanel(cells, s, size, props, spec));
            }
            CellSpec cell = CellSpec.at(s.cell(), s.type(), 0, 0, size[0], size[1], props);
            cells.add(placed(cell, s.at(), spec));
            return spec.withCells(cells);
        }
        String id = op instanceof Op.Set s ? s.cell() : op instanceof Op.Move m ? m.cell()
                : op instanceof Op.Rm r ? r.cell() : null;
        CellSpec cell = id == null ? null : spec.cell(id);
        if (cell == null) {
            throw new IllegalArgumentException("no cell with id '" + id + "'");
        }
        int index = cells.indexOf(cell);
        if (op instanceof Op.Rm) {
            List<String> gone = new ArrayList<>(spec.inside(id));
            gone.add(id);
            cells.removeIf(c -> gone.contains(c.id()));
            return spec.withCells(cells);
        }
        if (op instanceof Op.Move m) {
            cells.set(index, placed(cell, m.at(), spec));
            return spec.withCells(cells);
        }
        Op.Set set = (Op.Set) op;
        Map<String, String> props = new LinkedHashMap<>(cell.props());
        set.props().forEach((k, v) -> {
            if (!k.equals("width") && !k.equals("height")) {
                props.put(k, v);
            }
        });
        float w = set.props().containsKey("width") ? Float.parseFloat(set.props().get("width")) : cell.width();
        float h = set.props().containsKey("height") ? Float.parseFloat(set.props().get("height")) : cell.height();
        CellSpec resized = new CellSpec(cell.id(), cell.type(), cell.anchor(), cell.margin(),
                cell.x() - (w - cell.width()) / 2, cell.y() - (h - cell.height()) / 2, w, h, props, cell.parent(),
                cell.layout(), cell.isolation(), cell.surface());
        if (cell.anchor() != null) {
            resized = resized.pinned(cell.anchor(), cell.margin(), spec.width(), spec.height());
        }
        cells.set(index, resized);
        return spec.withCells(cells);
    }

    /**
     * The cells with a new one on the panel {@code s.surface()}: pinned on the right, left of the cells already
     * pinned there, as tall as the panel allows; refused with why when it would cover another cell of the panel.
     */
    private static List<CellSpec> onPanel(List<CellSpec> cells, Op.Spawn s, float[] size, Map<String, String> props,
            TissueSpec spec) {
        dev.cellshell.shell.workspace.SurfaceSpec panel = spec.surfaces().stream()
                .filter(x -> x.name().equals(s.surface())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no surface '" + s.surface() + "'"));
        float margin = 4;
        for (CellSpec c : cells) {
            if (s.surface().equals(c.surface()) && c.anchor() == Anchor.RIGHT) {
                margin = Math.max(margin, c.margin() + c.width() + 8);
            }
        }
        float height = Math.min(size[1], Math.max(8, panel.thickness() - 8));
        float width = size[0] * height / size[1];
        CellSpec cell = spec.pin(new CellSpec(s.cell(), s.type(), Anchor.RIGHT, margin, 0, 0, width, height, props,
                null, null, CellSpec.SHARED, s.surface()), Anchor.RIGHT, margin);
        for (CellSpec c : cells) {
            if (s.surface().equals(c.surface()) && c.x() < cell.x() + cell.width() && cell.x() < c.x() + c.width()) {
                throw new IllegalArgumentException("the panel '" + s.surface() + "' has no room left for a "
                        + s.type() + " (" + Math.round(width) + " wide) beside " + c.id() + ": remove or move "
                        + "something there first");
            }
        }
        List<CellSpec> next = new ArrayList<>(cells);
        next.add(cell);
        return next;
    }

    /** {@code cell} pinned at anchor {@code at} (with the usual margin), or at absolute {@code x,y}. */
    private static CellSpec placed(CellSpec cell, String at, TissueSpec spec) {
        if (at.matches("-?\\d+,-?\\d+")) {
            String[] xy = at.split(",");
            return cell.atTopLevel(Float.parseFloat(xy[0]), Float.parseFloat(xy[1]));
        }
        return cell.pinned(Anchor.of(at), MARGIN, spec.width(), spec.height());
    }
}
