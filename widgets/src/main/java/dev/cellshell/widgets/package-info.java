/**
 * The Cell API: what a cell's Java source implements ({@link dev.cellshell.widgets.Cell}), what it draws on
 * ({@link dev.cellshell.widgets.Canvas}) and the immutable {@link dev.cellshell.widgets.DisplayList} its drawing is
 * recorded into. Depends on the JDK only, because cell code compiles against it and both processes read it.
 */
package dev.cellshell.widgets;
