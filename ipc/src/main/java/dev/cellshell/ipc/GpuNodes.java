package dev.cellshell.ipc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this machine has a GPU, read from its device nodes before any graphics driver is loaded (asking Vulkan or
 * OpenGL maps Mesa's LLVM, ~45 MB resident, for good): a DRM render node (every Mesa and most other GPU drivers) or
 * NVIDIA's. Without one, a Vulkan or OpenGL driver can only be a CPU emulation, and CellShell draws with Skia's CPU
 * raster (the compositor's windows) and JavaFX's software pipeline (the workbench).
 */
public final class GpuNodes {

    private GpuNodes() {
    }

    public static boolean present() {
        return present(Path.of("/dev"));
    }

    static boolean present(Path dev) {
        try (var dri = Files.newDirectoryStream(dev.resolve("dri"), "renderD*")) {
            if (dri.iterator().hasNext()) {
                return true;
            }
        } catch (IOException noDri) {
            // no /dev/dri at all
        }
        try (var nvidia = Files.newDirectoryStream(dev, "nvidia[0-9]*")) {
            return nvidia.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
