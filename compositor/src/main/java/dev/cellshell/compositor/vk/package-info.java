/**
 * The Vulkan backend: one device (instance, queue, Skia context) shared by every drawable, offscreen back images and
 * window swapchains. The only place raw Vulkan handles live.
 */
package dev.cellshell.compositor.vk;
