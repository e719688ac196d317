/**
 * The membranes, from the shell's side: the cell hosts that run cell code (child JVMs behind the kernel's walls, or
 * in-process for tests), the deadline every call into them has, and their restart.
 */
package dev.cellshell.shell.host;
