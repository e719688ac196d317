package dev.cellshell.widgets;

/**
 * Something the desktop does for a cell that the sandbox does not let cell code do itself. A cell declares the
 * services it uses with {@link Uses}; {@link CellContext#service} hands out only those.
 */
public interface Service {
}
