package dev.cellshell.host;

import dev.cellshell.widgets.Cell;
import dev.cellshell.widgets.PreviousState;
import dev.cellshell.widgets.State;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries {@link State} fields from an old cell instance to its replacement, by name. A value is carried when the
 * new field's type accepts it, including primitive widening and boxing ({@code int} → {@code long}, {@code int} →
 * {@code Integer} → {@code double}); a field whose type changed incompatibly starts from its declaration, with a
 * note; a field that disappeared is dropped, with a note; a new field starts from its declaration. Only JDK values
 * cross (classes from the boot or platform loader), so nothing keeps the old generation's loader alive. Static
 * fields are never carried: a new generation is a new class.
 */
public final class StateCarrier {

    /** One carried value and the type it was declared with, by name (no {@code Class} of the old generation). */
    public record Value(String declaredType, Object value) {
    }

    /** What a carry did: the notes say what was reset or dropped, for the person who made the change. */
    public record Report(PreviousState previous, List<String> notes) {
    }

    private StateCarrier() {
    }

    /** Reads the {@link State} fields of {@code cell}; fields holding non-JDK objects are left out with a note. */
    public static Map<String, Value> read(Cell cell, List<String> notes) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Field field : stateFields(cell.getClass())) {
            Object value;
            try {
                value = field.get(cell);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("state field " + field + " is not readable", e);
            }
            if (value == null || isJdkValue(value)) {
                values.put(field.getName(), new Value(field.getType().getTypeName(), value));
            } else {
                notes.add("state field " + field.getName() + " holds a " + value.getClass().getName()
                        + " that is not made of JDK values all the way down (or is too deep or large): not carried");
            }
        }
        return values;
    }

    /** Writes what {@code fresh} can accept of {@code previous} into it. */
    public static Report carry(Map<String, Value> previous, long previousGeneration, Cell fresh) {
        List<String> notes = new ArrayList<>();
        Map<String, Object> offered = new HashMap<>();
        List<String> present = new ArrayList<>();
        for (Field field : stateFields(fresh.getClass())) {
            present.add(field.getName());
            Value old = previous.get(field.getName());
            if (old == null) {
                continue;
            }
            if (old.value() != null) {
                offered.put(field.getName(), old.value());
            }
            Object converted = convert(old.value(), field.getType());
            if (converted == INCOMPATIBLE) {
                notes.add("state field " + field.getName() + " reset: its type changed from " + old.declaredType()
                        + " to " + field.getType().getTypeName());
                continue;
            }
            try {
                field.set(fresh, converted);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                notes.add("state field " + field.getName() + " reset: " + e.getMessage());
            }
        }
        previous.forEach((name, value) -> {
            if (!present.contains(name)) {
                offered.putIfAbsent(name, value.value());
                notes.add("state field " + name + " dropped: the new code has no @State field of that name");
            }
        });
        offered.values().removeIf(java.util.Objects::isNull);
        return new Report(new PreviousState(previousGeneration, offered), notes);
    }

    private static final Object INCOMPATIBLE = new Object();

    /** The value as {@code type} accepts it, or {@link #INCOMPATIBLE}. */
    private static Object convert(Object value, Class<?> type) {
        if (value == null) {
            return type.isPrimitive() ? INCOMPATIBLE : null;
        }
        if (!type.isPrimitive() && type.isInstance(value)) {
            return value;
        }
        Numeric from = Numeric.of(value.getClass());
        Numeric to = Numeric.of(type);
        if (from == null || to == null) {
            return INCOMPATIBLE;
        }
        if (from == to) {
            return value;
        }
        if (!from.widensTo(to)) {
            return INCOMPATIBLE;
        }
        double asDouble = from == Numeric.CHAR ? (Character) value : ((Number) value).doubleValue();
        long asLong = from == Numeric.CHAR ? (Character) value : ((Number) value).longValue();
        return switch (to) {
            case SHORT -> (short) asLong;
            case INT -> (int) asLong;
            case LONG -> asLong;
            case FLOAT -> from == Numeric.LONG ? (float) asLong : (float) asDouble;
            case DOUBLE -> from == Numeric.LONG ? (double) asLong : asDouble;
            default -> INCOMPATIBLE;
        };
    }

    /** Java's primitive widening conversions (JLS 5.1.2), for primitives and their boxes alike. */
    private enum Numeric {
        BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE;

        static Numeric of(Class<?> type) {
            if (type == byte.class || type == Byte.class) {
                return BYTE;
            }
            if (type == short.class || type == Short.class) {
                return SHORT;
            }
            if (type == char.class || type == Character.class) {
                return CHAR;
            }
            if (type == int.class || type == Integer.class) {
                return INT;
            }
            if (type == long.class || type == Long.class) {
                return LONG;
            }
            if (type == float.class || type == Float.class) {
                return FLOAT;
            }
            if (type == double.class || type == Double.class) {
                return DOUBLE;
            }
            return null;
        }

        boolean widensTo(Numeric target) {
            return switch (this) {
                case BYTE -> target != CHAR && target.ordinal() > ordinal();
                case SHORT, CHAR -> target.ordinal() >= INT.ordinal();
                default -> target.ordinal() > ordinal();
            };
        }
    }

    private static List<Field> stateFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
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

    /**
     * Whether {@code value} is made of JDK objects only, all the way down through collections, maps, arrays and
     * optionals (a JDK list holding a cell's object would keep the old generation's loader alive). Deep or huge
     * structures are not carried.
     */
    static boolean isJdkValue(Object value) {
        return isJdkValue(value, 0, new int[] {0});
    }

    private static final int MAX_DEPTH = 8;
    private static final int MAX_ELEMENTS = 100_000;

    private static boolean isJdkValue(Object value, int depth, int[] seen) {
        if (value == null) {
            return true;
        }
        if (depth > MAX_DEPTH || ++seen[0] > MAX_ELEMENTS) {
            return false;
        }
        Class<?> type = value.getClass();
        ClassLoader loader = type.getClassLoader();
        if (loader != null && loader != ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        if (type.isArray()) {
            if (type.getComponentType().isPrimitive()) {
                return true;
            }
            for (Object element : (Object[]) value) {
                if (!isJdkValue(element, depth + 1, seen)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof java.util.Collection<?> collection) {
            for (Object element : collection) {
                if (!isJdkValue(element, depth + 1, seen)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!isJdkValue(e.getKey(), depth + 1, seen) || !isJdkValue(e.getValue(), depth + 1, seen)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof java.util.Optional<?> optional) {
            return isJdkValue(optional.orElse(null), depth + 1, seen);
        }
        // Other JDK types that could hold a cell's object (a lambda's captured values, a Map.Entry, an atomic
        // reference) are not carried; plain JDK values (numbers, strings, times) are.
        return !(value instanceof java.util.concurrent.atomic.AtomicReference<?>)
                && !(value instanceof Map.Entry<?, ?>) && !type.isSynthetic() && !type.isHidden();
    }
}
