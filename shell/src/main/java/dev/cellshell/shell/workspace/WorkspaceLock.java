package dev.cellshell.shell.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One shell per workspace: an OS file lock on {@code .lock}, held for the shell's life and released by the kernel
 * when the process dies however it dies, so a killed shell never locks out the next one.
 */
public final class WorkspaceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IOException saying so when another live process holds the workspace */
    public static WorkspaceLock acquire(Path workspace) throws IOException {
        FileChannel channel = FileChannel.open(workspace.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("another shell is running on workspace " + workspace);
        }
        return new WorkspaceLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The kernel drops the lock with the process anyway.
        }
    }
}
