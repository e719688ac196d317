package dev.cellshell.organelles.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Icons by name, as the Icon Theme Specification finds them: in the theme, the themes it inherits and
 * {@code hicolor}, under each base folder ({@code ~/.icons}, {@code $XDG_DATA_HOME/icons}, every
 * {@code $XDG_DATA_DIRS/icons}), the folder whose size is nearest the one asked for (from {@code index.theme}: Fixed,
 * Scalable and Threshold folders), PNG and SVG; then {@code /usr/share/pixmaps}. An absolute path is taken as it is.
 */
public final class IconTheme {

    private record Folder(String path, int size, int min, int max, String type, int threshold) {
        int distance(int want) {
            return switch (type) {
                case "Scalable" -> want < min ? min - want : want > max ? want - max : 0;
                case "Threshold" -> Math.abs(want - size) <= threshold ? 0 : Math.abs(want - size);
                default -> Math.abs(want - size);
            };
        }
    }

    private final List<Path> bases;
    private final List<Path> pixmaps;
    private final String theme;
    private final Map<String, List<Folder>> folders = new ConcurrentHashMap<>();
    private final Map<String, Optional<Path>> found = new ConcurrentHashMap<>();

    /** @param bases the icon base folders in order; {@code pixmaps} the flat folders looked in last */
    public IconTheme(String theme, List<Path> bases, List<Path> pixmaps) {
        this.theme = theme == null || theme.isBlank() ? "hicolor" : theme;
        this.bases = List.copyOf(bases);
        this.pixmaps = List.copyOf(pixmaps);
    }

    /** The folders of the XDG environment {@code env}. */
    public static IconTheme ofEnvironment(Map<String, String> env, String theme) {
        List<Path> bases = new ArrayList<>();
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        bases.add(Path.of(home, ".icons"));
        bases.add(XdgDirs.dataHome(env).resolve("icons"));
        XdgDirs.dataDirs(env).forEach(d -> bases.add(d.resolve("icons")));
        return new IconTheme(theme, bases, List.of(Path.of("/usr/share/pixmaps")));
    }

    /** The icon file named {@code name} nearest {@code size} pixels. */
    public Optional<Path> find(String name, int size) {
        if (name == null || name.isBlank() || name.contains("..")) {
            return Optional.empty();
        }
        return found.computeIfAbsent(name + "@" + size, k -> lookUp(name, size));
    }

    private Optional<Path> lookUp(String name, int size) {
        if (name.startsWith("/")) {
            Path path = Path.of(name);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        for (String each : themes()) {
            Optional<Path> best = Optional.empty();
            int bestDistance = Integer.MAX_VALUE;
            for (Path base : bases) {
                Path root = base.resolve(each);
                for (Folder folder : folders(root)) {
                    int distance = folder.distance(size);
                    if (distance >= bestDistance) {
                        continue;
                    }
                    for (String ext : new String[] {".png", ".svg"}) {
                        Path file = root.resolve(folder.path()).resolve(name + ext);
                        if (Files.isRegularFile(file)) {
                            best = Optional.of(file);
                            bestDistance = distance;
                            break;
                        }
                    }
                }
            }
            if (best.isPresent()) {
                return best;
            }
        }
        for (Path folder : pixmaps) {
            for (String ext : new String[] {".png", ".svg"}) {
                Path file = folder.resolve(name + ext);
                if (Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** The theme, what it inherits (breadth first), then hicolor. */
    List<String> themes() {
        Set<String> order = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(theme));
        while (!queue.isEmpty() && order.size() < 16) {
            String next = queue.remove(0);
            if (order.add(next)) {
                for (Path base : bases) {
                    Map<String, Map<String, String>> index = index(base.resolve(next).resolve("index.theme"));
                    String inherits = index.getOrDefault("Icon Theme", Map.of()).getOrDefault("Inherits", "");
                    for (String parent : inherits.split(",")) {
                        if (!parent.isBlank()) {
                            queue.add(parent.strip());
                        }
                    }
                }
            }
        }
        order.add("hicolor");
        return List.copyOf(order);
    }

    private List<Folder> folders(Path root) {
        return folders.computeIfAbsent(root.toString(), k -> readFolders(root));
    }

    private static List<Folder> readFolders(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Map<String, Map<String, String>> index = index(root.resolve("index.theme"));
        List<Folder> list = new ArrayList<>();
        String directories = index.getOrDefault("Icon Theme", Map.of()).getOrDefault("Directories", "");
        for (String dir : directories.split(",")) {
            Map<String, String> group = index.get(dir.strip());
            if (dir.isBlank() || group == null) {
                continue;
            }
            int size = number(group.get("Size"), 48);
            list.add(new Folder(dir.strip(), size, number(group.get("MinSize"), size), number(group.get("MaxSize"),
                    size), group.getOrDefault("Type", "Threshold"), number(group.get("Threshold"), 2)));
        }
        if (list.isEmpty()) { // no index: every folder two levels down, sized by its name (48x48, scalable)
            try (Stream<Path> walk = Files.walk(root, 2)) {
                walk.filter(Files::isDirectory).filter(p -> !p.equals(root)).forEach(p -> {
                    String rel = root.relativize(p).toString();
                    String first = rel.split("/")[0];
                    int size = first.matches("\\d+x\\d+(@\\d+)?") ? Integer.parseInt(first.split("x")[0]) : 48;
                    boolean scalable = first.equals("scalable");
                    list.add(new Folder(rel, size, scalable ? 1 : size, scalable ? 512 : size,
                            scalable ? "Scalable" : "Fixed", 0));
                });
            } catch (IOException e) {
                return List.of();
            }
        }
        return list;
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, Map<String, String>> index(Path file) {
        Map<String, Map<String, String>> groups = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return groups;
        }
        try {
            Map<String, String> group = null;
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.startsWith("[") && line.endsWith("]")) {
                    group = groups.computeIfAbsent(line.substring(1, line.length() - 1), g -> new HashMap<>());
                } else if (group != null && line.indexOf('=') > 0 && !line.startsWith("#")) {
                    group.putIfAbsent(line.substring(0, line.indexOf('=')).strip(),
                            line.substring(line.indexOf('=') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            groups.clear();
        }
        return groups;
    }
}
