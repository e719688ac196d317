package dev.cellshell.organelles.notifications;

import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.widgets.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CellShell as the session's notification server: exports {@link FdoNotifications} on the bus, takes the name when
 * nobody has it (never from another server: then it says who has it and the desktop goes on without), turns calls
 * into the {@link NotificationCenter}'s notifications and its closings and actions into the spec's signals.
 */
public final class NotificationServer implements FdoNotifications, NotificationCenter.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationServer.class);
    static final List<String> CAPABILITIES = List.of("actions", "body", "body-markup", "body-hyperlinks",
            "body-images", "persistence");

    private final NotificationCenter center;
    private volatile DBusConnection connection;
    private volatile String unavailable = "not started";

    public NotificationServer(NotificationCenter center) {
        this.center = center;
        center.listen(this);
    }

    /** Exports the server on the session bus of {@code buses} and asks for the name. */
    public void start(Buses buses) {
        Buses.Link session = buses.session();
        if (session.connection() == null) {
            unavailable = session.unavailable();
            LOG.info("notification server: {}", unavailable);
            return;
        }
        try {
            DBusConnection bus = session.connection();
            bus.exportObject(PATH, this);
            String owner = Buses.requestName(bus, NAME);
            if (!owner.isEmpty()) {
                unavailable = "another notification server (" + owner + ") has " + NAME
                        + ": applications' notifications go to it";
                LOG.warn("{}", unavailable);
                bus.unExportObject(PATH);
                return;
            }
            connection = bus;
            unavailable = "";
            LOG.info("the notification server is {} on the session bus", NAME);
        } catch (DBusException | RuntimeException e) {
            unavailable = "the notification server could not start: " + e.getMessage();
            LOG.warn("{}", unavailable);
        }
    }

    /** Why applications cannot reach us; empty when they can. */
    public String unavailable() {
        return unavailable;
    }

    @Override
    public List<String> GetCapabilities() {
        return CAPABILITIES;
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        List<Notification.Action> pairs = new ArrayList<>();
        for (int i = 0; actions != null && i + 1 < actions.size(); i += 2) {
            pairs.add(new Notification.Action(actions.get(i), actions.get(i + 1)));
        }
        int urgency = 1;
        boolean transientOnly = false;
        if (hints != null) {
            Object level = hints.containsKey("urgency") ? hints.get("urgency").getValue() : null;
            if (level instanceof Number n) {
                urgency = n.intValue();
            }
            Object t = hints.containsKey("transient") ? hints.get("transient").getValue() : null;
            transientOnly = Boolean.TRUE.equals(t) || (t instanceof Number n && n.intValue() != 0);
        }
        int id = center.notify(appName == null || appName.isBlank() ? "an application" : appName,
                replacesId == null ? 0 : replacesId.intValue(), summary, BodyMarkup.toPlain(body), pairs, urgency,
                expireTimeout, transientOnly);
        return new UInt32(id);
    }

    @Override
    public void CloseNotification(UInt32 id) {
        center.close(id.intValue(), NotificationCenter.CLOSED_BY_CALL);
    }

    @Override
    public ServerInformation<String, String, String, String> GetServerInformation() {
        return new ServerInformation<>("CellShell", "cellshell.dev", "0.1", "1.2");
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void closed(int id, int reason) {
        send(() -> new NotificationClosed(PATH, new UInt32(id), new UInt32(reason)));
    }

    @Override
    public void actionInvoked(int id, String actionKey) {
        send(() -> new ActionInvoked(PATH, new UInt32(id), actionKey));
    }

    private interface SignalMaker {
        org.freedesktop.dbus.messages.DBusSignal make() throws DBusException;
    }

    private void send(SignalMaker signal) {
        DBusConnection bus = connection;
        if (bus == null) {
            return;
        }
        try {
            bus.sendMessage(signal.make());
        } catch (DBusException | RuntimeException e) {
            LOG.warn("a notification signal was not sent: {}", e.toString());
        }
    }
}
