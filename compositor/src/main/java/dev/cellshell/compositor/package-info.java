/**
 * The compositor process: connects to the shell's scene socket, draws every published scene with Skija on an
 * OpenGL context (a GLFW window, or EGL offscreen), acknowledges each presented frame, answers screenshot requests
 * and reports input. It never runs cell code and owns no state the shell cannot send again.
 */
package dev.cellshell.compositor;
