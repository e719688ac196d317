package dev.cellshell.shell.workspace;

import dev.cellshell.ipc.SceneMessage.Edge;
import dev.cellshell.ipc.SceneMessage.Role;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One surface as {@code tissue.json} declares it: a named drawing area with a role, on a monitor.
 *
 * @param monitor {@value #PRIMARY}, {@value #ALL} (one copy per monitor, the same cells on each), or a monitor's
 *     name as {@code xrandr} and GLFW report it (e.g. {@code DP-1}); a named monitor that is not there puts the
 *     surface's cells on the primary one until it comes back
 * @param edge for a panel, the edge of its monitor it is on
 * @param thickness for a panel, its height (top, bottom) or width (left, right); for a window, 0
 */
public record SurfaceSpec(String name, Role role, String monitor, Edge edge, int thickness) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    public static final String PRIMARY = "primary";
    public static final String ALL = "all";
    /** The surface of a tissue that names none: the desktop of the primary monitor. */
    public static final SurfaceSpec MAIN = new SurfaceSpec("desktop", Role.DESKTOP, PRIMARY, Edge.NONE, 0);

    public SurfaceSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a surface name is lower-case letters, digits and dashes, not '"
                    + name + "'");
        }
        monitor = monitor == null || monitor.isBlank() ? PRIMARY : monitor.trim();
        if (role == Role.PANEL) {
            if (edge == Edge.NONE) {
                throw new IllegalArgumentException("panel '" + name + "' needs an edge (top, bottom, left, right)");
            }
            if (thickness < 8 || thickness > 400) {
                throw new IllegalArgumentException("panel '" + name + "' is 8 to 400 units thick, not " + thickness);
            }
        } else {
            edge = Edge.NONE;
            thickness = 0;
        }
    }

    /** {@code desktop} → DESKTOP; names the roles there are when {@code id} is none of them. */
    public static Role role(String id) {
        return parse(Role.values(), id, "role");
    }

    public static Edge edge(String id) {
        return parse(Edge.values(), id, "edge");
    }

    public static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E parse(E[] values, String id, String what) {
        for (E value : values) {
            if (id(value).equals(id.trim().toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown surface " + what + " '" + id + "' (" + Arrays.stream(values)
                .filter(v -> !v.name().equals("NONE")).map(SurfaceSpec::id).collect(Collectors.joining(", ")) + ")");
    }
}
