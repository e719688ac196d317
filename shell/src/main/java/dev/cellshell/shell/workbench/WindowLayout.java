package dev.cellshell.shell.workbench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the workbench window was and how its panes were divided, kept in {@code workbench.properties} in the
 * workspace between runs. A missing or unreadable file gives the defaults (and a warning): a broken layout file never
 * stops the workbench from opening.
 *
 * @param dividers split pane name → its divider positions (0..1)
 */
record WindowLayout(double x, double y, double width, double height, boolean maximized,
        Map<String, double[]> dividers) {

    private static final Logger LOG = LoggerFactory.getLogger(WindowLayout.class);
    static final String FILE = "workbench.properties";

    WindowLayout {
        dividers = Map.copyOf(dividers);
    }

    /** No remembered place: the window goes beside the desktop at its default size. */
    static WindowLayout defaults(double width, double height) {
        return new WindowLayout(Double.NaN, Double.NaN, width, height, false, Map.of());
    }

    boolean placed() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    static WindowLayout load(Path workspace, WindowLayout fallback) {
        Path file = workspace.resolve(FILE);
        if (!Files.exists(file)) {
            return fallback;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            Map<String, double[]> dividers = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("divider.") && !p.getProperty(key).isBlank()) {
                    String[] parts = p.getProperty(key).split(",");
                    double[] positions = new double[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        positions[i] = fraction(parts[i], key);
                    }
                    dividers.put(key.substring("divider.".length()), positions);
                }
            }
            double width = Double.parseDouble(p.getProperty("width", Double.toString(fallback.width())));
            double height = Double.parseDouble(p.getProperty("height", Double.toString(fallback.height())));
            if (!(width >= 200 && height >= 150)) {
                throw new IllegalArgumentException("a window of " + width + "×" + height + " is too small");
            }
            return new WindowLayout(Double.parseDouble(p.getProperty("x", "NaN")),
                    Double.parseDouble(p.getProperty("y", "NaN")), width, height,
                    Boolean.parseBoolean(p.getProperty("maximized", "false")), dividers);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} not used ({}); the workbench opens with its default layout", file, e.getMessage());
            return fallback;
        }
    }

    private static double fraction(String text, String key) {
        double v = Double.parseDouble(text.trim());
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(key + " = " + text + " is not between 0 and 1");
        }
        return v;
    }

    /** Writes the layout (atomically: a crash mid-write leaves the old file). */
    void save(Path workspace) {
        Properties p = new Properties();
        if (placed()) {
            p.setProperty("x", Double.toString(x));
            p.setProperty("y", Double.toString(y));
        }
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        dividers.forEach((name, positions) -> {
            if (positions.length == 0) {
                return; // a pane with one part has no divider
            }
            StringBuilder text = new StringBuilder();
            for (double d : positions) {
                text.append(text.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", d));
            }
            p.setProperty("divider." + name, text.toString());
        });
        Path file = workspace.resolve(FILE);
        try {
            Path temp = Files.createTempFile(workspace, "." + FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                p.store(out, "CellShell workbench window layout");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("workbench layout not saved to {}: {}", file, e.toString());
        }
    }
}
