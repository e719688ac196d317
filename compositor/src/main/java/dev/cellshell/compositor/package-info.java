/**
 * The compositor process: connects to the shell's scene socket, draws every published scene with Skija through the
 * renderer chosen at start ({@link dev.cellshell.compositor.Backend}: Vulkan, OpenGL, or Skia on the CPU offscreen;
 * in GLFW windows, one per surface of the desktop, or offscreen), acknowledges each presented frame, answers
 * screenshot requests and reports input. It never runs cell code and owns no state the shell cannot send again.
 */
package dev.cellshell.compositor;
