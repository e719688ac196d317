package dev.cellshell.widgets;

/**
 * The network as NetworkManager (system bus) knows it: connectivity, the primary connection, Wi-Fi strength.
 * Read-only. A cell that uses it is drawn again whenever it changes.
 */
public interface Network extends Service {

    NetworkStatus status();
}
