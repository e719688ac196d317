package dev.cellshell.widgets;

/**
 * A media player and its current track.
 *
 * @param id             its bus name's last part (e.g. "vlc")
 * @param identity       its own name for itself ("VLC media player")
 * @param status         "Playing", "Paused" or "Stopped"
 * @param title          the track's title; empty when unknown
 * @param artist         its artists, joined by ", "; empty when unknown
 * @param album          its album; empty when unknown
 * @param positionMicros where it is in the track, as last told (plus the time since, while playing)
 * @param lengthMicros   the track's length; 0 when unknown
 * @param canControl     whether the player takes play/pause/next/previous
 */
public record MediaPlayer(String id, String identity, String status, String title, String artist, String album,
        long positionMicros, long lengthMicros, boolean canControl) {
}
