/** Installing CellShell for one user the freedesktop way: its menu entry, icon, autostart and session entries. */
package dev.cellshell.shell.install;
