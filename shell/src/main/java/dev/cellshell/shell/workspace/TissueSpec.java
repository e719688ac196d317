package dev.cellshell.shell.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cellshell.widgets.Color;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The tissue definition ({@code tissue.json}): desktop size and background, and the cells in z-order (back to
 * front), each pinned to an {@link Anchor} with a margin or placed at absolute bounds. Parsing names the line and
 * column of a syntax error, and the cell and key of anything else that is wrong; a cell entry that is wrong is
 * left out (with its reason in {@link #problems()}) so every other cell still loads.
 */
public record TissueSpec(int width, int height, int background, String theme, List<CellSpec> cells,
        List<String> problems, List<SurfaceSpec> surfaces, Map<String, float[]> areas) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    public TissueSpec {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
        surfaces = surfaces.isEmpty() ? List.of(SurfaceSpec.MAIN) : List.copyOf(surfaces);
        areas = Map.copyOf(areas);
    }

    /** A tissue on one desktop surface of {@code width}×{@code height}. */
    public TissueSpec(int width, int height, int background, String theme, List<CellSpec> cells,
            List<String> problems) {
        this(width, height, background, theme, cells, problems, List.of(), Map.of());
    }

    /** The surface named {@code name}; empty names the first one. Null when there is none of that name. */
    public SurfaceSpec surface(String name) {
        return name.isEmpty() ? surfaces.get(0) : surfaces.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElse(null);
    }

    /**
     * The width and height the cells of {@code cell}'s surface are laid out in: as last placed on the monitors, or
     * the desktop size until then.
     */
    public float[] area(CellSpec cell) {
        SurfaceSpec on = surface(cell.surface());
        return on == null ? new float[] {width, height} : areas.getOrDefault(on.name(), new float[] {width, height});
    }

    /** {@code cell} pinned to {@code to} with {@code margin} on its surface. */
    public CellSpec pin(CellSpec cell, Anchor to, float margin) {
        float[] area = area(cell);
        return cell.pinned(to, margin, area[0], area[1]);
    }

    /**
     * This tissue with its surfaces' sizes as now placed ({@code name → width, height}): every pinned cell is pinned
     * again on its surface, and containers place their cells again.
     */
    public TissueSpec withAreas(Map<String, float[]> next) {
        TissueSpec sized = new TissueSpec(width, height, background, theme, cells, problems, surfaces, next);
        List<CellSpec> pinned = new ArrayList<>(cells.size());
        for (CellSpec cell : cells) {
            pinned.add(cell.anchor() != null && cell.parent().isEmpty() ? sized.pin(cell, cell.anchor(),
                    cell.margin()) : cell);
        }
        return new TissueSpec(width, height, background, theme, pinned, problems, surfaces, next).laidOut();
    }

    /** This tissue with {@code next} as its surfaces (cells on a surface that is gone move to the first one). */
    public TissueSpec withSurfaces(List<SurfaceSpec> next) {
        TissueSpec replaced = new TissueSpec(width, height, background, theme, cells, List.of(), next, areas);
        List<CellSpec> moved = cells.stream().map(c -> replaced.surface(c.surface()) == null ? c.onSurface("") : c)
                .toList();
        return new TissueSpec(width, height, background, theme, moved, List.of(), next, areas);
    }

    /** @throws IllegalArgumentException naming the line and column when the text is not JSON, or what is missing */
    public static TissueSpec parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tissue.json line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("tissue.json: the top level must be an object");
        }
        JsonNode desktop = root.path("desktop");
        float[] size = numbers(desktop.path("size"), 2, "desktop.size");
        int background = Color.parse(text(desktop.path("background"), "desktop.background"));
        String theme = desktop.path("theme").asText("dark");
        List<CellSpec> cells = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<SurfaceSpec> surfaces = surfaces(root.path("surfaces"), problems);
        JsonNode list = root.path("cells");
        if (!list.isArray()) {
            throw new IllegalArgumentException("tissue.json: 'cells' must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            addCell(list.get(i), "cells[" + i + "]", "", size[0], size[1], cells, problems);
        }
        List<String> surfaceNames = surfaces.isEmpty() ? List.of(SurfaceSpec.MAIN.name())
                : surfaces.stream().map(SurfaceSpec::name).toList();
        List<CellSpec> onKnownSurfaces = new ArrayList<>();
        for (CellSpec cell : cells) {
            if (cell.surface().isEmpty() || surfaceNames.contains(cell.surface())) {
                onKnownSurfaces.add(cell);
            } else {
                problems.add("tissue.json: cell '" + cell.id() + "': no surface '" + cell.surface() + "' (surfaces: "
                        + String.join(", ", surfaceNames) + ")");
            }
        }
        List<CellSpec> kept = onKnownSurfaces.stream().filter(c -> c.parent().isEmpty()
                || onKnownSurfaces.stream().anyMatch(p -> p.id().equals(c.parent()))).toList();
        return new TissueSpec((int) size[0], (int) size[1], background, theme, kept, problems, surfaces, Map.of())
                .laidOut();
    }

    /** The {@code surfaces} list; a wrong entry is left out with its reason, a second one of a name too. */
    private static List<SurfaceSpec> surfaces(JsonNode node, List<String> problems) {
        List<SurfaceSpec> surfaces = new ArrayList<>();
        if (node.isMissingNode()) {
            return surfaces;
        }
        if (!node.isArray()) {
            problems.add("tissue.json: 'surfaces' must be a list; using one desktop");
            return surfaces;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            try {
                String name = text(s.path("name"), "surfaces[" + i + "].name");
                SurfaceSpec spec = new SurfaceSpec(name, SurfaceSpec.role(s.path("role").asText("desktop")),
                        s.path("monitor").asText(SurfaceSpec.PRIMARY), SurfaceSpec.edge(s.path("edge").asText(
                                "none")), s.path("size").asInt(0));
                if (surfaces.stream().anyMatch(other -> other.name().equals(name))) {
                    throw new IllegalArgumentException("a second surface named '" + name + "'");
                }
                surfaces.add(spec);
            } catch (IllegalArgumentException e) {
                problems.add("tissue.json: surfaces[" + i + "]: " + e.getMessage().replace("tissue.json: ", ""));
            }
        }
        return surfaces;
    }

    /**
     * Adds the cell {@code node} describes, then (for a container) the cells inside it, to {@code cells} in
     * z-order; a wrong entry is left out (with what is inside it) and its reason goes to {@code problems}.
     */
    private static void addCell(JsonNode node, String where, String parent, float desktopWidth, float desktopHeight,
            List<CellSpec> cells, List<String> problems) {
        CellSpec cell;
        try {
            cell = cell(node, where, parent, desktopWidth, desktopHeight);
            if (cells.stream().anyMatch(c -> c.id().equals(cell.id()))) {
                throw new IllegalArgumentException("tissue.json: " + where + ": a second cell with id '"
                        + cell.id() + "'");
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return;
        }
        cells.add(cell);
        JsonNode children = node.path("children");
        if (!children.isMissingNode()) {
            if (cell.layout() == null || !children.isArray()) {
                problems.add("tissue.json: cell '" + cell.id() + "': 'children' must be a list, with a 'layout'");
                return;
            }
            for (int i = 0; i < children.size(); i++) {
                addCell(children.get(i), "cell '" + cell.id() + "'.children[" + i + "]", cell.id(), desktopWidth,
                        desktopHeight, cells, problems);
            }
        }
    }

    private static Layout layout(JsonNode node, String where) {
        if (node.isMissingNode()) {
            return null;
        }
        try {
            return new Layout(Layout.Kind.of(text(node.path("kind"), where + ".layout.kind")),
                    (float) node.path("gap").asDouble(8), (float) node.path("padding").asDouble(8),
                    node.path("columns").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tissue.json: " + where + ": " + e.getMessage().replace(
                    "tissue.json: ", ""));
        }
    }

    private static CellSpec cell(JsonNode node, String where, String parent, float desktopWidth,
            float desktopHeight) {
        CellSpec cell = placedCell(node, where, parent, desktopWidth, desktopHeight);
        String isolation = node.path("isolation").asText(CellSpec.SHARED);
        if (!isolation.equals(CellSpec.SHARED) && !isolation.equals(CellSpec.SOLO)
                && !(isolation.startsWith(CellSpec.NODE) && isolation.matches("node:[a-z][a-z0-9-]{0,31}"))) {
            throw new IllegalArgumentException("tissue.json: cell '" + cell.id() + "': isolation is \"shared\", "
                    + "\"solo\" or \"node:NAME\", not '" + isolation + "'");
        }
        String surface = node.path("surface").asText("");
        return cell.withIsolation(isolation).onSurface(parent.isEmpty() ? surface : "");
    }

    private static CellSpec placedCell(JsonNode node, String where, String parent, float desktopWidth,
            float desktopHeight) {
        String id = text(node.path("id"), where + ".id");
        where = "cell '" + id + "'";
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tissue.json: " + where + ": the id must be lower-case letters, "
                    + "digits and dashes");
        }
        String type = text(node.path("type"), where + ".type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("tissue.json: " + where + ": type '" + type
                    + "' is not a Java class name");
        }
        Map<String, String> props = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("props").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            props.put(field.getKey(), field.getValue().asText());
        }
        Layout layout = layout(node.path("layout"), where);
        if (!parent.isEmpty()) {
            if (node.has("at") || node.has("bounds")) {
                throw new IllegalArgumentException("tissue.json: " + where + ": a cell inside container '" + parent
                        + "' is placed by it: give only its 'size'");
            }
            float[] size = numbers(node.path("size"), 2, where + ".size");
            return new CellSpec(id, type, null, 0, 0, 0, size[0], size[1], props, parent, layout);
        }
        if (node.has("at")) {
            Anchor anchor;
            try {
                anchor = Anchor.of(node.get("at").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tissue.json: " + where + ": " + e.getMessage());
            }
            float[] size = numbers(node.path("size"), 2, where + ".size");
            float margin = (float) node.path("margin").asDouble(0);
            return CellSpec.at(id, type, 0, 0, size[0], size[1], props).withLayout(layout).pinned(anchor, margin,
                    desktopWidth, desktopHeight);
        }
        float[] bounds = numbers(node.path("bounds"), 4, where + ".bounds (or 'at' and 'size')");
        return CellSpec.at(id, type, bounds[0], bounds[1], bounds[2], bounds[3], props).withLayout(layout);
    }

    /**
     * This tissue with every container's cells placed by its layout (containers come before what is inside
     * them, so nested containers are placed first); a cell whose container is gone moves to the top level.
     */
    public TissueSpec laidOut() {
        Map<String, CellSpec> byId = new LinkedHashMap<>();
        cells.forEach(c -> byId.put(c.id(), c));
        for (CellSpec cell : cells) {
            CellSpec container = byId.get(cell.id());
            if (container.layout() == null) {
                continue;
            }
            List<CellSpec> inside = cells.stream().filter(c -> c.parent().equals(cell.id())).map(c -> byId.get(
                    c.id())).toList();
            List<float[]> corners = container.layout().place(container, inside);
            for (int i = 0; i < inside.size(); i++) {
                byId.put(inside.get(i).id(), inside.get(i).withCorner(corners.get(i)[0], corners.get(i)[1])
                        .onSurface(container.surface()));
            }
        }
        List<CellSpec> placed = new ArrayList<>(cells.size());
        for (CellSpec cell : cells) {
            CellSpec now = byId.get(cell.id());
            placed.add(!now.parent().isEmpty() && !byId.containsKey(now.parent()) ? now.atTopLevel(now.x(), now.y())
                    : now);
        }
        return new TissueSpec(width, height, background, theme, placed, problems, surfaces, areas);
    }

    /** The ids of every cell inside {@code containerId}, at any depth. */
    public List<String> inside(String containerId) {
        List<String> found = new ArrayList<>();
        for (CellSpec cell : cells) {
            if (cell.parent().equals(containerId) || found.contains(cell.parent())) {
                found.add(cell.id());
            }
        }
        return found;
    }

    /** The cell with {@code id}, or null. */
    public CellSpec cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** The JSON text of this tissue, in the same shape {@link #parse} reads. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode desktop = root.putObject("desktop");
        desktop.putArray("size").add(width).add(height);
        desktop.put("background", Color.format(background));
        desktop.put("theme", theme);
        if (!surfaces.equals(List.of(SurfaceSpec.MAIN))) {
            ArrayNode declared = root.putArray("surfaces");
            for (SurfaceSpec surface : surfaces) {
                ObjectNode node = declared.addObject();
                node.put("name", surface.name());
                node.put("role", SurfaceSpec.id(surface.role()));
                node.put("monitor", surface.monitor());
                if (surface.thickness() > 0) {
                    node.put("edge", SurfaceSpec.id(surface.edge()));
                    node.put("size", surface.thickness());
                }
            }
        }
        ArrayNode list = root.putArray("cells");
        cells.stream().filter(c -> c.parent().isEmpty()).forEach(cell -> write(list.addObject(), cell));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tissue always serialises", e);
        }
    }

    private void write(ObjectNode node, CellSpec cell) {
        node.put("id", cell.id());
        node.put("type", cell.type());
        if (!cell.parent().isEmpty()) {
            node.putArray("size").add(cell.width()).add(cell.height());
        } else if (cell.anchor() != null) {
            node.put("at", cell.anchor().id());
            node.put("margin", cell.margin());
            node.putArray("size").add(cell.width()).add(cell.height());
        } else {
            node.putArray("bounds").add(cell.x()).add(cell.y()).add(cell.width()).add(cell.height());
        }
        if (cell.parent().isEmpty() && !cell.surface().isEmpty()) {
            node.put("surface", cell.surface());
        }
        if (!cell.isolation().equals(CellSpec.SHARED)) {
            node.put("isolation", cell.isolation());
        }
        if (!cell.props().isEmpty()) {
            ObjectNode props = node.putObject("props");
            new TreeMap<>(cell.props()).forEach(props::put);
        }
        if (cell.layout() != null) {
            ObjectNode layout = node.putObject("layout");
            layout.put("kind", cell.layout().kind().id());
            layout.put("gap", cell.layout().gap());
            layout.put("padding", cell.layout().padding());
            if (cell.layout().columns() > 0) {
                layout.put("columns", cell.layout().columns());
            }
            ArrayNode children = node.putArray("children");
            cells.stream().filter(c -> c.parent().equals(cell.id())).forEach(c -> write(children.addObject(), c));
        }
    }

    public TissueSpec withCells(List<CellSpec> next) {
        return new TissueSpec(width, height, background, theme, next, List.of(), surfaces, areas);
    }

    public TissueSpec withTheme(String name, int themeBackground) {
        return new TissueSpec(width, height, themeBackground, name, cells, List.of(), surfaces, areas);
    }

    private static String text(JsonNode node, String key) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("tissue.json: missing or empty '" + key + "'");
        }
        return node.asText().trim();
    }

    private static float[] numbers(JsonNode node, int count, String key) {
        if (!node.isArray() || node.size() != count) {
            throw new IllegalArgumentException("tissue.json: '" + key + "' wants a list of " + count + " numbers");
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            if (!node.get(i).isNumber()) {
                throw new IllegalArgumentException("tissue.json: '" + key + "' has " + node.get(i)
                        + ", not a number");
            }
            values[i] = (float) node.get(i).asDouble();
        }
        return values;
    }
}
