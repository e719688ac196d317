package dev.cellshell.organelles.bus;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session and system buses, each connected once on first use (or never, with the reason kept). An address
 * given explicitly (tests: a private {@code dbus-daemon}) wins over the environment's.
 */
public final class Buses implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Buses.class);

    /** A bus, or why there is none. */
    public record Link(DBusConnection connection, String unavailable) {
    }

    private final String sessionAddress;
    private final String systemAddress;
    private Link session;
    private Link system;

    /**
     * @param sessionAddress the session bus (null: {@code DBUS_SESSION_BUS_ADDRESS})
     * @param systemAddress  the system bus (null: {@code DBUS_SYSTEM_BUS_ADDRESS}, else the standard socket)
     */
    public Buses(String sessionAddress, String systemAddress) {
        this.sessionAddress = sessionAddress;
        this.systemAddress = systemAddress;
    }

    /** The buses of this process's environment. */
    public static Buses ofEnvironment() {
        return new Buses(System.getenv("DBUS_SESSION_BUS_ADDRESS"), System.getenv("DBUS_SYSTEM_BUS_ADDRESS"));
    }

    public synchronized Link session() {
        if (session == null) {
            session = connect("session", sessionAddress);
        }
        return session;
    }

    public synchronized Link system() {
        if (system == null) {
            String address = systemAddress;
            if (address == null || address.isBlank()) {
                address = java.nio.file.Files.exists(java.nio.file.Path.of("/run/dbus/system_bus_socket"))
                        ? "unix:path=/run/dbus/system_bus_socket" : null;
            }
            system = connect("system", address);
        }
        return system;
    }

    private static Link connect(String which, String address) {
        if (address == null || address.isBlank()) {
            return new Link(null, "there is no " + which + " bus (DBUS_" + which.toUpperCase(java.util.Locale.ROOT)
                    + "_BUS_ADDRESS is not set)");
        }
        try {
            DBusConnection connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            LOG.info("connected to the {} bus as {}", which, connection.getUniqueName());
            return new Link(connection, "");
        } catch (DBusException | RuntimeException e) {
            LOG.info("no {} bus at {}: {}", which, address, e.toString());
            return new Link(null, "the " + which + " bus at " + address + " cannot be reached: " + e.getMessage());
        }
    }

    /**
     * Asks for {@code name} without taking it from its owner and without queueing for it.
     *
     * @return empty when the name is ours now, else who has it
     */
    public static String requestName(DBusConnection connection, String name) throws DBusException {
        DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        int reply = bus.RequestName(name, new UInt32(4 /* DO_NOT_QUEUE */)).intValue();
        if (reply == 1 || reply == 4) { // primary owner, already owner
            return "";
        }
        String owner;
        try {
            owner = bus.GetNameOwner(name);
        } catch (RuntimeException e) {
            owner = "another client";
        }
        return owner;
    }

    @Override
    public synchronized void close() {
        for (Link link : new Link[] {session, system}) {
            if (link != null && link.connection() != null) {
                link.connection().disconnect();
            }
        }
    }
}
