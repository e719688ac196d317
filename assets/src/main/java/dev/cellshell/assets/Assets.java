package dev.cellshell.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The built-in material a new workspace is made from: cell sources, the demo tissue, the bundled font. */
public final class Assets {

    /** Cell types that ship with CellShell; each is {@code cells/<Type>.java}. */
    public static final List<String> BUILT_IN_CELL_TYPES = List.of("Label", "Button", "Clock", "Panel", "Notes",
            "Calendar", "SystemMonitor", "TextField", "Launcher", "Hello", "Image", "Meters", "WorkspaceSwitcher", "NoticeBell",
            "Terminal", "AppGrid", "AppDock", "Taskbar", "NotificationPopups", "NotificationHistory", "TrayIcons", "NowPlaying",
            "Battery", "NetworkIndicator");

    private static final String ROOT = "/dev/cellshell/assets/";

    private Assets() {
    }

    /** The Java source of a built-in cell type. */
    public static String cellSource(String type) {
        return text("cells/" + type + ".java");
    }

    /** The three-cell demo tissue (a label, a button, a clock): {@code cell run --template demo}. */
    public static String demoTissue() {
        return text("tissue/demo.json");
    }

    /** The workspace templates there are; the first is what a new workspace starts with. */
    public static final List<String> TEMPLATES = List.of("desktop", "demo");

    /**
     * The tissue definition of template {@code name}: {@code desktop} (a top panel with a launcher, the system's
     * meters and a clock; a calendar, notes and a system monitor on the desktop) or {@code demo}.
     */
    public static String tissueTemplate(String name) {
        if (!TEMPLATES.contains(name)) {
            throw new IllegalArgumentException("no workspace template '" + name + "' (templates: "
                    + String.join(", ", TEMPLATES) + ")");
        }
        return text("tissue/" + name + ".json");
    }

    /** Built-in themes; each is {@code themes/<name>.properties} of colour tokens. */
    public static final List<String> THEMES = List.of("dark", "light");

    /** The tokens of a built-in theme, as properties text. */
    public static String theme(String name) {
        return text("themes/" + name + ".properties");
    }

    /** docs/CELLS.md: how to write a cell (also what a language model is told before it writes one). */
    public static String cellGuide() {
        return text("docs/CELLS.md");
    }

    /**
     * The SHA-256 (hex) of every earlier shipped version of the built-in cell {@code type}'s source: a workspace file
     * with one of them was never edited, and may be replaced by {@link #cellSource} of this version.
     */
    public static java.util.Set<String> earlierCellSources(String type) {
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (String line : text("cells/earlier-versions.txt").split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && !line.startsWith("#") && parts[0].equals(type)) {
                hashes.add(parts[1]);
            }
        }
        return hashes;
    }

    /** The application icon (SVG), for desktop entries. */
    public static String icon() {
        return text("icons/cellshell.svg");
    }

    /** The bundled typeface (DejaVu Sans), as TrueType bytes. */
    public static byte[] font() {
        return bytes("fonts/DejaVuSans.ttf");
    }

    /**
     * The bundled font files (DejaVu Sans and Sans Mono in regular, bold, oblique and bold oblique), by file name:
     * the fonts every cell's text is measured and drawn with.
     */
    public static final java.util.List<String> FONT_FILES = java.util.List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
            "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
            "DejaVuSansMono-Oblique.ttf", "DejaVuSansMono-BoldOblique.ttf");

    /** Where one of {@link #FONT_FILES} is on the classpath. */
    public static java.net.URL fontFile(String name) {
        if (!FONT_FILES.contains(name)) {
            throw new IllegalArgumentException("no bundled font " + name);
        }
        return java.util.Objects.requireNonNull(Assets.class.getResource(ROOT + "fonts/" + name), name);
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("built-in asset missing from the classpath: " + ROOT + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading built-in asset " + path, e);
        }
    }
}
