package dev.cellshell.widgets;

/** Asks the tissue for a new cell, as {@code cell spawn TYPE --at ANCHOR} would (audited as done by this cell). */
public interface Spawner extends Service {

    /**
     * @param type a cell type of the workspace, e.g. {@code "Clock"}
     * @param anchor {@code top-left} … {@code bottom-right}, or {@code center}
     */
    void spawn(String type, String anchor);
}
