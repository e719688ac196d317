/**
 * Painting scenes with Skija: the GPU painters (Skia's GL backend on a {@code GlSurface}, its Vulkan backend on a
 * {@code VulkanDrawable}) and the CPU raster painter (the fallback offscreen and the reference in tests), all
 * damage-driven from the same layers and replaying the same display lists.
 */
package dev.cellshell.compositor.paint;
