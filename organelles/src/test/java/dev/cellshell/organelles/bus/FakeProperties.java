package dev.cellshell.organelles.bus;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * A small D-Bus object for tests that stands in for a system service (UPower, NetworkManager, a media player): its
 * properties per interface, served through {@code org.freedesktop.DBus.Properties}, and {@code PropertiesChanged}
 * sent when a test changes them, as the real services do.
 */
public class FakeProperties implements Properties {

    private final String path;
    private final Map<String, Map<String, Variant<?>>> interfaces = new ConcurrentHashMap<>();
    private DBusConnection connection;

    public FakeProperties(String path) {
        this.path = path;
    }

    /** Exports it on {@code connection} (which owns the service's name). */
    public FakeProperties exportOn(DBusConnection connection) throws DBusException {
        this.connection = connection;
        connection.exportObject(path, this);
        return this;
    }

    public FakeProperties put(String iface, String name, Variant<?> value) {
        interfaces.computeIfAbsent(iface, i -> new ConcurrentHashMap<>()).put(name, value);
        return this;
    }

    /** Changes a property and signals it. */
    public void change(String iface, String name, Variant<?> value) throws DBusException {
        put(iface, name, value);
        connection.sendMessage(new PropertiesChanged(path, iface, Map.of(name, value), java.util.List.of()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String iface, String name) {
        return (A) interfaces.getOrDefault(iface, Map.of()).get(name).getValue();
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        return new HashMap<>(interfaces.getOrDefault(iface, Map.of()));
    }

    @Override
    public String getObjectPath() {
        return path;
    }
}
