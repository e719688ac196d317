package dev.cellshell.organelles.notifications;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** {@code org.freedesktop.Notifications} 1.2, as the Desktop Notifications Specification defines it. */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface FdoNotifications extends DBusInterface {

    String PATH = "/org/freedesktop/Notifications";
    String NAME = "org.freedesktop.Notifications";

    List<String> GetCapabilities();

    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

    void CloseNotification(UInt32 id);

    ServerInformation<String, String, String, String> GetServerInformation();

    /** Several out-arguments: a generic tuple (a plain one does not export). */
    final class ServerInformation<A, B, C, D> extends Tuple {
        @Position(0)
        public final A name;
        @Position(1)
        public final B vendor;
        @Position(2)
        public final C version;
        @Position(3)
        public final D specVersion;

        public ServerInformation(A name, B vendor, C version, D specVersion) {
            this.name = name;
            this.vendor = vendor;
            this.version = version;
            this.specVersion = specVersion;
        }
    }

    class NotificationClosed extends DBusSignal {
        public final UInt32 id;
        public final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }
    }

    class ActionInvoked extends DBusSignal {
        public final UInt32 id;
        public final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }
    }
}
