package dev.cellshell.organelles.tray;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** {@code com.canonical.dbusmenu}: the menus of tray items. */
@DBusInterfaceName("com.canonical.dbusmenu")
public interface DbusMenu extends DBusInterface {

    Layout<UInt32, Node> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

    void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

    /** GetLayout's two out-arguments. */
    final class Layout<A, B> extends Tuple {
        @Position(0)
        public final A revision;
        @Position(1)
        public final B root;

        public Layout(A revision, B root) {
            this.revision = revision;
            this.root = root;
        }
    }

    /** A menu node {@code (ia{sv}av)}: its id, properties and children (each a variant holding a node). */
    final class Node extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;
        @Position(2)
        public final List<Variant<?>> children;

        public Node(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }
    }

    class LayoutUpdated extends DBusSignal {
        public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
            super(path, revision, parent);
        }
    }
}
