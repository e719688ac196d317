/**
 * Native OpenGL surfaces: the only place raw GLFW/EGL/GL handles live. Each surface owns its handles and closes them
 * idempotently.
 */
package dev.cellshell.compositor.gl;
