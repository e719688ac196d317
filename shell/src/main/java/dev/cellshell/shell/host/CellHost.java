package dev.cellshell.shell.host;

import dev.cellshell.ipc.HostMessage;
import java.util.List;

/** Where cells run: one answer per request, within the host's deadline, or {@link HostDied}. */
public interface CellHost extends AutoCloseable {

    /** {@code shared}, or {@code solo-<cell id>}. */
    String name();

    /**
     * Sends {@code request} on behalf of cell {@code cellId} (empty for none) and waits for its answer, serving the
     * service calls the cell makes meanwhile as that cell.
     *
     * @throws HostDied when the host did not answer in time (it is killed then), exited, or broke the protocol
     */
    HostMessage.Answer call(String cellId, HostMessage request) throws HostDied;

    /** The kernel's walls this host stands behind, as it found them ({@code read-only files}, {@code no network}). */
    List<String> walls();

    /** The operating system's process id, or -1 for a host inside the shell (tests). */
    long pid();

    boolean alive();

    @Override
    void close();

    /**
     * The host is gone; every instance it held is lost. {@code cellsFault} says whether the cell being called is to
     * blame (it missed the deadline, or the host died while running it); not when the host was already gone or was
     * killed from outside.
     */
    final class HostDied extends Exception {
        private final boolean cellsFault;

        public HostDied(String message, boolean cellsFault) {
            super(message);
            this.cellsFault = cellsFault;
        }

        public boolean cellsFault() {
            return cellsFault;
        }
    }
}
