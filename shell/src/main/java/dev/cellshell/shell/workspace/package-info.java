/**
 * The workspace on disk: plain {@code .java} files per cell type under {@code cells/<Type>/}, the tissue definition
 * {@code tissue.properties}, and the run folder {@code .run/} holding the sockets of the shell that owns it.
 */
package dev.cellshell.shell.workspace;
