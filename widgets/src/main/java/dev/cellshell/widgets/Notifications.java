package dev.cellshell.widgets;

/**
 * What the desktop's cells told the person ({@link Notifier}), for an indicator: how many are unread, the newest, and
 * marking them read. A cell that uses it is drawn again whenever a notice arrives or they are read.
 */
public interface Notifications extends Service {

    /** Notices not read yet (at most the last 100 are kept). */
    int unread();

    /** The newest notice, "cell id: text"; empty when there is none. */
    String latest();

    /** Marks every notice read. */
    void markRead();
}
