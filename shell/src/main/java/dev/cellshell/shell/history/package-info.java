/**
 * The audit log: every change to the tissue (who, what, when, which cell, the source hash and diff, the result),
 * appended to a hash-chained, fsync'd, human-readable file in the workspace, and verified on demand.
 */
package dev.cellshell.shell.history;
