package dev.cellshell.compositor.vk;

/**
 * The GPU reported {@code VK_ERROR_DEVICE_LOST} (a driver reset, a hung GPU, an unplugged eGPU): nothing on the device
 * can be used again. The compositor opens a new device and rebuilds every layer from the scene it holds.
 */
public final class DeviceLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceLostException(String message) {
        super(message);
    }
}
