/**
 * The host side of the Cell API, which cell code may not reach (the sandbox refuses this package): the display list a
 * cell's drawing is recorded into ({@link dev.cellshell.runtime.Recorder}, {@link dev.cellshell.runtime.DisplayList})
 * and the values the host hands a cell ({@link dev.cellshell.runtime.PropValues},
 * {@link dev.cellshell.runtime.ThemeTokens}).
 */
package dev.cellshell.runtime;
