package dev.cellshell.organelles;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The listeners an organelle tells when what it knows changed (on whichever thread learnt it). */
public final class Changes {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final String what;

    public Changes(String what) {
        this.what = what;
    }

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void fire() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Changes.class).warn("a listener of {} failed: {}", what,
                        e.toString());
            }
        }
    }
}
