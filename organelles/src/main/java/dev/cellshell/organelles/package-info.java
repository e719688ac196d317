/**
 * The organelles: how the desktop reaches the system for its cells. Each is behind a small interface with a real
 * backend (D-Bus through dbus-java, XDG files, EWMH over Xlib) and reports itself unavailable, with why, instead of
 * failing when what it needs is not there; none of them ever blocks the caller on the system (their state is kept
 * current by their own threads and the bus's signals, and requests are sent without waiting for an answer).
 */
package dev.cellshell.organelles;
