package dev.cellshell.shell.tissue;

/** What a tissue operation (spawn, rm, set, move) did, or why it did nothing. */
public record Change(boolean done, String cellId, String message) {
}
