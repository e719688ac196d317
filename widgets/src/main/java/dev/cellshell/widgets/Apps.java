package dev.cellshell.widgets;

import java.util.List;

/**
 * The applications installed on the machine (XDG desktop entries: the system's and the person's own), and starting
 * them. A cell may start only an installed application by its id, never a command line. A cell that uses it is drawn
 * again when the entries change or an application is started.
 */
public interface Apps extends Service {

    /** Why there are no applications (e.g. no applications folder); empty when the service works. */
    String unavailable();

    /** Every application the menus show (entries marked hidden or not to display left out), sorted by name. */
    List<App> all();

    /**
     * The applications matching {@code query} (words in any order, any case), best first: the name's start, a word
     * of the name, the generic name, keywords, then the description; at most {@code limit}. An empty query gives
     * the most frequently started first.
     */
    List<App> search(String query, int limit);

    /** The applications started through the desktop, most recent first. */
    List<App> recent(int limit);

    /** The applications started through the desktop, most often first. */
    List<App> frequent(int limit);

    /** The application's icon from the icon theme at about {@code size} pixels; {@code null} when it has none. */
    Picture icon(String appId, int size);

    /**
     * Starts the application in a session of its own, detached from the desktop (it outlives it), with the
     * desktop's environment minus what is the desktop's own.
     *
     * @throws IllegalArgumentException when there is no such application
     */
    void launch(String appId);
}
