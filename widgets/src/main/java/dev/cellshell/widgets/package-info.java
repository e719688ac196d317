/**
 * The Cell API: what a cell's Java source implements ({@link dev.cellshell.widgets.Cell}), what it draws on
 * ({@link dev.cellshell.widgets.Canvas}) with which styles, fills and paths, how it measures text
 * ({@link dev.cellshell.widgets.Text}), the input it gets and the services it may ask for. Only what a cell may touch
 * lives here; the host side (display lists, prop values, theme tokens) is in {@code dev.cellshell.runtime}. Depends on
 * the JDK only, because cell code compiles against it and every process reads it.
 */
package dev.cellshell.widgets;
