package dev.cellshell.host;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The kernel's walls around this host, found by trying rather than by trusting how it was started: whether a file
 * can be created (in the temp folder and the working folder) and whether any network but loopback is there.
 */
final class Walls {

    private Walls() {
    }

    static List<String> probe() {
        List<String> walls = new ArrayList<>();
        if (!canWrite(Path.of(System.getProperty("java.io.tmpdir"))) && !canWrite(Path.of("").toAbsolutePath())) {
            walls.add("read-only files");
        }
        if (onlyLoopback()) {
            walls.add("no network");
        }
        return walls;
    }

    private static boolean canWrite(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".cellshell-host-probe", "");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean onlyLoopback() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .allMatch(i -> {
                        try {
                            return i.isLoopback() || !i.isUp();
                        } catch (SocketException e) {
                            return false;
                        }
                    });
        } catch (SocketException e) {
            return false;
        }
    }
}
