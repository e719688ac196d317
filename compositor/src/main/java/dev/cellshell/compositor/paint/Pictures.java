package dev.cellshell.compositor.paint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pictures display lists draw by key ({@code drawPicture}), as the shell sent them: encoded bytes, at most
 * {@value #MAX_BYTES} bytes in all, the least recently drawn leaving first. Filled by the scene reader, read by the
 * painters (each decodes what it draws and keeps a few decoded). Thread-safe.
 */
public final class Pictures {

    static final long MAX_BYTES = 128L * 1024 * 1024;
    private static final Map<Long, byte[]> ENCODED = new LinkedHashMap<>(16, 0.75f, true);
    private static long bytes;

    private Pictures() {
    }

    /** Keeps {@code encoded} as the picture {@code key}. */
    public static synchronized void put(long key, byte[] encoded) {
        byte[] old = ENCODED.put(key, encoded);
        bytes += encoded.length - (old == null ? 0 : old.length);
        var it = ENCODED.entrySet().iterator();
        while (bytes > MAX_BYTES && it.hasNext()) {
            var eldest = it.next();
            if (eldest.getKey() == key) {
                continue;
            }
            bytes -= eldest.getValue().length;
            it.remove();
        }
    }

    /** The encoded picture {@code key}, or {@code null} when it never came (the shell sends it before it is drawn). */
    static synchronized byte[] get(long key) {
        return ENCODED.get(key);
    }
}
