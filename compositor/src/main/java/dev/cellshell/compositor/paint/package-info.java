/**
 * Painting scenes with Skija: the GPU painter (Skia's GL backend on a {@code GlSurface}) and the CPU raster painter
 * used where there is no OpenGL and as the reference in tests, both replaying the same display lists.
 */
package dev.cellshell.compositor.paint;
