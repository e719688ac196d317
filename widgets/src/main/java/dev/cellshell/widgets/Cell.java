package dev.cellshell.widgets;

/**
 * A live widget. Its source lives in the workspace and can be swapped while it runs; the tissue calls it on one
 * thread only, so a cell needs no locking.
 *
 * <p>Fields annotated {@link State} are carried into the next generation when the cell's source is swapped;
 * everything else starts from its declaration. Props are owned by the tissue and survive every swap.
 */
public interface Cell {

    /** Draws the cell into {@code canvas}, whose origin is the cell's top-left corner. */
    void render(Canvas canvas, CellContext context);

    /** Handles input aimed at this cell; returns {@code true} when the cell must be drawn again. */
    default boolean onEvent(InputEvent event, CellContext context) {
        return false;
    }

    /**
     * A message to every cell ({@code theme}, {@code zone}, …); returns {@code true} when the cell must be drawn
     * again. After a theme change every cell is drawn again anyway.
     */
    default boolean onBroadcast(String topic, String value, CellContext context) {
        return false;
    }

    /** Called on the new generation after its {@link State} fields were carried over from {@code previous}. */
    default void onReload(PreviousState previous) {
    }

    /** Called once when the cell leaves the tissue or is replaced by a new generation. */
    default void close() {
    }
}
