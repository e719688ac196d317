package dev.cellshell.organelles.media;

import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.MediaPlayer;
import java.nio.file.Path;
import java.util.List;

/** The media players, as an organelle: MPRIS on the session bus, or fixed ones for tests. */
public interface MediaSource extends AutoCloseable {

    String unavailable();

    List<MediaPlayer> players();

    /** Sends play/pause, next or previous to the player without waiting. */
    void control(String playerId, String command);

    /** The local file of the player's current artwork, or null. */
    Path artwork(String playerId);

    Changes changes();

    @Override
    void close();
}
