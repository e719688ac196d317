package dev.cellshell.compositor.vk;

import static org.lwjgl.vulkan.KHRSurface.*;
import static org.lwjgl.vulkan.KHRSwapchain.*;
import static org.lwjgl.vulkan.VK10.*;

import dev.cellshell.compositor.gl.Drawable;
import dev.cellshell.compositor.gl.GlfwWindow;
import dev.cellshell.ipc.SceneMessage;
import io.github.humbleui.skija.BackendRenderTarget;
import io.github.humbleui.skija.BlendMode;
import io.github.humbleui.skija.ColorSpace;
import io.github.humbleui.skija.ColorType;
import io.github.humbleui.skija.ImageInfo;
import io.github.humbleui.skija.Paint;
import io.github.humbleui.skija.Surface;
import io.github.humbleui.skija.SurfaceOrigin;
import io.github.humbleui.types.IRect;
import io.github.humbleui.types.Rect;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFWVulkan;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkFenceCreateInfo;
import org.lwjgl.vulkan.VkImageMemoryBarrier;
import org.lwjgl.vulkan.VkPresentInfoKHR;
import org.lwjgl.vulkan.VkSemaphoreCreateInfo;
import org.lwjgl.vulkan.VkSubmitInfo;
import org.lwjgl.vulkan.VkSurfaceCapabilitiesKHR;
import org.lwjgl.vulkan.VkSurfaceFormatKHR;
import org.lwjgl.vulkan.VkSwapchainCreateInfoKHR;

/**
 * A persistent back image on a {@link VulkanDevice}, drawn by Skia, whose pixels survive presenting (frames redraw
 * only their damage), shown either offscreen or in a GLFW window through a swapchain. Presenting copies the back
 * image into the acquired swapchain image with Skia, around our own layout transitions (UNDEFINED → colour
 * attachment → present source) and the acquire/present semaphores, which Skija cannot hand to Skia. A resized
 * window, or one the window system calls out of date, gets a new swapchain. After a lost device the drawable is
 * {@link #rebind rebound} to a new one; its window stays. Main thread only.
 */
public final class VulkanDrawable implements Drawable {

    /** More changed rectangles than this pending for one swapchain image: it is copied whole. */
    private static final int MAX_RECTS = 32;

    private static final int USAGE = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT
            | VK_IMAGE_USAGE_TRANSFER_DST_BIT;

    private VulkanDevice device;
    private final GlfwWindow window;
    private int width;
    private int height;
    private Surface back;
    private Swapchain swapchain;
    private boolean closed;

    private VulkanDrawable(VulkanDevice device, GlfwWindow window, int width, int height) {
        this.device = device;
        this.window = window;
        this.width = width;
        this.height = height;
        allocate();
    }

    /** An offscreen back image of width×height device pixels. */
    public static VulkanDrawable offscreen(VulkanDevice device, int width, int height) {
        return new VulkanDrawable(device, null, width, height);
    }

    /** A window made for Vulkan, with a swapchain; {@code device} must have been opened for presentation. */
    public static VulkanDrawable window(VulkanDevice device, GlfwWindow.Options options,
            Consumer<SceneMessage> input) {
        if (!device.presentation()) {
            throw new IllegalArgumentException("the Vulkan device was opened without presentation");
        }
        GlfwWindow window = GlfwWindow.create(options, GlfwWindow.Api.VULKAN, input);
        try {
            int[] size = window.framebufferSize();
            VulkanDrawable drawable = new VulkanDrawable(device, window, size[0], size[1]);
            window.show(options);
            return drawable;
        } catch (RuntimeException e) {
            window.close();
            throw e;
        }
    }

    private void allocate() {
        back = Surface.makeRenderTarget(device.context(), false, ImageInfo.makeN32Premul(width, height), 0,
                SurfaceOrigin.TOP_LEFT, null, false);
        if (window != null) {
            swapchain = new Swapchain(device, window, width, height, null);
        }
    }

    /** The back image Skia draws frames into. */
    public Surface back() {
        return back;
    }

    /** Skia's context of the device, for layers of the same kind. */
    public VulkanDevice device() {
        return device;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public float contentScale() {
        return window == null ? 1 : window.contentScale();
    }

    @Override
    public GlfwWindow window() {
        return window;
    }

    @Override
    public void resize(int newWidth, int newHeight) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("drawable size " + newWidth + "x" + newHeight);
        }
        width = newWidth;
        height = newHeight;
        back.close();
        back = Surface.makeRenderTarget(device.context(), false, ImageInfo.makeN32Premul(width, height), 0,
                SurfaceOrigin.TOP_LEFT, null, false);
        if (swapchain != null) {
            swapchain = swapchain.recreate(width, height);
        }
    }

    /** Presents the whole back image (a window exposed again). */
    @Override
    public void present() {
        present(List.of(IRect.makeWH(width, height)));
    }

    /**
     * Makes the back image visible: submits what Skia recorded and, in a window, copies what changed into the next
     * swapchain image (what changed since that image was last shown: {@code damage} and the frames before it) and
     * presents it; offscreen, waits until the GPU is done (as the GL path's {@code glFinish}).
     */
    public void present(List<IRect> damage) {
        device.presenting();
        if (swapchain == null) {
            device.context().flushAndSubmit(back, false);
            device.idle();
            return;
        }
        device.context().flushAndSubmit(back, false);
        swapchain.damage(damage);
        if (window.iconified()) {
            return;
        }
        if (!swapchain.present(back)) {
            // Out of date (resized, moved between screens): a new swapchain, and the frame once more.
            int[] size = window.framebufferSize();
            swapchain = swapchain.recreate(size[0], size[1]);
            swapchain.present(back);
        }
    }

    /** After the device was lost: everything again on {@code next}, in the same window; the back image is blank. */
    public void rebind(VulkanDevice next) {
        releaseVulkan();
        device = next;
        allocate();
    }

    private void releaseVulkan() {
        if (swapchain != null) {
            swapchain.close();
            swapchain = null;
        }
        back.close();
    }

    @Override
    public boolean windowed() {
        return window != null;
    }

    @Override
    public String renderer() {
        return device.name();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseVulkan();
        if (window != null) {
            window.close();
        }
    }

    /** A window's surface, swapchain, the Skia surfaces over its images, and what one present needs. */
    private static final class Swapchain implements AutoCloseable {

        private final VulkanDevice device;
        private final GlfwWindow window;
        private final long surface;
        /** The window's VkSurfaceKHR passes to the swapchain that replaces this one. */
        private boolean ownsSurface = true;
        private long handle;
        private long[] images;
        private BackendRenderTarget[] targets;
        private Surface[] surfaces;
        private final VkCommandBuffer toDraw;
        private final VkCommandBuffer toPresent;
        private final long acquired;
        private final long rendered;
        private final long fence;
        private final int format;
        /** Per image: what changed in the back image since the image was last filled; null: everything. */
        private final List<List<IRect>> stale = new ArrayList<>();
        private final Paint copy = new Paint().setBlendMode(BlendMode.SRC);

        Swapchain(VulkanDevice device, GlfwWindow window, int width, int height, Swapchain old) {
            this.device = device;
            this.window = window;
            try (MemoryStack stack = MemoryStack.stackPush()) {
                if (old == null) {
                    LongBuffer pSurface = stack.mallocLong(1);
                    device.check(GLFWVulkan.glfwCreateWindowSurface(device.instance(), window.handle(), null,
                            pSurface), "glfwCreateWindowSurface");
                    surface = pSurface.get(0);
                    IntBuffer supported = stack.mallocInt(1);
                    vkGetPhysicalDeviceSurfaceSupportKHR(device.physical(), device.family(), surface, supported);
                    if (supported.get(0) != VK_TRUE) {
                        vkDestroySurfaceKHR(device.instance(), surface, null);
                        throw new IllegalStateException("the Vulkan queue cannot present to this window");
                    }
                } else {
                    surface = old.surface;
                    old.ownsSurface = false;
                }
                format = chooseFormat(stack);
                VkSurfaceCapabilitiesKHR caps = VkSurfaceCapabilitiesKHR.malloc(stack);
                device.check(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(device.physical(), surface, caps),
                        "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
                int w = caps.currentExtent().width() != 0xFFFFFFFF ? caps.currentExtent().width()
                        : Math.max(caps.minImageExtent().width(), Math.min(caps.maxImageExtent().width(), width));
                int h = caps.currentExtent().height() != 0xFFFFFFFF ? caps.currentExtent().height()
                        : Math.max(caps.minImageExtent().height(), Math.min(caps.maxImageExtent().height(), height));
                int count = Math.max(2, caps.minImageCount());
                if (caps.maxImageCount() > 0) {
                    count = Math.min(count, caps.maxImageCount());
                }
                int alpha = (caps.supportedCompositeAlpha() & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR) != 0
                        ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR : VK_COMPOSITE_ALPHA_INHERIT_BIT_KHR;
                int usage = USAGE & caps.supportedUsageFlags();
                if ((usage & VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT) == 0) {
                    throw new IllegalStateException("swapchain images cannot be colour attachments");
                }
                VkSwapchainCreateInfoKHR info = VkSwapchainCreateInfoKHR.calloc(stack).sType$Default()
                        .surface(surface).minImageCount(count).imageFormat(format)
                        .imageColorSpace(VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
                        .imageExtent(e -> e.width(Math.max(1, w)).height(Math.max(1, h))).imageArrayLayers(1)
                        .imageUsage(usage).imageSharingMode(VK_SHARING_MODE_EXCLUSIVE)
                        .preTransform(caps.currentTransform()).compositeAlpha(alpha)
                        .presentMode(VK_PRESENT_MODE_FIFO_KHR).clipped(true)
                        .oldSwapchain(old == null ? VK_NULL_HANDLE : old.handle);
                LongBuffer pHandle = stack.mallocLong(1);
                device.check(vkCreateSwapchainKHR(device.device(), info, null, pHandle), "vkCreateSwapchainKHR");
                handle = pHandle.get(0);
                IntBuffer n = stack.mallocInt(1);
                device.check(vkGetSwapchainImagesKHR(device.device(), handle, n, null), "vkGetSwapchainImagesKHR");
                LongBuffer pImages = stack.mallocLong(n.get(0));
                device.check(vkGetSwapchainImagesKHR(device.device(), handle, n, pImages), "vkGetSwapchainImagesKHR");
                images = new long[n.get(0)];
                for (int i = 0; i < images.length; i++) {
                    stale.add(null);
                }
                targets = new BackendRenderTarget[images.length];
                surfaces = new Surface[images.length];
                ColorType colorType = format == VK_FORMAT_R8G8B8A8_UNORM ? ColorType.RGBA_8888 : ColorType.BGRA_8888;
                for (int i = 0; i < images.length; i++) {
                    images[i] = pImages.get(i);
                    targets[i] = BackendRenderTarget.makeVulkan(Math.max(1, w), Math.max(1, h), images[i],
                            VK_IMAGE_TILING_OPTIMAL, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, format, usage, 1, 1);
                    surfaces[i] = Surface.wrapBackendRenderTarget(device.context(), targets[i],
                            SurfaceOrigin.TOP_LEFT, colorType, ColorSpace.getSRGB());
                    if (surfaces[i] == null) {
                        throw new IllegalStateException("Skia could not wrap swapchain image " + i);
                    }
                }
                PointerBuffer buffers = stack.mallocPointer(2);
                device.check(vkAllocateCommandBuffers(device.device(), VkCommandBufferAllocateInfo.calloc(stack)
                        .sType$Default().commandPool(device.commandPool()).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY)
                        .commandBufferCount(2), buffers), "vkAllocateCommandBuffers");
                toDraw = new VkCommandBuffer(buffers.get(0), device.device());
                toPresent = new VkCommandBuffer(buffers.get(1), device.device());
                LongBuffer p = stack.mallocLong(1);
                VkSemaphoreCreateInfo semaphore = VkSemaphoreCreateInfo.calloc(stack).sType$Default();
                device.check(vkCreateSemaphore(device.device(), semaphore, null, p), "vkCreateSemaphore");
                acquired = p.get(0);
                device.check(vkCreateSemaphore(device.device(), semaphore, null, p), "vkCreateSemaphore");
                rendered = p.get(0);
                device.check(vkCreateFence(device.device(), VkFenceCreateInfo.calloc(stack).sType$Default()
                        .flags(VK_FENCE_CREATE_SIGNALED_BIT), null, p), "vkCreateFence");
                fence = p.get(0);
            }
        }

        private int chooseFormat(MemoryStack stack) {
            IntBuffer n = stack.mallocInt(1);
            device.check(vkGetPhysicalDeviceSurfaceFormatsKHR(device.physical(), surface, n, null),
                    "vkGetPhysicalDeviceSurfaceFormatsKHR");
            VkSurfaceFormatKHR.Buffer formats = VkSurfaceFormatKHR.malloc(n.get(0), stack);
            device.check(vkGetPhysicalDeviceSurfaceFormatsKHR(device.physical(), surface, n, formats),
                    "vkGetPhysicalDeviceSurfaceFormatsKHR");
            for (int wanted : new int[] {VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_R8G8B8A8_UNORM}) {
                for (VkSurfaceFormatKHR f : formats) {
                    if (f.format() == wanted && f.colorSpace() == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) {
                        return wanted;
                    }
                }
            }
            throw new IllegalStateException("the window offers no 8-bit BGRA/RGBA sRGB swapchain format");
        }

        Swapchain recreate(int width, int height) {
            device.check(vkDeviceWaitIdle(device.device()), "vkDeviceWaitIdle");
            Swapchain next = new Swapchain(device, window, width, height, this);
            close();
            return next;
        }

        /** Marks {@code damage} as changed in every image (each image catches up when it is next presented). */
        void damage(List<IRect> damage) {
            for (int i = 0; i < stale.size(); i++) {
                List<IRect> rects = stale.get(i);
                if (rects == null) {
                    continue;
                }
                rects.addAll(damage);
                if (rects.size() > MAX_RECTS) {
                    stale.set(i, null);
                }
            }
        }

        /**
         * Copies into the next image what changed since it was last filled (all of {@code back} the first time) and
         * presents it; false when the swapchain is out of date.
         */
        boolean present(Surface back) {
            try (MemoryStack stack = MemoryStack.stackPush()) {
                device.check(vkWaitForFences(device.device(), stack.longs(fence), true, Long.MAX_VALUE),
                        "vkWaitForFences");
                IntBuffer index = stack.mallocInt(1);
                int result = vkAcquireNextImageKHR(device.device(), handle, Long.MAX_VALUE, acquired,
                        VK_NULL_HANDLE, index);
                if (result == VK_ERROR_OUT_OF_DATE_KHR) {
                    return false;
                }
                device.check(result, "vkAcquireNextImageKHR");
                int i = index.get(0);
                List<IRect> changed = stale.get(i);
                // An image that was presented keeps its pixels (PRESENT_SRC → attachment preserves them): only what
                // changed since is copied. A new image's contents are undefined: all of it, discarding.
                VkImageMemoryBarrier.Buffer barrier = VkImageMemoryBarrier.calloc(1, stack);
                barrier.get(0).sType$Default().oldLayout(changed == null ? VK_IMAGE_LAYOUT_UNDEFINED
                        : VK_IMAGE_LAYOUT_PRESENT_SRC_KHR)
                        .newLayout(VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)
                        .srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED)
                        .image(images[i]).srcAccessMask(0).dstAccessMask(VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT)
                        .subresourceRange(r -> r.aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).baseMipLevel(0).levelCount(1)
                                .baseArrayLayer(0).layerCount(1));
                record(stack, toDraw, barrier, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT,
                        VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT);
                device.check(vkQueueSubmit(device.queue(), VkSubmitInfo.calloc(stack).sType$Default()
                        .waitSemaphoreCount(1).pWaitSemaphores(stack.longs(acquired))
                        .pWaitDstStageMask(stack.ints(VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT))
                        .pCommandBuffers(stack.pointers(toDraw)), VK_NULL_HANDLE), "vkQueueSubmit");
                var canvas = surfaces[i].getCanvas();
                if (changed == null) {
                    back.draw(canvas, 0, 0, copy);
                } else {
                    for (IRect r : changed) {
                        int saved = canvas.save();
                        canvas.clipRect(Rect.makeLTRB(r.getLeft(), r.getTop(), r.getRight(), r.getBottom()));
                        back.draw(canvas, 0, 0, copy);
                        canvas.restoreToCount(saved);
                    }
                }
                stale.set(i, new ArrayList<>());
                device.context().flushAndSubmit(surfaces[i], false);
                barrier.get(0).oldLayout(VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)
                        .newLayout(VK_IMAGE_LAYOUT_PRESENT_SRC_KHR)
                        .srcAccessMask(VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT).dstAccessMask(0);
                record(stack, toPresent, barrier, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                        VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT);
                device.check(vkResetFences(device.device(), stack.longs(fence)), "vkResetFences");
                device.check(vkQueueSubmit(device.queue(), VkSubmitInfo.calloc(stack).sType$Default()
                        .pCommandBuffers(stack.pointers(toPresent)).pSignalSemaphores(stack.longs(rendered)),
                        fence), "vkQueueSubmit");
                int presented = vkQueuePresentKHR(device.queue(), VkPresentInfoKHR.calloc(stack).sType$Default()
                        .pWaitSemaphores(stack.longs(rendered)).swapchainCount(1).pSwapchains(stack.longs(handle))
                        .pImageIndices(index));
                if (presented == VK_ERROR_OUT_OF_DATE_KHR) {
                    return false;
                }
                device.check(presented, "vkQueuePresentKHR");
                return true;
            }
        }

        private void record(MemoryStack stack, VkCommandBuffer buffer, VkImageMemoryBarrier.Buffer barrier,
                int from, int to) {
            device.check(vkBeginCommandBuffer(buffer, VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
            vkCmdPipelineBarrier(buffer, from, to, 0, null, null, barrier);
            device.check(vkEndCommandBuffer(buffer), "vkEndCommandBuffer");
        }

        @Override
        public void close() {
            if (!device.lost()) {
                vkDeviceWaitIdle(device.device());
            }
            for (Surface s : surfaces) {
                if (s != null) {
                    s.close();
                }
            }
            for (BackendRenderTarget t : targets) {
                if (t != null) {
                    t.close();
                }
            }
            copy.close();
            vkDestroySemaphore(device.device(), acquired, null);
            vkDestroySemaphore(device.device(), rendered, null);
            vkDestroyFence(device.device(), fence, null);
            try (MemoryStack stack = MemoryStack.stackPush()) {
                vkFreeCommandBuffers(device.device(), device.commandPool(), stack.pointers(toDraw, toPresent));
            }
            vkDestroySwapchainKHR(device.device(), handle, null);
            if (ownsSurface) {
                vkDestroySurfaceKHR(device.instance(), surface, null);
            }
        }
    }
}
