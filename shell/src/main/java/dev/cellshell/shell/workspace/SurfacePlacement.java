package dev.cellshell.shell.workspace;

import dev.cellshell.ipc.SceneMessage.Edge;
import dev.cellshell.ipc.SceneMessage.Monitor;
import dev.cellshell.ipc.SceneMessage.Role;
import dev.cellshell.ipc.SceneMessage.Surface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the surfaces of a tissue go on the monitors there are: a panel along its edge of its monitor, a desktop on
 * what its monitor has left (its work area), an overlay over a whole monitor, a window at the monitor's corner in the
 * tissue's desktop size. A surface named for a monitor that is not there puts its cells on the primary monitor's
 * surface of the same role (its {@link #home}) until the monitor comes back. Pure arithmetic.
 *
 * @param surfaces the surfaces to draw, back to front by role; a surface on {@value SurfaceSpec#ALL} monitors comes
 *     once per monitor
 * @param homes for each declared surface, the name of the surface whose window shows its cells (itself, or a stand-in)
 * @param areas for each declared surface, the width and height its cells are laid out in, in layout units (screen
 *     pixels divided by the monitor's content scale)
 */
public record SurfacePlacement(List<Surface> surfaces, Map<String, String> homes, Map<String, float[]> areas) {

    /** The stand-in monitor while the compositor has not said which there are: the tissue's desktop size. */
    public static Monitor virtual(int width, int height) {
        return new Monitor("screen", 0, 0, width, height, 1, true);
    }

    public static SurfacePlacement of(List<SurfaceSpec> specs, List<Monitor> monitors, int windowWidth,
            int windowHeight) {
        if (monitors.isEmpty()) {
            monitors = List.of(virtual(windowWidth, windowHeight));
        }
        Monitor primary = monitors.stream().filter(Monitor::primary).findFirst().orElse(monitors.get(0));
        Map<String, String> homes = new LinkedHashMap<>();
        Map<String, float[]> areas = new LinkedHashMap<>();
        List<Surface> placed = new ArrayList<>();
        // Panels first: they take their space from the monitor before the desktops get the rest.
        Map<String, int[]> workAreas = new LinkedHashMap<>();
        monitors.forEach(m -> workAreas.put(m.name(), new int[] {m.x(), m.y(), m.width(), m.height()}));
        List<SurfaceSpec> ordered = new ArrayList<>(specs);
        ordered.sort(java.util.Comparator.comparingInt(s -> s.role() == Role.PANEL ? 0 : 1));
        Map<String, Surface> firstOfRole = new LinkedHashMap<>();
        List<SurfaceSpec> strays = new ArrayList<>();
        for (SurfaceSpec spec : ordered) {
            List<Monitor> on = spec.monitor().equals(SurfaceSpec.ALL) ? monitors
                    : spec.monitor().equals(SurfaceSpec.PRIMARY) ? List.of(primary)
                    : monitors.stream().filter(m -> m.name().equals(spec.monitor())).toList();
            if (on.isEmpty()) {
                strays.add(spec);
                continue;
            }
            for (Monitor m : on) {
                Surface surface = place(spec, m, workAreas.get(m.name()), windowWidth, windowHeight);
                placed.add(surface);
                homes.put(spec.name(), spec.name());
                // On several monitors the cells are laid out once, in the smallest copy, so every copy shows them.
                float[] area = areas.get(spec.name());
                float w = surface.width() / scale(m);
                float h = surface.height() / scale(m);
                areas.put(spec.name(), area == null ? new float[] {w, h}
                        : new float[] {Math.min(area[0], w), Math.min(area[1], h)});
                if (m == primary) {
                    firstOfRole.putIfAbsent(spec.role().name(), surface);
                }
            }
        }
        for (SurfaceSpec stray : strays) {
            Surface standIn = firstOfRole.get(stray.role().name());
            if (standIn == null) {
                // No surface of that role on the primary monitor: the stray one goes there itself.
                Surface surface = place(stray, primary, workAreas.get(primary.name()), windowWidth, windowHeight);
                placed.add(surface);
                homes.put(stray.name(), stray.name());
                areas.put(stray.name(), new float[] {surface.width() / scale(primary),
                    surface.height() / scale(primary)});
            } else {
                homes.put(stray.name(), standIn.name());
                areas.put(stray.name(), areas.get(standIn.name()));
            }
        }
        placed.sort(java.util.Comparator.comparingInt(s -> s.role().ordinal()));
        return new SurfacePlacement(List.copyOf(placed), Map.copyOf(homes), Map.copyOf(areas));
    }

    /**
     * Screen pixels per layout unit on {@code m}: its content scale (HiDPI: 2), never below 1. Surfaces are placed in
     * pixels; their cells are laid out in units.
     */
    static float scale(Monitor m) {
        return Float.isFinite(m.scale()) && m.scale() > 1 ? m.scale() : 1;
    }

    /** Places one surface on monitor {@code m}; a panel takes its strip out of {@code work} (x, y, w, h). */
    private static Surface place(SurfaceSpec spec, Monitor m, int[] work, int windowWidth, int windowHeight) {
        return switch (spec.role()) {
            case PANEL -> {
                int t = Math.round(spec.thickness() * scale(m));
                Surface s = switch (spec.edge()) {
                    case TOP -> new Surface(spec.name(), Role.PANEL, m.name(), work[0], work[1], work[2], t,
                            Edge.TOP, t, 0);
                    case BOTTOM -> new Surface(spec.name(), Role.PANEL, m.name(), work[0], work[1] + work[3] - t,
                            work[2], t, Edge.BOTTOM, t, 0);
                    case LEFT -> new Surface(spec.name(), Role.PANEL, m.name(), work[0], work[1], t, work[3],
                            Edge.LEFT, t, 0);
                    case RIGHT -> new Surface(spec.name(), Role.PANEL, m.name(), work[0] + work[2] - t, work[1], t,
                            work[3], Edge.RIGHT, t, 0);
                    default -> throw new IllegalStateException("a panel without an edge: " + spec.name());
                };
                switch (spec.edge()) {
                    case TOP -> {
                        work[1] += t;
                        work[3] -= t;
                    }
                    case BOTTOM -> work[3] -= t;
                    case LEFT -> {
                        work[0] += t;
                        work[2] -= t;
                    }
                    default -> work[2] -= t;
                }
                yield s;
            }
            case DESKTOP -> new Surface(spec.name(), Role.DESKTOP, m.name(), work[0], work[1], Math.max(1, work[2]),
                    Math.max(1, work[3]), Edge.NONE, 0, 0);
            case OVERLAY -> new Surface(spec.name(), Role.OVERLAY, m.name(), m.x(), m.y(), m.width(), m.height(),
                    Edge.NONE, 0, 0);
            case WINDOW -> new Surface(spec.name(), Role.WINDOW, m.name(), m.x(), m.y(),
                    Math.round(windowWidth * scale(m)), Math.round(windowHeight * scale(m)),
                    Edge.NONE, 0, 0);
        };
    }

    /** The width and height the cells of surface {@code name} are laid out in ({@code fallback} if unknown). */
    public float[] area(String name, float[] fallback) {
        return areas.getOrDefault(name, fallback);
    }

    /** The surfaces (one per monitor) that show the cells of surface {@code name}. */
    public List<Surface> showing(String name) {
        String home = homes.getOrDefault(name, name);
        return surfaces.stream().filter(s -> s.name().equals(home)).toList();
    }
}
