package dev.cellshell.shell.install;

import dev.cellshell.assets.Assets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installs CellShell for one user, without root, the freedesktop way: a menu entry
 * ({@code $XDG_DATA_HOME/applications/cellshell.desktop}) with an icon in the hicolor theme, optionally an autostart
 * entry ({@code $XDG_CONFIG_HOME/autostart}) and a session (a script that starts a window manager and CellShell as
 * the desktop, and its {@code xsessions} entry). Every file written is listed in a manifest, and {@link #uninstall}
 * removes exactly those files — and none the user changed since.
 */
public final class Installer {

    /**
     * Where things go for this user.
     *
     * @param dataHome {@code $XDG_DATA_HOME} (default {@code ~/.local/share})
     * @param configHome {@code $XDG_CONFIG_HOME} (default {@code ~/.config})
     * @param launcher the program that starts CellShell ({@code /path/to/cell}, or an app image's launcher)
     */
    public record Home(Path dataHome, Path configHome, Path launcher) {

        /** From the environment, as the XDG base directory specification says. */
        public static Home of(Map<String, String> env, Path launcher) {
            Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
            String data = env.getOrDefault("XDG_DATA_HOME", "");
            String config = env.getOrDefault("XDG_CONFIG_HOME", "");
            return new Home(data.isBlank() ? home.resolve(".local/share") : Path.of(data),
                    config.isBlank() ? home.resolve(".config") : Path.of(config), launcher);
        }

        Path manifest() {
            return dataHome.resolve("cellshell/installed.txt");
        }
    }

    /** One file written, and what it holds (uninstall leaves a file alone that no longer holds it). */
    private record Written(Path path, String content) {
    }

    private final Home home;

    public Installer(Home home) {
        this.home = home;
    }

    /**
     * Writes the entries and the manifest; an earlier installation's files are replaced.
     *
     * @return the files written
     */
    public List<Path> install(boolean autostart, boolean session) throws IOException {
        if (!Files.isExecutable(home.launcher())) {
            throw new IllegalArgumentException("the launcher " + home.launcher() + " is not an executable file");
        }
        uninstall();
        String exec = quote(home.launcher().toAbsolutePath().normalize().toString());
        List<Written> files = new ArrayList<>();
        files.add(new Written(home.dataHome().resolve("icons/hicolor/scalable/apps/cellshell.svg"), Assets.icon()));
        files.add(new Written(home.dataHome().resolve("applications/cellshell.desktop"), entry("Application",
                "CellShell", "A desktop of live Java cells you can change while they run", exec + " run",
                "Utility;", "")));
        if (autostart) {
            files.add(new Written(home.configHome().resolve("autostart/cellshell.desktop"), entry("Application",
                    "CellShell", "CellShell as the desktop of this session", exec + " run --no-workbench",
                    "", "X-GNOME-Autostart-enabled=true\n")));
        }
        if (session) {
            Path script = home.dataHome().resolve("cellshell/cellshell-session");
            files.add(new Written(script, """
                    #!/bin/sh
                    # A CellShell session: a window manager, then CellShell as the desktop (written by cell install).
                    if command -v openbox >/dev/null 2>&1; then openbox --sm-disable & fi
                    exec %s run --no-workbench
                    """.formatted("'" + home.launcher().toAbsolutePath().normalize().toString().replace("'", "'\\''") + "'")));
            files.add(new Written(home.dataHome().resolve("xsessions/cellshell.desktop"), entry("Application",
                    "CellShell", "A desktop of live Java cells on top of openbox", quote(script.toString()), "",
                    "")));
        }
        List<Path> written = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("# written by cell install; cell uninstall removes these\n");
        for (Written file : files) {
            Files.createDirectories(file.path().getParent());
            Files.writeString(file.path(), file.content());
            if (file.path().getFileName().toString().equals("cellshell-session")) {
                Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            written.add(file.path());
            manifest.append(file.path()).append('\t').append(Integer.toHexString(file.content().hashCode()))
                    .append('\n');
        }
        Files.createDirectories(home.manifest().getParent());
        Files.writeString(home.manifest(), manifest);
        return written;
    }

    /**
     * Removes what {@link #install} wrote, as its manifest lists it; a listed file the user changed since stays.
     *
     * @return what was removed, then (prefixed "kept: ") what was left because it changed
     */
    public List<String> uninstall() throws IOException {
        List<String> done = new ArrayList<>();
        if (!Files.exists(home.manifest())) {
            return done;
        }
        for (String line : Files.readAllLines(home.manifest())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            Path file = Path.of(fields[0]);
            if (!Files.exists(file)) {
                continue;
            }
            if (fields.length > 1 && !Integer.toHexString(Files.readString(file).hashCode()).equals(fields[1])) {
                done.add("kept: " + file + " (changed since it was installed)");
                continue;
            }
            Files.delete(file);
            done.add(file.toString());
        }
        Files.delete(home.manifest());
        deleteIfEmpty(home.manifest().getParent());
        return done;
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }

    /** A freedesktop desktop entry (Desktop Entry Specification 1.4). */
    private static String entry(String type, String name, String comment, String exec, String categories,
            String extra) {
        return "[Desktop Entry]\n"
                + "Type=" + type + "\n"
                + "Version=1.4\n"
                + "Name=" + name + "\n"
                + "Comment=" + comment + "\n"
                + "Exec=" + exec + "\n"
                + "Icon=cellshell\n"
                + "Terminal=false\n"
                + (categories.isEmpty() ? "" : "Categories=" + categories + "\n")
                + extra;
    }

    /** A path as the Exec key wants it: quoted when it has characters the spec reserves. */
    static String quote(String path) {
        if (path.matches("[A-Za-z0-9_./+-]+")) {
            return path;
        }
        return "\"" + path.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"").replace("`", "\\\\`")
                .replace("$", "\\\\$") + "\"";
    }
}
