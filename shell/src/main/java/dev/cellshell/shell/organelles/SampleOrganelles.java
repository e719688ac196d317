package dev.cellshell.shell.organelles;

import dev.cellshell.organelles.Changes;
import dev.cellshell.organelles.apps.AppCatalog;
import dev.cellshell.organelles.apps.IconTheme;
import dev.cellshell.organelles.media.MediaSource;
import dev.cellshell.organelles.network.NetworkSource;
import dev.cellshell.organelles.notifications.NotificationCenter;
import dev.cellshell.organelles.power.PowerSource;
import dev.cellshell.organelles.tray.TrayDesk;
import dev.cellshell.organelles.windows.WindowDesk;
import dev.cellshell.widgets.AppWindow;
import dev.cellshell.widgets.MediaPlayer;
import dev.cellshell.widgets.NetworkStatus;
import dev.cellshell.widgets.Notification;
import dev.cellshell.widgets.PowerStatus;
import dev.cellshell.widgets.TrayItem;
import dev.cellshell.widgets.TrayMenuItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The organelles' test implementations: fixed, believable data that never reads the machine (golden images of the
 * cells that use them, screenshots, `CELLSHELL_ORGANELLES=sample`), and the empty ones of a desktop without them. The
 * sample ones answer requests as the real ones would (activating a window makes it active, play/pause toggles).
 */
final class SampleOrganelles {

    /** When the sample notifications came: 2026-11-29 10:04:30 UTC, five minutes before the tests' frozen clock. */
    static final long NOW = 1795946670000L;

    private SampleOrganelles() {
    }

    private static final String[][] APPS = {
        {"org.mozilla.firefox", "Firefox", "Web Browser", "Browse the World Wide Web", "Network;WebBrowser;", "#e66000"},
        {"org.gnome.Calculator", "Calculator", "Calculator", "Perform arithmetic calculations", "Utility;", "#3584e4"},
        {"org.gnome.Nautilus", "Files", "File Manager", "Access and organise files", "System;FileManager;", "#62a0ea"},
        {"xterm", "XTerm", "Terminal", "standard terminal emulator for the X Window System", "System;TerminalEmulator;",
            "#333333"},
        {"org.gnome.TextEditor", "Text Editor", "Text Editor", "Edit text files", "Utility;TextEditor;", "#26a269"},
        {"thunderbird", "Thunderbird", "Mail Client", "Send and receive mail", "Network;Email;", "#0a84ff"},
        {"org.gnome.Settings", "Settings", "Settings", "Change the system's settings", "Settings;", "#77767b"},
        {"vlc", "VLC media player", "Media player", "Read, capture, broadcast your multimedia streams",
            "AudioVideo;Player;", "#f5a623"},
    };

    /** The eight sample applications, written under the workspace (with an SVG icon each) and read like real ones. */
    static AppCatalog apps(Path workspaceRoot) {
        Path root = workspaceRoot.resolve(".sample-apps");
        try {
            for (String[] app : APPS) {
                Path entry = root.resolve("applications").resolve(app[0] + ".desktop");
                Files.createDirectories(entry.getParent());
                Files.writeString(entry, "[Desktop Entry]\nType=Application\nName=" + app[1] + "\nGenericName="
                        + app[2] + "\nComment=" + app[3] + "\nCategories=" + app[4] + "\nIcon=" + app[0]
                        + "\nExec=true\n");
                Path icon = root.resolve("icons/hicolor/scalable/apps").resolve(app[0] + ".svg");
                Files.createDirectories(icon.getParent());
                Files.writeString(icon, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"48\" "
                        + "viewBox=\"0 0 48 48\"><rect x=\"4\" y=\"4\" width=\"40\" height=\"40\" rx=\"10\" fill=\""
                        + app[5] + "\"/><circle cx=\"24\" cy=\"24\" r=\"10\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
                        + "</svg>\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("the sample applications cannot be written: " + e.getMessage(), e);
        }
        return new AppCatalog(List.of(root.resolve("applications")), Locale.ROOT,
                new IconTheme("hicolor", List.of(root.resolve("icons")), List.of()), (argv, dir) -> { }, null);
    }

    static void notify(NotificationCenter center) {
        center.notify("Thunderbird", 0, "New mail from Ada Lovelace", "Re: the analytical engine — notes attached",
                List.of(new Notification.Action("default", "Open"), new Notification.Action("archive", "Archive")), 1,
                0, false);
        center.notify("Updates", 0, "3 updates are ready", "Restart to finish installing them", List.of(), 0, 0,
                false);
    }

    static class Windows implements WindowDesk {
        private final Changes changes = new Changes("windows");
        private volatile List<AppWindow> windows = List.of(
                new AppWindow("0x1200007", "notes.md — Text Editor", "org.gnome.TextEditor", 0, true, false),
                new AppWindow("0x1400003", "Mozilla Firefox", "firefox", 0, false, false),
                new AppWindow("0x1600009", "user@box: ~/src/cellshell", "XTerm", 1, false, false));

        @Override
        public String unavailable() {
            return "";
        }

        @Override
        public List<AppWindow> list() {
            return windows;
        }

        private void change(String id, java.util.function.UnaryOperator<AppWindow> how, boolean others) {
            if (windows.stream().noneMatch(w -> w.id().equals(id))) {
                throw new IllegalArgumentException("there is no window " + id);
            }
            List<AppWindow> next = new ArrayList<>();
            for (AppWindow w : windows) {
                next.add(w.id().equals(id) ? how.apply(w) : others ? new AppWindow(w.id(), w.title(), w.appClass(),
                        w.workspace(), false, w.minimized()) : w);
            }
            windows = List.copyOf(next);
            changes.fire();
        }

        @Override
        public void activate(String id) {
            change(id, w -> new AppWindow(w.id(), w.title(), w.appClass(), w.workspace(), true, false), true);
        }

        @Override
        public void close(String id) {
            change(id, w -> w, false);
            windows = windows.stream().filter(w -> !w.id().equals(id)).toList();
            changes.fire();
        }

        @Override
        public void moveToWorkspace(String id, int index) {
            change(id, w -> new AppWindow(w.id(), w.title(), w.appClass(), index, w.active(), w.minimized()), false);
        }

        @Override
        public byte[] iconPng(String id, int size) {
            return null;
        }

        @Override
        public Changes changes() {
            return changes;
        }

        @Override
        public void close() {
        }
    }

    static final class NoWindows extends Windows {
        private final String why;

        NoWindows(String why) {
            this.why = why;
        }

        @Override
        public String unavailable() {
            return why;
        }

        @Override
        public List<AppWindow> list() {
            return List.of();
        }

        @Override
        public void activate(String id) {
            throw new IllegalStateException(why);
        }

        @Override
        public void close(String id) {
            throw new IllegalStateException(why);
        }

        @Override
        public void moveToWorkspace(String id, int index) {
            throw new IllegalStateException(why);
        }
    }

    static class Power implements PowerSource {
        private final Changes changes = new Changes("power");

        @Override
        public PowerStatus status() {
            return new PowerStatus("", true, true, 76, "discharging", 2 * 3600 + 10 * 60, 0);
        }

        @Override
        public Changes changes() {
            return changes;
        }

        @Override
        public void close() {
        }
    }

    static final class NoPower extends Power {
        @Override
        public PowerStatus status() {
            return PowerStatus.unavailable("no power service here");
        }
    }

    static class Network implements NetworkSource {
        private final Changes changes = new Changes("network");

        @Override
        public NetworkStatus status() {
            return new NetworkStatus("", "full", "Home Wi-Fi", "wifi", 68);
        }

        @Override
        public Changes changes() {
            return changes;
        }

        @Override
        public void close() {
        }
    }

    static final class NoNetwork extends Network {
        @Override
        public NetworkStatus status() {
            return NetworkStatus.unavailable("no network service here");
        }
    }

    static class Media implements MediaSource {
        private final Changes changes = new Changes("media");
        private volatile String status = "Playing";

        @Override
        public String unavailable() {
            return "";
        }

        @Override
        public List<MediaPlayer> players() {
            return List.of(new MediaPlayer("sample", "Music", status, "So What", "Miles Davis", "Kind of Blue",
                    95_000_000L, 545_000_000L, true));
        }

        @Override
        public void control(String playerId, String command) {
            if (!playerId.equals("sample")) {
                throw new IllegalArgumentException("there is no player '" + playerId + "'");
            }
            if (command.equals("playPause")) {
                status = status.equals("Playing") ? "Paused" : "Playing";
                changes.fire();
            }
        }

        @Override
        public Path artwork(String playerId) {
            return null;
        }

        @Override
        public Changes changes() {
            return changes;
        }

        @Override
        public void close() {
        }
    }

    static final class NoMedia extends Media {
        @Override
        public String unavailable() {
            return "no session bus here";
        }

        @Override
        public List<MediaPlayer> players() {
            return List.of();
        }
    }

    static class Tray implements TrayDesk {
        private final Changes changes = new Changes("tray");

        @Override
        public String unavailable() {
            return "";
        }

        @Override
        public List<TrayItem> items() {
            return List.of(new TrayItem("org.example.chat/StatusNotifierItem", "Chat", "Chat: 3 unread",
                    "NeedsAttention", true), new TrayItem("org.example.sync/StatusNotifierItem", "Sync",
                    "Everything is up to date", "Active", true));
        }

        @Override
        public Object icon(String itemId, int size) {
            int rgb = itemId.contains("chat") ? 0xFF3584E4 : 0xFF26A269;
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 32,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int dx = x - 16;
                    int dy = y - 16;
                    image.setRGB(x, y, dx * dx + dy * dy <= 196 ? rgb : 0);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(image, "png", out);
            } catch (IOException e) {
                return null;
            }
            return out.toByteArray();
        }

        @Override
        public void activate(String itemId, int x, int y, boolean secondary) {
        }

        @Override
        public List<TrayMenuItem> menu(String itemId) {
            return List.of(new TrayMenuItem(1, "Open", false, true, "", false),
                    new TrayMenuItem(2, "", true, true, "", false),
                    new TrayMenuItem(3, "Quit", false, true, "", false));
        }

        @Override
        public void clickMenu(String itemId, int entryId) {
        }

        @Override
        public Changes changes() {
            return changes;
        }

        @Override
        public void close() {
        }
    }

    static final class NoTray extends Tray {
        @Override
        public String unavailable() {
            return "no session bus here";
        }

        @Override
        public List<TrayItem> items() {
            return List.of();
        }
    }
}
