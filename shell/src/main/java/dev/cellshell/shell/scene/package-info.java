/**
 * The shell's side of the compositor: starts the compositor process and restarts it when it dies, accepts its
 * connection on the scene socket, publishes scenes, and turns its acknowledgements, screenshots and input into
 * futures and tissue input.
 */
package dev.cellshell.shell.scene;
