package dev.cellshell.ipc;

import java.util.List;
import java.util.Map;

/**
 * What nodes say to each other through the axon gateway (gRPC, mutual TLS): pairing, pings, and the cell-host
 * protocol carried to a cell host on another node. A {@link HostMessage} crosses as its own frame ({@link HostCodec}),
 * so the remote end checks it exactly as a local host's message is checked.
 */
public sealed interface AxonMessage {

    // Pairing (unary): the requester proves it knows the one-time code shown on the other node, and so does the
    // other node in its reply; each proof covers both certificates' fingerprints (Pairing).

    record PairRequest(String name, byte[] proof) implements AxonMessage {
        public PairRequest {
            proof = proof.clone();
        }
    }

    record PairReply(boolean accepted, String name, byte[] proof, String why) implements AxonMessage {
        public PairReply {
            proof = proof.clone();
        }
    }

    // Ping (unary): round-trip time, and which cells the answering node runs for the asker.

    record Ping(long sentNanos) implements AxonMessage {
    }

    record Pong(long sentNanos, String name, List<String> cells) implements AxonMessage {
        public Pong {
            cells = List.copyOf(cells);
        }
    }

    // The cells stream (bidirectional), requester → node.

    /** The first message: the requester's host it stands for ({@code node-buildbox}). */
    record Open(String host) implements AxonMessage {
    }

    /** A host request other than {@link HostMessage.Define} for cell {@code cellId}, as a {@link HostCodec} frame. */
    record Call(long sequence, String cellId, byte[] request) implements AxonMessage {
        public Call {
            request = request.clone();
        }
    }

    /**
     * Instead of {@link HostMessage.Define}: the sources of a generation. The node compiles and checks them itself,
     * under its own sandbox and the peer's permissions, and audits them in its own log.
     */
    record DefineSource(long sequence, long generation, String type, Map<String, String> sources)
            implements AxonMessage {
        public DefineSource {
            sources = Map.copyOf(sources);
        }
    }

    // Node → requester.

    /**
     * The answer to call {@code sequence} as a {@link HostCodec} frame. When {@code prefix} is not negative, the
     * answer's display list holds only the bytes that changed: the drawing is the first {@code prefix} bytes of the
     * previous drawing of {@code instance}, these bytes, then its last {@code suffix} bytes (a ticking clock sends
     * its digits, not its face).
     */
    record Reply(long sequence, byte[] answer, long instance, int prefix, int suffix) implements AxonMessage {
        public Reply {
            answer = answer.clone();
        }
    }

    /** The node's cell host for this stream is gone; {@code cellsFault}: the cell being called is to blame. */
    record Gone(String why, boolean cellsFault) implements AxonMessage {
    }
}
