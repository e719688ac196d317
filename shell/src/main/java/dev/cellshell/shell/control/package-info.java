/** The control socket: where {@code cell} CLI verbs reach the running shell, one request and one reply each. */
package dev.cellshell.shell.control;
