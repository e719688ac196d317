package dev.cellshell.organelles.tray;

import java.util.List;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/** {@code org.kde.StatusNotifierWatcher}, which applications register their tray items with. */
@DBusInterfaceName("org.kde.StatusNotifierWatcher")
public interface StatusNotifierWatcher extends DBusInterface {

    String NAME = "org.kde.StatusNotifierWatcher";
    String PATH = "/StatusNotifierWatcher";

    void RegisterStatusNotifierItem(String service);

    void RegisterStatusNotifierHost(String service);

    class StatusNotifierItemRegistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemRegistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    class StatusNotifierItemUnregistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemUnregistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    class StatusNotifierHostRegistered extends DBusSignal {
        public StatusNotifierHostRegistered(String path) throws DBusException {
            super(path);
        }
    }

    /** The watcher's properties, as {@code GetAll} returns them. */
    static java.util.Map<String, org.freedesktop.dbus.types.Variant<?>> properties(List<String> items) {
        return java.util.Map.of("RegisteredStatusNotifierItems", new org.freedesktop.dbus.types.Variant<>(items, "as"),
                "IsStatusNotifierHostRegistered", new org.freedesktop.dbus.types.Variant<>(true),
                "ProtocolVersion", new org.freedesktop.dbus.types.Variant<>(0));
    }
}
