/**
 * The tissue: every live cell with its props, bounds, current generation and last display list. One thread (the
 * tissue thread) calls cell code and mutates the tissue; compiling happens on a worker and the finished generation
 * is handed back to the tissue thread to swap in.
 */
package dev.cellshell.shell.tissue;
