package dev.cellshell.shell.organelles;

import dev.cellshell.shell.intent.Desktop;
import dev.cellshell.shell.intent.SystemActions;
import dev.cellshell.widgets.MediaPlayer;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/** What plain language does to the system, through the organelles and the window manager's workspaces. */
public final class OrganelleActions implements SystemActions {

    private final Organelles organelles;
    private final IntSupplier workspaces;
    private final IntConsumer switchTo;

    /** @param workspaces how many workspaces the window manager has now; {@code switchTo} shows one */
    public OrganelleActions(Organelles organelles, IntSupplier workspaces, IntConsumer switchTo) {
        this.organelles = organelles;
        this.workspaces = workspaces;
        this.switchTo = switchTo;
    }

    @Override
    public Desktop.System now() {
        return new Desktop.System(organelles.apps().all(), workspaces.getAsInt(), Map.of());
    }

    @Override
    public void launch(String appId) {
        if (organelles.apps().entry(appId).isEmpty()) {
            throw new IllegalArgumentException("there is no application '" + appId + "'");
        }
        organelles.later(() -> organelles.apps().launch(appId));
    }

    @Override
    public void doNotDisturb(int minutes) {
        organelles.notifications().setDoNotDisturb(minutes);
    }

    @Override
    public String media(String command) {
        List<MediaPlayer> players = organelles.media().players();
        if (players.isEmpty()) {
            String why = organelles.media().unavailable();
            throw new IllegalArgumentException("no media player is running" + (why.isEmpty() ? "" : " (" + why + ")"));
        }
        MediaPlayer player = players.get(0);
        String what = player.title().isEmpty() ? player.identity() : player.title() + " (" + player.identity() + ")";
        boolean playing = player.status().equals("Playing");
        switch (command) {
            case "pause" -> {
                if (!playing) {
                    return "Nothing is playing: " + what + " is " + player.status().toLowerCase(java.util.Locale.ROOT);
                }
                organelles.media().control(player.id(), "playPause");
                return "Paused " + what;
            }
            case "play" -> {
                if (playing) {
                    return what + " is already playing";
                }
                organelles.media().control(player.id(), "playPause");
                return "Playing " + what;
            }
            case "next" -> {
                organelles.media().control(player.id(), "next");
                return "Skipped to the next track on " + player.identity();
            }
            case "previous" -> {
                organelles.media().control(player.id(), "previous");
                return "Back to the previous track on " + player.identity();
            }
            default -> throw new IllegalArgumentException("no media command '" + command + "'");
        }
    }

    @Override
    public void switchWorkspace(int index) {
        int count = workspaces.getAsInt();
        if (count == 0) {
            throw new IllegalArgumentException("the window manager has no workspaces (or there is none)");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("there are " + count + " workspaces; there is no workspace "
                    + (index + 1));
        }
        switchTo.accept(index);
    }
}
