package dev.cellshell.organelles.apps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The XDG Base Directory folders of an environment. */
public final class XdgDirs {

    private XdgDirs() {
    }

    /** {@code $XDG_DATA_HOME}, else {@code ~/.local/share}. */
    public static Path dataHome(Map<String, String> env) {
        String home = env.get("XDG_DATA_HOME");
        return home != null && home.startsWith("/") ? Path.of(home)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share");
    }

    /** {@code $XDG_DATA_DIRS}, else {@code /usr/local/share:/usr/share}; relative entries ignored. */
    public static List<Path> dataDirs(Map<String, String> env) {
        String dirs = env.get("XDG_DATA_DIRS");
        if (dirs == null || dirs.isBlank()) {
            dirs = "/usr/local/share:/usr/share";
        }
        List<Path> paths = new ArrayList<>();
        for (String dir : dirs.split(":")) {
            if (dir.startsWith("/")) {
                paths.add(Path.of(dir));
            }
        }
        return paths;
    }
}
