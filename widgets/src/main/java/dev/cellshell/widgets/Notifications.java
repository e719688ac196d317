package dev.cellshell.widgets;

import java.util.List;

/**
 * What the person is told: notifications from applications (CellShell is the freedesktop notification server on
 * the session bus) and notices from cells ({@link Notifier}), for popups, a history and an indicator. A cell that
 * uses it is drawn again whenever one arrives, closes or is read, or do-not-disturb changes.
 */
public interface Notifications extends Service {

    /** Notifications not read yet (of the last 200 kept). */
    int unread();

    /** The newest, "app: summary"; empty when there is none. */
    String latest();

    /** Marks every notification read. */
    void markRead();

    /**
     * The notifications to show as popups now, newest first: not yet expired, closed or dismissed; while
     * do-not-disturb is on only the critical ones.
     */
    List<Notification> showing();

    /** The last {@code limit} notifications, newest first, closed ones too. */
    List<Notification> history(int limit);

    /** Closes the notification as the person dismissing it (the application is told). */
    void dismiss(int id);

    /** Invokes one of the notification's actions by its key (the application is told), then closes it. */
    void invoke(int id, String actionKey);

    /** Forgets the history. */
    void clearHistory();

    /** Whether do-not-disturb is on: popups held back except critical ones; they still go to the history. */
    boolean doNotDisturb();

    /** Turns do-not-disturb on for {@code minutes} (-1: until turned off) or off (0). */
    void setDoNotDisturb(int minutes);

    /** Why applications cannot reach the server (no session bus, another server has the name); empty when they can. */
    String unavailable();
}
