package dev.cellshell.organelles.media;

import dev.cellshell.organelles.bus.BusReader;
import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.widgets.MediaPlayer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;

/**
 * The MPRIS players on the session bus: every {@code org.mpris.MediaPlayer2.*} name, its identity, playback status,
 * metadata (title, artists, album, length, art URL), position and whether it can be controlled; read again when a
 * player's properties change or a player comes or goes. The position is the one read plus the time since while
 * playing (players do not signal it).
 */
public final class MprisReader extends BusReader implements MediaSource {

    static final String PREFIX = "org.mpris.MediaPlayer2.";
    static final String PATH = "/org/mpris/MediaPlayer2";

    private record Read(MediaPlayer player, long readNanos, String busName, String artUrl) {
    }

    private volatile String unavailable = "not read yet";
    private volatile List<Read> players = List.of();
    private final Map<String, Long> lastPlaying = new ConcurrentHashMap<>();

    public MprisReader() {
        super("media");
    }

    public void start(Buses buses) {
        start(buses.session(), PATH, name -> name.startsWith(PREFIX));
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    @Override
    public List<MediaPlayer> players() {
        long now = System.nanoTime();
        List<MediaPlayer> list = new ArrayList<>();
        for (Read read : players) {
            MediaPlayer p = read.player();
            long position = p.positionMicros();
            if (p.status().equals("Playing")) {
                position += (now - read.readNanos()) / 1000;
                if (p.lengthMicros() > 0) {
                    position = Math.min(position, p.lengthMicros());
                }
            }
            list.add(new MediaPlayer(p.id(), p.identity(), p.status(), p.title(), p.artist(), p.album(), position,
                    p.lengthMicros(), p.canControl()));
        }
        return list;
    }

    @Override
    public void control(String playerId, String command) {
        Read read = players.stream().filter(r -> r.player().id().equals(playerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no player '" + playerId + "'"));
        if (!read.player().canControl()) {
            throw new IllegalArgumentException(read.player().identity() + " cannot be controlled");
        }
        later(() -> {
            try {
                MprisPlayer player = connection.getRemoteObject(read.busName(), PATH, MprisPlayer.class);
                switch (command) {
                    case "playPause" -> player.PlayPause();
                    case "next" -> player.Next();
                    case "previous" -> player.Previous();
                    default -> throw new IllegalArgumentException(command);
                }
            } catch (DBusException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public Path artwork(String playerId) {
        for (Read read : players) {
            if (read.player().id().equals(playerId) && read.artUrl().startsWith("file:")) {
                try {
                    Path file = Path.of(URI.create(read.artUrl()));
                    return Files.isRegularFile(file) ? file : null;
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    protected boolean read() {
        String[] names;
        try {
            names = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class)
                    .ListNames();
        } catch (DBusException e) {
            return whenFailed(e.getMessage());
        }
        List<Read> read = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith(PREFIX) || read.size() >= 16) {
                continue;
            }
            try {
                Map<String, Object> root = properties(name, PATH, "org.mpris.MediaPlayer2");
                Map<String, Object> player = properties(name, PATH, "org.mpris.MediaPlayer2.Player");
                Map<?, ?> meta = player.get("Metadata") instanceof Map<?, ?> m ? m : Map.of();
                String status = text(player.get("PlaybackStatus"));
                String id = name.substring(PREFIX.length());
                if (status.equals("Playing")) {
                    lastPlaying.put(id, System.nanoTime());
                }
                read.add(new Read(new MediaPlayer(id, text(root.get("Identity")).isEmpty() ? id
                        : text(root.get("Identity")), status.isEmpty() ? "Stopped" : status, meta(meta, "xesam:title"),
                        meta(meta, "xesam:artist"), meta(meta, "xesam:album"), number(player.get("Position")),
                        numberOf(meta, "mpris:length"), !Boolean.FALSE.equals(player.get("CanControl"))),
                        System.nanoTime(), name, meta(meta, "mpris:artUrl")));
            } catch (RuntimeException e) {
                // a player that went away while it was read
            }
        }
        read.sort(Comparator.comparing((Read r) -> !r.player().status().equals("Playing"))
                .thenComparing(r -> -lastPlaying.getOrDefault(r.player().id(), 0L)).thenComparing(r -> r.player().id()));
        boolean changed = !unavailable.isEmpty() || !stripped(read).equals(stripped(players));
        unavailable = "";
        players = List.copyOf(read);
        return changed;
    }

    /** What a redraw depends on: not the position, which moves by itself. */
    private static List<MediaPlayer> stripped(List<Read> reads) {
        return reads.stream().map(r -> new MediaPlayer(r.player().id(), r.player().identity(), r.player().status(),
                r.player().title(), r.player().artist(), r.player().album(), 0, r.player().lengthMicros(),
                r.player().canControl())).toList();
    }

    private static String meta(Map<?, ?> meta, String key) {
        Object value = meta.get(key);
        if (value instanceof org.freedesktop.dbus.types.Variant<?> v) {
            value = v.getValue();
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Object[] array) {
            return String.join(", ", java.util.Arrays.stream(array).map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }

    private static long numberOf(Map<?, ?> meta, String key) {
        Object value = meta.get(key);
        if (value instanceof org.freedesktop.dbus.types.Variant<?> v) {
            value = v.getValue();
        }
        return number(value);
    }

    @Override
    protected boolean whenFailed(String why) {
        boolean changed = !why.equals(unavailable);
        unavailable = why;
        players = List.of();
        return changed;
    }

    @Override
    protected void unavailable(String why) {
        unavailable = why;
    }
}
