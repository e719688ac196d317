package dev.cellshell.widgets;

import java.util.List;

/**
 * The media players on the session bus (MPRIS): what is playing, and play/pause, next, previous. A cell that uses
 * it is drawn again whenever a player appears, goes, or changes track or status (not for the position moving: a
 * cell showing it asks for ticks while something plays).
 */
public interface Media extends Service {

    /** Why there are no players (no session bus); empty when the service works (there may still be none). */
    String unavailable();

    /** The players, the one playing (else the one that played last) first. */
    List<MediaPlayer> players();

    void playPause(String playerId);

    void next(String playerId);

    void previous(String playerId);

    /** The current track's artwork (a local file the player names); {@code null} when there is none. */
    Picture artwork(String playerId);
}
