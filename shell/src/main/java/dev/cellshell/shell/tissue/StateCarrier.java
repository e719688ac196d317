package dev.cellshell.shell.tissue;

import dev.cellshell.widgets.Cell;
import dev.cellshell.widgets.PreviousState;
import dev.cellshell.widgets.State;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries {@link State} fields from an old cell instance to its replacement: by name, when the new field's type
 * accepts the value. Only JDK values cross (their classes come from the boot or platform loader), so nothing keeps
 * the old generation's loader alive.
 */
final class StateCarrier {

    private static final Logger LOG = LoggerFactory.getLogger(StateCarrier.class);

    private StateCarrier() {
    }

    /** Reads the {@link State} fields of {@code cell}, JDK values only. */
    static Map<String, Object> read(Cell cell) {
        Map<String, Object> values = new HashMap<>();
        for (Field field : stateFields(cell.getClass())) {
            try {
                Object value = field.get(cell);
                if (value == null || isJdkValue(value)) {
                    values.put(field.getName(), value);
                } else {
                    LOG.warn("{}.{} holds a {} (not a JDK type): not carried across swaps",
                            cell.getClass().getName(), field.getName(), value.getClass().getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("state field " + field + " is not readable", e);
            }
        }
        return values;
    }

    /** Writes every carried value {@code fresh} has a compatible {@link State} field for; returns what was offered. */
    static PreviousState carry(Map<String, Object> previous, long previousGeneration, Cell fresh) {
        for (Field field : stateFields(fresh.getClass())) {
            if (!previous.containsKey(field.getName())) {
                continue;
            }
            Object value = previous.get(field.getName());
            if (!accepts(field.getType(), value)) {
                LOG.warn("{}.{}: type changed to {}, state reset", fresh.getClass().getName(), field.getName(),
                        field.getType().getName());
                continue;
            }
            try {
                field.set(fresh, value);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                LOG.warn("{}.{}: could not carry state: {}", fresh.getClass().getName(), field.getName(), e.toString());
            }
        }
        Map<String, Object> nonNull = new HashMap<>();
        previous.forEach((k, v) -> {
            if (v != null) {
                nonNull.put(k, v);
            }
        });
        return new PreviousState(previousGeneration, nonNull);
    }

    private static Iterable<Field> stateFields(Class<?> type) {
        java.util.List<Field> fields = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(State.class) && !Modifier.isStatic(field.getModifiers())
                        && !Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static boolean isJdkValue(Object value) {
        ClassLoader loader = value.getClass().getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static boolean accepts(Class<?> type, Object value) {
        if (value == null) {
            return !type.isPrimitive();
        }
        if (type.isPrimitive()) {
            return BOXES.get(type) == value.getClass();
        }
        return type.isInstance(value);
    }

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class, char.class, Character.class, byte.class, Byte.class, short.class,
            Short.class);
}
