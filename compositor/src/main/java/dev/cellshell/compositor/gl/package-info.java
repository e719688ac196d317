/**
 * Windows and OpenGL: GLFW windows and their input ({@code GlfwWindow}, for either API), the {@code Drawable} seam
 * every renderer draws into, and the OpenGL drawables (a window's context, EGL surfaceless offscreen). The only place
 * raw GLFW/EGL/GL handles live; each drawable owns its handles and closes them idempotently.
 */
package dev.cellshell.compositor.gl;
