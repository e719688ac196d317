package dev.cellshell.ipc;

/** Turns the messages of one protocol into frames and back. */
public interface Codec<M> {

    /** The whole frame, length prefix included. */
    byte[] encode(M message);

    /** @throws ProtocolException when the frame is not a well-formed message of this protocol */
    M decode(Frames.Frame frame) throws ProtocolException;
}
