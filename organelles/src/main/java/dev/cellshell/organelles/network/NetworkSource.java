package dev.cellshell.organelles.network;

import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.NetworkStatus;

/** The network, as an organelle: NetworkManager, or a fixed one for tests. */
public interface NetworkSource extends AutoCloseable {

    NetworkStatus status();

    Changes changes();

    @Override
    void close();
}
