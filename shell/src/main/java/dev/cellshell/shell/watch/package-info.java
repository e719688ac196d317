/** Watching the workspace on disk, so that a save in any editor or IDE swaps the cell type it touched. */
package dev.cellshell.shell.watch;
