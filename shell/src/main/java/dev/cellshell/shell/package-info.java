/** The shell process: wires the workspace, the tissue, the compositor link, the control socket and the workbench. */
package dev.cellshell.shell;
