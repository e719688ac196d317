package dev.cellshell.organelles.bus;

import dev.cellshell.organelles.Changes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a read-only organelle over D-Bus shares: a thread of its own that reads the service's properties at start
 * and again after the service's {@code PropertiesChanged} or its name changing owner (a burst read once), so that
 * callers only ever take the last value read, and never wait for the bus.
 */
public abstract class BusReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusReader.class);

    private final String what;
    private final Changes changes;
    private final ExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final java.util.List<AutoCloseable> handlers = new java.util.ArrayList<>();
    protected volatile DBusConnection connection;

    protected BusReader(String what) {
        this.what = what;
        this.changes = new Changes(what);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, what + "-bus");
            t.setDaemon(true);
            return t;
        });
    }

    public final Changes changes() {
        return changes;
    }

    /**
     * Starts reading from {@code link}'s bus; {@code pathPrefix} and {@code names} say whose signals mean a new read.
     */
    protected final void start(Buses.Link link, String pathPrefix, java.util.function.Predicate<String> names) {
        if (link.connection() == null) {
            unavailable(link.unavailable());
            return;
        }
        connection = link.connection();
        try {
            handlers.add(connection.addSigHandler(Properties.PropertiesChanged.class, signal -> {
                if (signal.getPath().startsWith(pathPrefix)) {
                    readSoon();
                }
            }));
            handlers.add(connection.addSigHandler(DBus.NameOwnerChanged.class, signal -> {
                if (names.test(signal.name)) {
                    readSoon();
                }
            }));
        } catch (DBusException e) {
            LOG.warn("{}: changes will not be heard ({})", what, e.toString());
        }
        readSoon();
    }

    /** Reads again on the reader's thread, once for any number of asks while one is waiting. */
    public final void readSoon() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                try {
                    if (read()) {
                        changes.fire();
                    }
                } catch (RuntimeException e) {
                    LOG.debug("{} not read: {}", what, e.toString());
                    if (whenFailed(e.getMessage())) {
                        changes.fire();
                    }
                }
            });
        }
    }

    /** Runs {@code call} on the reader's thread (a request the caller does not wait for). */
    protected final void later(Runnable call) {
        thread.execute(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: a request failed: {}", what, e.toString());
            }
        });
    }

    /** Reads the service. @return whether what is known changed */
    protected abstract boolean read();

    /** The service could not be read. @return whether what is known changed */
    protected abstract boolean whenFailed(String why);

    /** There is no bus at all. */
    protected abstract void unavailable(String why);

    /** Every property of {@code iface} on {@code path} of {@code name}, unwrapped. */
    protected final Map<String, Object> properties(String name, String path, String iface) {
        try {
            Properties properties = connection.getRemoteObject(name, path, Properties.class);
            Map<String, Object> values = new HashMap<>();
            for (Map.Entry<String, Variant<?>> e : properties.GetAll(iface).entrySet()) {
                values.put(e.getKey(), e.getValue().getValue());
            }
            return values;
        } catch (DBusException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Whether {@code name} has an owner on the bus. */
    protected final boolean hasOwner(String name) {
        try {
            return connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class)
                    .NameHasOwner(name);
        } catch (DBusException e) {
            return false;
        }
    }

    protected static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    protected static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public void close() {
        for (AutoCloseable handler : handlers) {
            try {
                handler.close();
            } catch (Exception e) {
                // closing
            }
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
