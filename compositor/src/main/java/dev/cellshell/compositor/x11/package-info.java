/**
 * What the window manager is told about each surface's window on X11 (EWMH): its type, its state, the space a
 * panel reserves, the shape of an overlay. Behind {@link dev.cellshell.compositor.x11.WindowRoles} so a Wayland
 * layer-shell implementation can take its place.
 */
package dev.cellshell.compositor.x11;
