package dev.cellshell.host;

import dev.cellshell.widgets.Clipboard;
import dev.cellshell.widgets.Images;
import dev.cellshell.widgets.Notifier;
import dev.cellshell.widgets.Service;
import dev.cellshell.widgets.Spawner;
import dev.cellshell.widgets.Storage;
import dev.cellshell.widgets.SystemStats;
import dev.cellshell.widgets.Uses;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The services a cell sees inside a host: proxies that forward each call to the shell, which owns the real ones
 * (storage files, the tissue's spawn, notifications) and checks the cell's {@link Uses} again on its side.
 */
public final class HostServices {

    /** The services a cell may declare. */
    public static final Set<Class<? extends Service>> KNOWN = Set.of(Storage.class, SystemStats.class,
            Spawner.class, Notifier.class, Clipboard.class, Images.class, dev.cellshell.widgets.Workspaces.class,
            dev.cellshell.widgets.Notifications.class, dev.cellshell.widgets.Pty.class,
            dev.cellshell.widgets.Apps.class, dev.cellshell.widgets.Windows.class, dev.cellshell.widgets.Power.class,
            dev.cellshell.widgets.Network.class, dev.cellshell.widgets.Media.class, dev.cellshell.widgets.Tray.class);

    /** How a service call reaches the shell and comes back. */
    public interface Channel {
        /**
         * @return the service's answer (a {@link dev.cellshell.ipc.HostValues} value)
         * @throws IllegalArgumentException with the shell's reason when the service refused
         */
        Object call(String cellId, String service, String method, List<Object> args);
    }

    private final Channel channel;

    HostServices(Channel channel) {
        this.channel = channel;
    }

    /** @throws IllegalStateException when the cell's class does not declare {@code type} in its {@link Uses} */
    <T extends Service> T forCell(String cellId, Class<?> cellClass, Class<T> type) {
        Uses uses = cellClass.getAnnotation(Uses.class);
        if (uses == null || Arrays.stream(uses.value()).noneMatch(type::equals)) {
            throw new IllegalStateException("cell '" + cellId + "' asked for " + type.getSimpleName()
                    + " without declaring it: add @Uses(" + type.getSimpleName() + ".class) to its class");
        }
        if (!KNOWN.contains(type)) {
            throw new IllegalStateException("no service " + type.getName());
        }
        return type.cast(Proxy.newProxyInstance(Service.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> invoke(cellId, type, method, args)));
    }

    private Object invoke(String cellId, Class<?> type, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" -> type.getSimpleName() + " of cell '" + cellId + "'";
                case "hashCode" -> System.identityHashCode(this);
                default -> false;
            };
        }
        List<Object> arguments = args == null ? List.of() : Arrays.asList(args);
        Object result = channel.call(cellId, type.getSimpleName(), method.getName(), arguments);
        Class<?> returns = method.getReturnType();
        if (returns == void.class) {
            return null;
        }
        if (returns == dev.cellshell.widgets.Picture.class && result instanceof java.util.Map<?, ?> picture) {
            return new dev.cellshell.widgets.Picture(String.valueOf(picture.get("name")),
                    Long.parseLong(String.valueOf(picture.get("key"))),
                    Integer.parseInt(String.valueOf(picture.get("width"))),
                    Integer.parseInt(String.valueOf(picture.get("height"))));
        }
        if (returns == dev.cellshell.widgets.TerminalScreen.class && result instanceof int[] screen) {
            return dev.cellshell.runtime.TerminalScreens.decode(screen);
        }
        if (dev.cellshell.runtime.ServiceValues.crossesAsBytes(returns) && result instanceof byte[] bytes) {
            return dev.cellshell.runtime.ServiceValues.decode(bytes, method.getGenericReturnType());
        }
        if (result == null && returns.isPrimitive()) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + method.getName() + " answered nothing");
        }
        return result;
    }
}
