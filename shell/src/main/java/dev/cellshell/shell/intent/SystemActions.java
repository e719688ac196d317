package dev.cellshell.shell.intent;

/**
 * What plain language can do to the system around the desktop, through the organelles: start an application, turn
 * do-not-disturb on or off, control the media player, switch workspace; and what the engine needs to know to plan
 * it. Each call returns at once (the organelles carry it out on their own threads).
 */
public interface SystemActions {

    /** What the engine knows of the system now. */
    Desktop.System now();

    /** @throws IllegalArgumentException when the application cannot be started */
    void launch(String appId);

    void doNotDisturb(int minutes);

    /**
     * @return what was done, e.g. "Paused So What (Music)"
     * @throws IllegalArgumentException when there is no player, or it cannot be controlled
     */
    String media(String command);

    /** @throws IllegalArgumentException when there is no such workspace */
    void switchWorkspace(int index);

    /** A desktop without a system: every action refused with why. */
    SystemActions NONE = new SystemActions() {
        @Override
        public Desktop.System now() {
            return Desktop.System.NONE;
        }

        @Override
        public void launch(String appId) {
            throw new IllegalArgumentException("applications cannot be started here");
        }

        @Override
        public void doNotDisturb(int minutes) {
            throw new IllegalArgumentException("there are no notifications here");
        }

        @Override
        public String media(String command) {
            throw new IllegalArgumentException("there is no media player");
        }

        @Override
        public void switchWorkspace(int index) {
            throw new IllegalArgumentException("the window manager has no workspaces");
        }
    };
}
