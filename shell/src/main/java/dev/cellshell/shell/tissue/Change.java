package dev.cellshell.shell.tissue;

/**
 * What a tissue operation (spawn, rm, set, move, theme, arrange, reshape) did, or why it did nothing.
 *
 * @param sceneVersion the scene that shows the change, -1 when none was published
 */
public record Change(boolean done, String cellId, String message, long sceneVersion) {

    public Change(boolean done, String cellId, String message) {
        this(done, cellId, message, -1);
    }
}
