package dev.cellshell.organelles.notifications;

import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.Notification;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Every notification the desktop shows, whoever sent it (an application over D-Bus, a cell): ids, replacing,
 * expiry, closing with the spec's reasons, actions, do-not-disturb, unread count and a bounded history. Thread-safe;
 * what it tells ({@link Listener}, {@link #changes()}) is told outside its lock.
 */
public final class NotificationCenter {

    /** The reasons of {@code NotificationClosed}. */
    public static final int EXPIRED = 1, DISMISSED = 2, CLOSED_BY_CALL = 3, UNDEFINED = 4;
    public static final int HISTORY = 200;
    public static final long DEFAULT_EXPIRY_MILLIS = 6_000;
    static final int MAX_SUMMARY = 500, MAX_BODY = 5_000, MAX_ACTIONS = 10, MAX_LABEL = 100;

    /** What the applications are told. */
    public interface Listener {
        void closed(int id, int reason);

        void actionInvoked(int id, String actionKey);
    }

    private final ScheduledExecutorService timer;
    private final LongSupplier clock;
    private final Changes changes = new Changes("notifications");
    private final ArrayDeque<Notification> history = new ArrayDeque<>();
    private final java.util.Map<Integer, ScheduledFuture<?>> expiries = new java.util.HashMap<>();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<Integer> transients = new java.util.HashSet<>();
    private int nextId = 1;
    private int unread;
    /** Do-not-disturb until this time (epoch ms); 0 off, Long.MAX_VALUE until turned off. */
    private long quietUntil;

    /** @param clock epoch milliseconds (tests give their own) */
    public NotificationCenter(ScheduledExecutorService timer, LongSupplier clock) {
        this.timer = timer;
        this.clock = clock;
    }

    public Changes changes() {
        return changes;
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Shows a notification (or replaces {@code replacesId}'s, keeping its id, when it is still known).
     *
     * @param expireMillis -1: the desktop's default (critical ones never expire), 0: never, else after that long
     * @return its id
     */
    public int notify(String app, int replacesId, String summary, String body, List<Notification.Action> actions,
            int urgency, int expireMillis, boolean transientOnly) {
        Notification shown;
        synchronized (this) {
            int id = replacesId > 0 && find(replacesId) != null ? replacesId : nextId++;
            if (nextId <= 0) {
                nextId = 1; // 2^31 notifications later
            }
            remove(id);
            List<Notification.Action> kept = actions.size() > MAX_ACTIONS ? actions.subList(0, MAX_ACTIONS) : actions;
            kept = kept.stream().map(a -> new Notification.Action(cap(a.key(), MAX_LABEL), cap(a.label(), MAX_LABEL)))
                    .toList();
            int level = Math.max(0, Math.min(2, urgency));
            shown = new Notification(id, cap(app, MAX_LABEL), cap(summary, MAX_SUMMARY), cap(body, MAX_BODY), level,
                    kept, clock.getAsLong(), true);
            history.addFirst(shown);
            if (transientOnly) {
                transients.add(id);
            } else {
                transients.remove(id);
            }
            while (history.size() > HISTORY) {
                Notification dropped = history.removeLast();
                cancelExpiry(dropped.id());
            }
            unread = Math.min(HISTORY, unread + 1);
            long after = expireMillis < 0 ? (level == 2 ? 0 : DEFAULT_EXPIRY_MILLIS) : expireMillis;
            if (after > 0) {
                expiries.put(id, timer.schedule(() -> close(id, EXPIRED), after, TimeUnit.MILLISECONDS));
            }
        }
        changes.fire();
        return shown.id();
    }

    private static String cap(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    /** Closes the notification with {@code reason}; an unknown or closed one does nothing. */
    public void close(int id, int reason) {
        synchronized (this) {
            Notification open = find(id);
            if (open == null || !open.open()) {
                return;
            }
            if (transients.remove(id)) {
                history.remove(open); // a transient one is not kept
            } else {
                replace(open, new Notification(open.id(), open.app(), open.summary(), open.body(), open.urgency(),
                        open.actions(), open.timeMillis(), false));
            }
            cancelExpiry(id);
        }
        for (Listener listener : listeners) {
            listener.closed(id, reason);
        }
        changes.fire();
    }

    /** The person chose {@code actionKey} on notification {@code id}: the application is told, then it closes. */
    public void invoke(int id, String actionKey) {
        Notification open;
        synchronized (this) {
            open = find(id);
        }
        if (open == null || !open.open() || open.actions().stream().noneMatch(a -> a.key().equals(actionKey))) {
            throw new IllegalArgumentException("notification " + id + " has no open action '" + actionKey + "'");
        }
        for (Listener listener : listeners) {
            listener.actionInvoked(id, actionKey);
        }
        close(id, DISMISSED);
    }

    public synchronized List<Notification> showing() {
        boolean quiet = doNotDisturb();
        List<Notification> open = new ArrayList<>();
        for (Notification n : history) {
            if (n.open() && (!quiet || n.urgency() == 2)) {
                open.add(n);
            }
        }
        return open;
    }

    public synchronized List<Notification> history(int limit) {
        return history.stream().limit(Math.max(0, limit)).toList();
    }

    public synchronized Notification find(int id) {
        for (Notification n : history) {
            if (n.id() == id) {
                return n;
            }
        }
        return null;
    }

    public synchronized int unread() {
        return unread;
    }

    public void markRead() {
        synchronized (this) {
            if (unread == 0) {
                return;
            }
            unread = 0;
        }
        changes.fire();
    }

    /** Forgets every closed notification (open ones stay until they close). */
    public void clearHistory() {
        synchronized (this) {
            history.removeIf(n -> !n.open());
            unread = Math.min(unread, history.size());
        }
        changes.fire();
    }

    public synchronized boolean doNotDisturb() {
        return quietUntil != 0 && clock.getAsLong() < quietUntil;
    }

    /** @param minutes -1: until turned off, 0: off, else for that many minutes */
    public void setDoNotDisturb(int minutes) {
        if (minutes < -1) {
            throw new IllegalArgumentException("do-not-disturb for " + minutes + " minutes");
        }
        long until;
        synchronized (this) {
            until = minutes == 0 ? 0 : minutes < 0 ? Long.MAX_VALUE : clock.getAsLong() + minutes * 60_000L;
            quietUntil = until;
        }
        if (until != 0 && until != Long.MAX_VALUE) {
            timer.schedule(changes::fire, minutes * 60_000L + 10, TimeUnit.MILLISECONDS); // popups come back
        }
        changes.fire();
    }

    private void remove(int id) {
        for (Iterator<Notification> it = history.iterator(); it.hasNext();) {
            if (it.next().id() == id) {
                it.remove();
            }
        }
        cancelExpiry(id);
    }

    private void replace(Notification old, Notification now) {
        List<Notification> all = new ArrayList<>(history);
        all.set(all.indexOf(old), now);
        history.clear();
        history.addAll(all);
    }

    private void cancelExpiry(int id) {
        ScheduledFuture<?> expiry = expiries.remove(id);
        if (expiry != null) {
            expiry.cancel(false);
        }
    }
}
