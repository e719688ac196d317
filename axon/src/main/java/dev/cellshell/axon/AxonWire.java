package dev.cellshell.axon;

import dev.cellshell.ipc.AxonCodec;
import dev.cellshell.ipc.AxonMessage;
import dev.cellshell.ipc.ProtocolException;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The gateway's gRPC methods, built by hand (no protobuf code generation): each carries {@link AxonMessage} records
 * through {@link #MARSHALLER}, our own codec's frames, checked as strictly as on a local socket.
 */
final class AxonWire {

    static final String SERVICE = "cellshell.axon.Gateway";
    static final int MAX_MESSAGE_BYTES = dev.cellshell.ipc.Frames.MAX_FRAME_BYTES;
    private static final AxonCodec CODEC = new AxonCodec();

    static final MethodDescriptor.Marshaller<AxonMessage> MARSHALLER = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(AxonMessage value) {
            return new ByteArrayInputStream(CODEC.encode(value));
        }

        @Override
        public AxonMessage parse(InputStream stream) {
            try {
                return CODEC.decode(stream.readAllBytes());
            } catch (ProtocolException e) {
                throw Status.INVALID_ARGUMENT.withDescription("malformed axon message: " + e.getMessage())
                        .asRuntimeException();
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("unreadable axon message: " + e).asRuntimeException();
            }
        }
    };

    /** Pairing: an unknown certificate may call only this, and only while a code is open. */
    static final MethodDescriptor<AxonMessage, AxonMessage> PAIR = method("Pair", MethodDescriptor.MethodType.UNARY);
    static final MethodDescriptor<AxonMessage, AxonMessage> PING = method("Ping", MethodDescriptor.MethodType.UNARY);
    /** One stream per remote cell host: calls one way, answers the other. */
    static final MethodDescriptor<AxonMessage, AxonMessage> CELLS = method("Cells",
            MethodDescriptor.MethodType.BIDI_STREAMING);

    private AxonWire() {
    }

    private static MethodDescriptor<AxonMessage, AxonMessage> method(String name, MethodDescriptor.MethodType type) {
        return MethodDescriptor.<AxonMessage, AxonMessage>newBuilder().setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(MARSHALLER).setResponseMarshaller(MARSHALLER).build();
    }
}
