/**
 * The wire between processes: length-prefixed, versioned binary frames over Unix-domain sockets, carrying one sealed
 * family of records per protocol ({@link dev.cellshell.ipc.SceneMessage} between shell and compositor,
 * {@link dev.cellshell.ipc.ControlMessage} between the {@code cell} CLI and the shell).
 */
package dev.cellshell.ipc;
