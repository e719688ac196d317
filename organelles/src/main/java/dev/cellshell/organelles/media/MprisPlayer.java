package dev.cellshell.organelles.media;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** The part of {@code org.mpris.MediaPlayer2.Player} the desktop calls. */
@DBusInterfaceName("org.mpris.MediaPlayer2.Player")
public interface MprisPlayer extends DBusInterface {

    void PlayPause();

    void Next();

    void Previous();
}
