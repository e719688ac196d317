package dev.cellshell.ipc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values that may cross between a cell host and the shell: {@code null}, the eight boxed primitives,
 * {@code String}, {@code byte[]}, {@code int[]} and {@code Map<String, String>}. Everything is checked all the way
 * down before it is written, so a cell cannot smuggle an object of its own (or a JDK object that holds one).
 */
public final class HostValues {

    /** The longest string a value may hold (1 Mi chars), and the most entries a map may hold. */
    public static final int MAX_STRING = 1 << 20;
    public static final int MAX_ENTRIES = 4096;

    private HostValues() {
    }

    /** Whether {@code value} may cross, checked all the way down (exact JDK classes only, sizes capped). */
    public static boolean isValue(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Float || value instanceof Short
                || value instanceof Byte || value instanceof Character) {
            return true;
        }
        if (value instanceof String s) {
            return s.length() <= MAX_STRING;
        }
        if (value instanceof byte[] || value instanceof int[]) {
            return true;
        }
        if (value instanceof Map<?, ?> map && value.getClass().getClassLoader() == null) {
            if (map.size() > MAX_ENTRIES) {
                return false;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k) || k.length() > MAX_STRING
                        || !(e.getValue() instanceof String v) || v.length() > MAX_STRING) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static void write(WireOut out, Object value) {
        if (!isValue(value)) {
            throw new IllegalArgumentException("not a value that may leave a cell host: "
                    + value.getClass().getName());
        }
        if (value == null) {
            out.u8(0);
        } else if (value instanceof Boolean b) {
            out.u8(1).bool(b);
        } else if (value instanceof Integer i) {
            out.u8(2).i32(i);
        } else if (value instanceof Long l) {
            out.u8(3).i64(l);
        } else if (value instanceof Double d) {
            out.u8(4).i64(Double.doubleToRawLongBits(d));
        } else if (value instanceof Float f) {
            out.u8(5).f32(f);
        } else if (value instanceof Short s) {
            out.u8(6).i32(s);
        } else if (value instanceof Byte b) {
            out.u8(7).u8(b);
        } else if (value instanceof Character c) {
            out.u8(8).i32(c);
        } else if (value instanceof String s) {
            out.u8(9).str(s);
        } else if (value instanceof byte[] bytes) {
            out.u8(10).bytes(bytes);
        } else if (value instanceof int[] ints) {
            out.u8(11).i32(ints.length);
            for (int i : ints) {
                out.i32(i);
            }
        } else {
            Map<?, ?> map = (Map<?, ?>) value;
            out.u8(12).i32(map.size());
            map.forEach((k, v) -> out.str((String) k).str((String) v));
        }
    }

    static Object read(WireIn in) throws ProtocolException {
        int tag = in.u8();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.bool();
            case 2 -> in.i32();
            case 3 -> in.i64();
            case 4 -> Double.longBitsToDouble(in.i64());
            case 5 -> in.f32();
            case 6 -> (short) in.i32();
            case 7 -> (byte) in.u8();
            case 8 -> (char) in.i32();
            case 9 -> in.str();
            case 10 -> in.bytes();
            case 11 -> {
                int[] ints = new int[in.count(4)];
                for (int i = 0; i < ints.length; i++) {
                    ints[i] = in.i32();
                }
                yield ints;
            }
            case 12 -> {
                int n = in.count(8);
                if (n > MAX_ENTRIES) {
                    throw new ProtocolException("a map of " + n + " entries (at most " + MAX_ENTRIES + ")");
                }
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(in.str(), in.str());
                }
                yield map;
            }
            default -> throw new ProtocolException("unknown value tag " + tag);
        };
    }
}
