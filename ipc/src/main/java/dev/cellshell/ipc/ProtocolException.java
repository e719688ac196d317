package dev.cellshell.ipc;

import java.io.IOException;

/** A frame or message that breaks the protocol: the connection it came from cannot be trusted any more. */
public final class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }
}
