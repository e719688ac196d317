package dev.cellshell.shell.organelles;

import dev.cellshell.widgets.App;
import dev.cellshell.widgets.AppWindow;
import dev.cellshell.widgets.MediaPlayer;
import dev.cellshell.widgets.NetworkStatus;
import dev.cellshell.widgets.Notification;
import dev.cellshell.widgets.Picture;
import dev.cellshell.widgets.PowerStatus;
import dev.cellshell.widgets.Service;
import dev.cellshell.widgets.TrayItem;
import dev.cellshell.widgets.TrayMenuItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of the organelles as one cell sees them: answers from what the organelles last knew (never a wait on
 * the system), requests checked at once (an unknown app, window or player is refused with why) and then sent from
 * the organelles' own thread; every request is logged with the cell that made it. Lists are capped so that a cell
 * never asks for more than crosses to its host.
 */
final class OrganelleServices {

    private static final Logger LOG = LoggerFactory.getLogger(OrganelleServices.class);
    static final int MAX_LIST = 500;
    static final long MAX_ICON_BYTES = 2L * 1024 * 1024;

    private OrganelleServices() {
    }

    static Service forCell(Organelles o, String cellId, Class<?> type, Organelles.Pictures pictures) {
        if (type == dev.cellshell.widgets.Notifications.class) {
            return notifications(o, cellId);
        } else if (type == dev.cellshell.widgets.Apps.class) {
            return apps(o, cellId, pictures);
        } else if (type == dev.cellshell.widgets.Windows.class) {
            return windows(o, cellId, pictures);
        } else if (type == dev.cellshell.widgets.Power.class) {
            return (dev.cellshell.widgets.Power) o.power::status;
        } else if (type == dev.cellshell.widgets.Network.class) {
            return (dev.cellshell.widgets.Network) o.network::status;
        } else if (type == dev.cellshell.widgets.Media.class) {
            return media(o, cellId, pictures);
        } else if (type == dev.cellshell.widgets.Tray.class) {
            return tray(o, cellId, pictures);
        }
        throw new IllegalStateException("no organelle serves " + type.getName());
    }

    private static int limit(int limit) {
        return Math.max(0, Math.min(MAX_LIST, limit));
    }

    /** A picture of the file {@code file} (PNG, JPEG or SVG), or null when it is missing, too large or unreadable. */
    static Picture picture(Organelles.Pictures pictures, String name, Path file) {
        if (file == null) {
            return null;
        }
        try {
            if (Files.size(file) > MAX_ICON_BYTES) {
                return null;
            }
            return pictures.ofFile(name, file);
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("{} ({}) is not a picture: {}", name, file, e.toString());
            return null;
        }
    }

    private static dev.cellshell.widgets.Notifications notifications(Organelles o, String cellId) {
        var center = o.notifications;
        return new dev.cellshell.widgets.Notifications() {
            @Override
            public int unread() {
                return center.unread();
            }

            @Override
            public String latest() {
                List<Notification> newest = center.history(1);
                return newest.isEmpty() ? "" : newest.get(0).app() + ": " + newest.get(0).summary();
            }

            @Override
            public void markRead() {
                center.markRead();
            }

            @Override
            public List<Notification> showing() {
                return center.showing();
            }

            @Override
            public List<Notification> history(int limit) {
                return center.history(limit(limit));
            }

            @Override
            public void dismiss(int id) {
                center.close(id, dev.cellshell.organelles.notifications.NotificationCenter.DISMISSED);
            }

            @Override
            public void invoke(int id, String actionKey) {
                LOG.info("cell '{}' invokes '{}' of notification {}", cellId, actionKey, id);
                center.invoke(id, actionKey);
            }

            @Override
            public void clearHistory() {
                center.clearHistory();
            }

            @Override
            public boolean doNotDisturb() {
                return center.doNotDisturb();
            }

            @Override
            public void setDoNotDisturb(int minutes) {
                LOG.info("cell '{}' sets do-not-disturb: {}", cellId, minutes == 0 ? "off" : minutes < 0
                        ? "on until turned off" : "on for " + minutes + " minutes");
                center.setDoNotDisturb(minutes);
            }

            @Override
            public String unavailable() {
                return o.status().get("Notifications");
            }
        };
    }

    private static dev.cellshell.widgets.Apps apps(Organelles o, String cellId, Organelles.Pictures pictures) {
        var catalog = o.apps;
        return new dev.cellshell.widgets.Apps() {
            @Override
            public String unavailable() {
                return catalog.unavailable();
            }

            @Override
            public List<App> all() {
                List<App> all = catalog.all();
                return all.size() <= MAX_LIST ? all : all.subList(0, MAX_LIST);
            }

            @Override
            public List<App> search(String query, int limit) {
                return catalog.search(query == null ? "" : query.length() > 200 ? query.substring(0, 200) : query,
                        limit(limit));
            }

            @Override
            public List<App> recent(int limit) {
                return catalog.recent(limit(limit));
            }

            @Override
            public List<App> frequent(int limit) {
                return catalog.frequent(limit(limit));
            }

            @Override
            public Picture icon(String appId, int size) {
                return picture(pictures, "app " + appId, catalog.icon(appId, Math.max(8, Math.min(512, size)))
                        .orElse(null));
            }

            @Override
            public void launch(String appId) {
                if (catalog.entry(String.valueOf(appId)).filter(e -> e.type().equals("Application")).isEmpty()) {
                    throw new IllegalArgumentException("there is no application '" + appId + "'");
                }
                LOG.info("cell '{}' starts the application {}", cellId, appId);
                o.later(() -> catalog.launch(appId));
            }
        };
    }

    private static dev.cellshell.widgets.Windows windows(Organelles o, String cellId, Organelles.Pictures pictures) {
        return new dev.cellshell.widgets.Windows() {
            @Override
            public String unavailable() {
                return o.windows.desk.unavailable();
            }

            @Override
            public List<AppWindow> list() {
                return o.windows.desk.list();
            }

            private void known(String windowId) {
                if (o.windows.desk.list().stream().noneMatch(w -> w.id().equals(windowId))) {
                    throw new IllegalArgumentException("there is no window " + windowId);
                }
            }

            @Override
            public void activate(String windowId) {
                known(windowId);
                o.later(() -> o.windows.desk.activate(windowId));
            }

            @Override
            public void close(String windowId) {
                known(windowId);
                LOG.info("cell '{}' closes the window {}", cellId, windowId);
                o.later(() -> o.windows.desk.close(windowId));
            }

            @Override
            public void moveToWorkspace(String windowId, int index) {
                known(windowId);
                o.later(() -> o.windows.desk.moveToWorkspace(windowId, index));
            }

            @Override
            public Picture icon(String windowId, int size) {
                known(windowId);
                byte[] png = o.windows.desk.iconPng(windowId, Math.max(8, Math.min(512, size)));
                return png == null ? null : pictures.of("window " + windowId, png);
            }
        };
    }

    private static dev.cellshell.widgets.Media media(Organelles o, String cellId, Organelles.Pictures pictures) {
        return new dev.cellshell.widgets.Media() {
            @Override
            public String unavailable() {
                return o.media.unavailable();
            }

            @Override
            public List<MediaPlayer> players() {
                return o.media.players();
            }

            @Override
            public void playPause(String playerId) {
                o.media.control(playerId, "playPause");
            }

            @Override
            public void next(String playerId) {
                o.media.control(playerId, "next");
            }

            @Override
            public void previous(String playerId) {
                o.media.control(playerId, "previous");
            }

            @Override
            public Picture artwork(String playerId) {
                return picture(pictures, "artwork of " + playerId, o.media.artwork(playerId));
            }
        };
    }

    private static dev.cellshell.widgets.Tray tray(Organelles o, String cellId, Organelles.Pictures pictures) {
        return new dev.cellshell.widgets.Tray() {
            @Override
            public String unavailable() {
                return o.tray.unavailable();
            }

            @Override
            public List<TrayItem> items() {
                return o.tray.items();
            }

            @Override
            public Picture icon(String itemId, int size) {
                Object icon = o.tray.icon(itemId, Math.max(8, Math.min(512, size)));
                if (icon instanceof byte[] png) {
                    return pictures.of("tray " + itemId, png);
                }
                return icon instanceof Path file ? picture(pictures, "tray " + itemId, file) : null;
            }

            @Override
            public void activate(String itemId, int x, int y) {
                o.tray.activate(itemId, x, y, false);
            }

            @Override
            public void secondaryActivate(String itemId, int x, int y) {
                o.tray.activate(itemId, x, y, true);
            }

            @Override
            public List<TrayMenuItem> menu(String itemId) {
                return o.tray.menu(itemId);
            }

            @Override
            public void clickMenu(String itemId, int entryId) {
                LOG.info("cell '{}' clicks entry {} of the tray menu of {}", cellId, entryId, itemId);
                o.tray.clickMenu(itemId, entryId);
            }
        };
    }


}
