package dev.cellshell.widgets;

import java.util.List;

/**
 * One notification: from an application over D-Bus ({@code org.freedesktop.Notifications}) or from a cell.
 *
 * @param id        its id (what the application's {@code replaces_id} names)
 * @param app       the application's name, or "cell &lt;id&gt;" for a cell's notice
 * @param summary   its one-line summary
 * @param body      its body as plain text (the markup the spec allows taken out: bold, italic, links, images)
 * @param urgency   0 low, 1 normal, 2 critical
 * @param actions   what the person may do about it, in the application's order (a "default" one is a click)
 * @param timeMillis when it arrived (epoch milliseconds)
 * @param open      whether it is still open (not expired, closed or dismissed)
 */
public record Notification(int id, String app, String summary, String body, int urgency, List<Action> actions,
        long timeMillis, boolean open) {

    public Notification {
        actions = List.copyOf(actions);
    }

    /** An action: the key the application gets back and the label shown. */
    public record Action(String key, String label) {
    }
}
