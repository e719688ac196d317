package dev.cellshell.runtime;

import dev.cellshell.widgets.Canvas;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;

/** A canvas that writes each call as {@code name[args]} into a list, for asserting what was drawn. */
final class LoggingCanvas {

    private LoggingCanvas() {
    }

    static Canvas into(List<String> calls) {
        return (Canvas) Proxy.newProxyInstance(Canvas.class.getClassLoader(), new Class<?>[] {Canvas.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.toString(args == null ? new Object[0] : args));
                    return null;
                });
    }
}
