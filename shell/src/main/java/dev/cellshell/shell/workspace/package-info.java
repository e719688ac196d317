/**
 * The workspace on disk: plain {@code .java} files per cell type under {@code cells/<Type>/}, the tissue definition
 * {@code tissue.json}, and {@code logs/}. The sockets of the shell that owns it live in a private runtime
 * folder found from the workspace path ({@link dev.cellshell.ipc.RuntimeDirectory}).
 */
package dev.cellshell.shell.workspace;
