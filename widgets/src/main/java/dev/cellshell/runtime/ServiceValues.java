package dev.cellshell.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * How a service's answer that is a record of the Cell API (or a list of them) crosses from the shell to a cell host:
 * bytes written from the record's components in order, read back against the method's declared return type. Only
 * records of {@code dev.cellshell.widgets} are made on the way back, through their canonical constructors (which
 * check their own arguments); components may be text, {@code int}, {@code long}, {@code double}, {@code boolean},
 * lists and such records. Anything else, a wrong tag, too deep a nesting or too many elements is refused with
 * {@link IllegalArgumentException} naming where.
 */
public final class ServiceValues {

    static final int MAX_ELEMENTS = 10_000;
    static final int MAX_DEPTH = 6;
    static final int MAX_TEXT_BYTES = 4 << 20;
    private static final String API = "dev.cellshell.widgets";
    private static final int NULL = 0, TEXT = 1, INT = 2, LONG = 3, DOUBLE = 4, BOOL = 5, LIST = 6, RECORD = 7;

    private ServiceValues() {
    }

    /** Whether values of {@code type} cross as these bytes (a record of the API or a list). */
    public static boolean crossesAsBytes(Class<?> type) {
        return type == List.class || (type.isRecord() && type.getPackageName().equals(API)
                && type != dev.cellshell.widgets.Picture.class && type != dev.cellshell.widgets.TerminalScreen.class);
    }

    public static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value, 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(TEXT);
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOL);
            out.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            if (list.size() > MAX_ELEMENTS) {
                throw new IllegalArgumentException("a list of " + list.size() + " (at most " + MAX_ELEMENTS + ")");
            }
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                write(out, element, depth + 1);
            }
        } else if (value instanceof Record record && record.getClass().getPackageName().equals(API)) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            out.writeByte(RECORD);
            out.writeInt(components.length);
            for (RecordComponent component : components) {
                try {
                    write(out, component.getAccessor().invoke(record), depth + 1);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            throw new IllegalArgumentException(value.getClass().getName() + " does not cross to a cell host");
        }
    }

    /** Reads what {@link #encode} wrote as a value of {@code type} (a method's generic return type). */
    public static Object decode(byte[] bytes, Type type) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            Object value = read(in, type, 0, "answer");
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes after the answer");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer ends early (" + e + ")", e);
        }
    }

    private static Object read(DataInputStream in, Type type, int depth, String where) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(where + ": nested deeper than " + MAX_DEPTH);
        }
        int tag = in.readUnsignedByte();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (tag == NULL) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException(where + ": nothing where a " + raw + " belongs");
            }
            return null;
        }
        int expected = raw == String.class ? TEXT : raw == int.class || raw == Integer.class ? INT
                : raw == long.class || raw == Long.class ? LONG : raw == double.class || raw == Double.class ? DOUBLE
                : raw == boolean.class || raw == Boolean.class ? BOOL : raw == List.class ? LIST
                : raw.isRecord() && raw.getPackageName().equals(API) ? RECORD : -1;
        if (expected < 0) {
            throw new IllegalArgumentException(where + ": " + raw.getName() + " does not cross to a cell host");
        }
        if (tag != expected) {
            throw new IllegalArgumentException(where + ": tag " + tag + " where " + raw.getSimpleName()
                    + " belongs");
        }
        switch (tag) {
            case TEXT: {
                int length = in.readInt();
                if (length < 0 || length > MAX_TEXT_BYTES) {
                    throw new IllegalArgumentException(where + ": text of " + length + " bytes");
                }
                return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
            }
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOL:
                return in.readBoolean();
            case LIST: {
                int size = in.readInt();
                if (size < 0 || size > MAX_ELEMENTS) {
                    throw new IllegalArgumentException(where + ": a list of " + size);
                }
                if (!(type instanceof ParameterizedType p)) {
                    throw new IllegalArgumentException(where + ": a list without its element type");
                }
                Type element = p.getActualTypeArguments()[0];
                List<Object> list = new ArrayList<>(Math.min(size, 256));
                for (int i = 0; i < size; i++) {
                    list.add(read(in, element, depth + 1, where + "[" + i + "]"));
                }
                return java.util.Collections.unmodifiableList(list);
            }
            default: {
                RecordComponent[] components = raw.getRecordComponents();
                int count = in.readInt();
                if (count != components.length) {
                    throw new IllegalArgumentException(where + ": " + count + " components for "
                            + raw.getSimpleName() + ", which has " + components.length);
                }
                Object[] values = new Object[count];
                Class<?>[] types = new Class<?>[count];
                for (int i = 0; i < count; i++) {
                    types[i] = components[i].getType();
                    values[i] = read(in, components[i].getGenericType(), depth + 1,
                            where + "." + components[i].getName());
                }
                try {
                    Constructor<?> constructor = raw.getDeclaredConstructor(types);
                    return constructor.newInstance(values);
                } catch (InvocationTargetException e) {
                    throw new IllegalArgumentException(where + ": " + e.getCause().getMessage(), e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
