/** The {@code cell} command line: {@code run} starts a shell; the other verbs talk to a running one. */
package dev.cellshell.shell.cli;
