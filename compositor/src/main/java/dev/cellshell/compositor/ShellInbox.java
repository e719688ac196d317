package dev.cellshell.compositor;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.SceneMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the shell sent, queued by a reader thread for the main thread (GLFW's rule: only it draws and polls), and
 * a wake-up for the main thread when it sleeps in the window system's event wait.
 */
final class ShellInbox {

    /** Queued when the shell's connection ends. */
    record Disconnected(String why) implements Inbound {
    }

    record Received(SceneMessage message) implements Inbound {
    }

    sealed interface Inbound permits Disconnected, Received {
    }

    private final BlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();

    /** Starts reading {@code shell} on a daemon thread; {@code wake} runs after each message (may be a no-op). */
    void start(Connection<SceneMessage> shell, Runnable wake) {
        Thread reader = new Thread(() -> {
            try {
                for (SceneMessage message = shell.receive(); message != null; message = shell.receive()) {
                    if (message instanceof SceneMessage.Picture picture) {
                        // kept before the next message is read: the scene that draws it comes after it
                        dev.cellshell.compositor.paint.Pictures.put(picture.key(), picture.encoded());
                        continue;
                    }
                    queue.add(new Received(message));
                    wake.run();
                }
                queue.add(new Disconnected("end of stream"));
            } catch (IOException e) {
                queue.add(new Disconnected(e.toString()));
            }
            wake.run();
        }, "scene-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits up to a second for the next message (a Disconnected one when interrupted); null when none came. */
    Inbound poll() {
        try {
            return queue.poll(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Disconnected("interrupted");
        }
    }

    /** The next message if there is one, without waiting. */
    Inbound pollNow() {
        return queue.poll();
    }

    void drainTo(List<Inbound> batch) {
        queue.drainTo(batch);
    }
}
