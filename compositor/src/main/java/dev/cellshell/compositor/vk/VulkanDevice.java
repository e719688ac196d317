package dev.cellshell.compositor.vk;

import static org.lwjgl.vulkan.VK10.*;

import dev.cellshell.compositor.gl.GlfwWindow;
import io.github.humbleui.skija.DirectContext;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFWVulkan;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.KHRSwapchain;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VK11;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueue;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/**
 * One Vulkan instance, physical device, logical device and graphics queue, with Skia's {@link DirectContext} on them:
 * everything the compositor draws through Vulkan shares it (every window of the desktop, every layer). Opened for
 * presenting to windows (GLFW's instance extensions, {@code VK_KHR_swapchain}) or offscreen only (no window system
 * at all). Main thread only.
 *
 * <p>A device that reports {@code VK_ERROR_DEVICE_LOST} is {@link #lost()}: Skia's context is abandoned, and the
 * owner opens a new device and rebuilds from the scene. For tests, {@code CELLSHELL_VULKAN_FAULT=device-lost:N}
 * makes the N-th present of the process report a lost device, as a driver would.
 */
public final class VulkanDevice implements AutoCloseable {

    private static final String FAULT_VARIABLE = "CELLSHELL_VULKAN_FAULT";
    private static int faultAtPresent = parseFault(System.getenv(FAULT_VARIABLE));
    private static int presents;

    private final VkInstance instance;
    private final VkPhysicalDevice physical;
    private final VkDevice device;
    private final VkQueue queue;
    private final int family;
    private final long commandPool;
    private final DirectContext context;
    private final String name;
    private final boolean presentation;
    private final boolean emulated;
    private boolean lost;
    private boolean loseAtNextPresent;
    private boolean closed;

    private VulkanDevice(VkInstance instance, VkPhysicalDevice physical, int family, boolean presentation,
            String name, String apiVersion, boolean emulated) {
        this.instance = instance;
        this.emulated = emulated;
        this.physical = physical;
        this.family = family;
        this.presentation = presentation;
        this.name = "Vulkan " + apiVersion + " " + name;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            VkDeviceQueueCreateInfo.Buffer queues = VkDeviceQueueCreateInfo.calloc(1, stack);
            queues.get(0).sType$Default().queueFamilyIndex(family).pQueuePriorities(stack.floats(1f));
            VkDeviceCreateInfo info = VkDeviceCreateInfo.calloc(stack).sType$Default().pQueueCreateInfos(queues);
            if (presentation) {
                info.ppEnabledExtensionNames(stack.pointers(stack.UTF8(KHRSwapchain.VK_KHR_SWAPCHAIN_EXTENSION_NAME)));
            }
            PointerBuffer handle = stack.mallocPointer(1);
            check(vkCreateDevice(physical, info, null, handle), "vkCreateDevice");
            device = new VkDevice(handle.get(0), physical, info);
            vkGetDeviceQueue(device, family, 0, handle);
            queue = new VkQueue(handle.get(0), device);
            VkCommandPoolCreateInfo pool = VkCommandPoolCreateInfo.calloc(stack).sType$Default()
                    .queueFamilyIndex(family).flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT);
            var pPool = stack.mallocLong(1);
            check(vkCreateCommandPool(device, pool, null, pPool), "vkCreateCommandPool");
            commandPool = pPool.get(0);
        }
        long getInstanceProcAddr = VK.getFunctionProvider().getFunctionAddress("vkGetInstanceProcAddr");
        long getDeviceProcAddr = VK.getFunctionProvider().getFunctionAddress("vkGetDeviceProcAddr");
        context = DirectContext.makeVulkan(instance.address(), physical.address(), device.address(),
                queue.address(), family, getInstanceProcAddr, getDeviceProcAddr, VK11.VK_API_VERSION_1_1);
    }

    /**
     * Opens the best device there is (a discrete GPU before an integrated one, before a virtual one, before a CPU
     * emulation such as lavapipe), or says why there is none.
     *
     * @param presentation also present to GLFW windows (GLFW must not be running yet without Vulkan)
     * @throws IllegalStateException with the reason: no loader, no device, no swapchain, no presentation support
     */
    public static VulkanDevice open(boolean presentation) {
        long getInstanceProcAddr;
        try {
            getInstanceProcAddr = VK.getFunctionProvider().getFunctionAddress("vkGetInstanceProcAddr");
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("no Vulkan loader (install libvulkan1 and a driver such as"
                    + " mesa-vulkan-drivers): " + e.getMessage());
        }
        if (presentation) {
            if (!GlfwWindow.useVulkanLoader(getInstanceProcAddr)) {
                throw new IllegalStateException("GLFW was started without Vulkan");
            }
            GlfwWindow.init();
            if (!GLFWVulkan.glfwVulkanSupported()) {
                throw new IllegalStateException("GLFW finds no Vulkan loader for windows");
            }
        }
        VkInstance instance = createInstance(presentation);
        try {
            return pick(instance, presentation);
        } catch (RuntimeException e) {
            vkDestroyInstance(instance, null);
            throw e;
        }
    }

    private static VkInstance createInstance(boolean presentation) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
                    .pApplicationName(stack.UTF8("CellShell compositor")).applicationVersion(VK_MAKE_VERSION(0, 1, 0))
                    .pEngineName(stack.UTF8("Skia")).apiVersion(VK11.VK_API_VERSION_1_1);
            VkInstanceCreateInfo info = VkInstanceCreateInfo.calloc(stack).sType$Default().pApplicationInfo(app);
            if (presentation) {
                PointerBuffer extensions = GLFWVulkan.glfwGetRequiredInstanceExtensions();
                if (extensions == null) {
                    throw new IllegalStateException("GLFW names no Vulkan instance extensions for windows");
                }
                info.ppEnabledExtensionNames(extensions);
            }
            PointerBuffer handle = stack.mallocPointer(1);
            int result = vkCreateInstance(info, null, handle);
            if (result != VK_SUCCESS) {
                throw new IllegalStateException("vkCreateInstance failed: " + describe(result));
            }
            return new VkInstance(handle.get(0), info);
        }
    }

    private static VulkanDevice pick(VkInstance instance, boolean presentation) {
        record Candidate(VkPhysicalDevice device, int family, String name, int type, String api) {
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            int found = vkEnumeratePhysicalDevices(instance, count, null);
            if (found != VK_SUCCESS || count.get(0) == 0) {
                throw new IllegalStateException("no Vulkan device (" + describe(found) + ", "
                        + count.get(0) + " devices)");
            }
            PointerBuffer handles = stack.mallocPointer(count.get(0));
            vkEnumeratePhysicalDevices(instance, count, handles);
            for (int i = 0; i < count.get(0); i++) {
                VkPhysicalDevice physical = new VkPhysicalDevice(handles.get(i), instance);
                VkPhysicalDeviceProperties properties = VkPhysicalDeviceProperties.malloc(stack);
                vkGetPhysicalDeviceProperties(physical, properties);
                String name = properties.deviceNameString();
                int type = properties.deviceType();
                int api = properties.apiVersion();
                String version = VK_VERSION_MAJOR(api) + "." + VK_VERSION_MINOR(api) + "." + VK_VERSION_PATCH(api);
                if (VK_VERSION_MAJOR(api) == 1 && VK_VERSION_MINOR(api) < 1) {
                    refused.add(name + ": Vulkan " + version + " (1.1 needed)");
                    continue;
                }
                if (presentation && !extensions(physical).contains(KHRSwapchain.VK_KHR_SWAPCHAIN_EXTENSION_NAME)) {
                    refused.add(name + ": no VK_KHR_swapchain");
                    continue;
                }
                int family = graphicsFamily(instance, physical, presentation);
                if (family < 0) {
                    refused.add(name + (presentation ? ": no graphics queue that presents to windows"
                            : ": no graphics queue"));
                    continue;
                }
                candidates.add(new Candidate(physical, family, name, type, version));
            }
        }
        Candidate best = candidates.stream().min(java.util.Comparator.comparingInt(c -> rank(c.type())))
                .orElseThrow(() -> new IllegalStateException("no usable Vulkan device" + (refused.isEmpty() ? ""
                        : " (" + String.join("; ", refused) + ")")));
        return new VulkanDevice(instance, best.device(), best.family(), presentation, best.name(), best.api(),
                best.type() == VK_PHYSICAL_DEVICE_TYPE_CPU);
    }

    private static int rank(int type) {
        switch (type) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
            case VK_PHYSICAL_DEVICE_TYPE_CPU: return 4;
            default: return 3;
        }
    }

    private static Set<String> extensions(VkPhysicalDevice physical) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            vkEnumerateDeviceExtensionProperties(physical, (String) null, count, null);
            VkExtensionProperties.Buffer all = VkExtensionProperties.malloc(count.get(0), stack);
            vkEnumerateDeviceExtensionProperties(physical, (String) null, count, all);
            Set<String> names = new HashSet<>();
            all.forEach(e -> names.add(e.extensionNameString()));
            return names;
        }
    }

    private static int graphicsFamily(VkInstance instance, VkPhysicalDevice physical, boolean presentation) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            vkGetPhysicalDeviceQueueFamilyProperties(physical, count, null);
            VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(count.get(0), stack);
            vkGetPhysicalDeviceQueueFamilyProperties(physical, count, families);
            for (int i = 0; i < count.get(0); i++) {
                if ((families.get(i).queueFlags() & VK_QUEUE_GRAPHICS_BIT) != 0 && (!presentation
                        || GLFWVulkan.glfwGetPhysicalDevicePresentationSupport(instance, physical, i))) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** E.g. {@code Vulkan 1.3.230 llvmpipe (LLVM 15.0.6, 256 bits)}. */
    public String name() {
        return name;
    }

    public boolean presentation() {
        return presentation;
    }

    /** Whether the device is a CPU emulation (Mesa's lavapipe): the best there was, and no GPU. */
    public boolean emulated() {
        return emulated;
    }

    public DirectContext context() {
        return context;
    }

    VkInstance instance() {
        return instance;
    }

    VkPhysicalDevice physical() {
        return physical;
    }

    VkDevice device() {
        return device;
    }

    VkQueue queue() {
        return queue;
    }

    int family() {
        return family;
    }

    long commandPool() {
        return commandPool;
    }

    /** True once the device reported itself lost: nothing drawn on it any more reaches the screen. */
    public boolean lost() {
        return lost;
    }

    /**
     * Throws {@link DeviceLostException} (after abandoning Skia's context) for {@code VK_ERROR_DEVICE_LOST},
     * {@link IllegalStateException} for any other error; returns the result otherwise.
     */
    int check(int result, String call) {
        if (result == VK_ERROR_DEVICE_LOST) {
            loseDevice(call + " reported VK_ERROR_DEVICE_LOST");
        }
        if (result < 0) {
            throw new IllegalStateException(call + " failed: " + describe(result));
        }
        return result;
    }

    /**
     * Counts a present; the one {@code CELLSHELL_VULKAN_FAULT} names, or the next after {@link #loseAtNextPresent},
     * reports a lost device.
     */
    void presenting() {
        presents++;
        boolean injected = faultAtPresent > 0 && presents == faultAtPresent;
        if (injected || loseAtNextPresent) {
            faultAtPresent = injected ? 0 : faultAtPresent;
            loseAtNextPresent = false;
            vkDeviceWaitIdle(device);
            loseDevice("present " + presents + " reported VK_ERROR_DEVICE_LOST (injected"
                    + (injected ? " by " + FAULT_VARIABLE : "") + ")");
        }
    }

    /** Fault injection: the next present reports {@code VK_ERROR_DEVICE_LOST}, as a driver reset would. */
    public void loseAtNextPresent() {
        loseAtNextPresent = true;
    }

    private void loseDevice(String why) {
        lost = true;
        context.abandon();
        throw new DeviceLostException(name + ": " + why);
    }

    static int parseFault(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String prefix = "device-lost:";
        if (value.startsWith(prefix)) {
            try {
                return Math.max(0, Integer.parseInt(value.substring(prefix.length()).strip()));
            } catch (NumberFormatException e) {
                // falls through to the warning
            }
        }
        System.err.println("compositor: ignoring " + FAULT_VARIABLE + "=" + value + " (expected device-lost:N)");
        return 0;
    }

    /** Waits until the queue has finished everything submitted. */
    void idle() {
        check(vkQueueWaitIdle(queue), "vkQueueWaitIdle");
    }

    /** Idempotent; valid after a loss too (Vulkan allows destroying objects of a lost device). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!lost) {
            vkDeviceWaitIdle(device);
            context.abandon();
        }
        context.close();
        vkDestroyCommandPool(device, commandPool, null);
        vkDestroyDevice(device, null);
        vkDestroyInstance(instance, null);
    }

    static String describe(int result) {
        switch (result) {
            case VK_ERROR_OUT_OF_HOST_MEMORY: return "VK_ERROR_OUT_OF_HOST_MEMORY";
            case VK_ERROR_OUT_OF_DEVICE_MEMORY: return "VK_ERROR_OUT_OF_DEVICE_MEMORY";
            case VK_ERROR_INITIALIZATION_FAILED: return "VK_ERROR_INITIALIZATION_FAILED";
            case VK_ERROR_DEVICE_LOST: return "VK_ERROR_DEVICE_LOST";
            case VK_ERROR_EXTENSION_NOT_PRESENT: return "VK_ERROR_EXTENSION_NOT_PRESENT";
            case VK_ERROR_INCOMPATIBLE_DRIVER: return "VK_ERROR_INCOMPATIBLE_DRIVER (no Vulkan driver installed?)";
            case KHRSwapchain.VK_ERROR_OUT_OF_DATE_KHR: return "VK_ERROR_OUT_OF_DATE_KHR";
            case org.lwjgl.vulkan.KHRSurface.VK_ERROR_SURFACE_LOST_KHR: return "VK_ERROR_SURFACE_LOST_KHR";
            default: return String.format(Locale.ROOT, "VkResult %d", result);
        }
    }
}
