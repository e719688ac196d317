package dev.cellshell.axon;

import dev.cellshell.ipc.AxonMessage;
import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Channels from this node to others: the settings every link shares, and pairing with a node. */
public final class Links {

    /**
     * The server's HTTP/2 pings: every second, a connection that does not answer one within a second is closed (the
     * node then kills the cell hosts it ran for that connection's streams). A client cannot ping that often (gRPC
     * raises anything under 10 s to 10 s): {@link PeerLink}'s heartbeat notices a dead link on this side.
     */
    static final long KEEPALIVE_MILLIS = 1_000;
    private static final long CLIENT_KEEPALIVE_SECONDS = 10;

    private Links() {
    }

    /** A channel to {@code address} presenting {@code identity}, trusting the server whose fingerprint passes. */
    static ManagedChannel channel(NodeIdentity identity, String address, Predicate<String> server) throws IOException {
        var ssl = GrpcSslContexts.configure(SslContextBuilder.forClient()
                .keyManager(identity.key(), identity.certificate()))
                .trustManager(new PinnedTrust(server, "server")).build();
        return NettyChannelBuilder.forAddress(Peer.host(address), Peer.port(address))
                .sslContext(ssl)
                .overrideAuthority(identity.name())
                .maxInboundMessageSize(AxonWire.MAX_MESSAGE_BYTES)
                .keepAliveTime(CLIENT_KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(2, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                .build();
    }

    /**
     * Pairs with the node whose gateway listens at {@code address}, with the code it shows: both sides prove they
     * know the code over both fingerprints (Pairing). Returns the peer to pin, named {@code name} (empty: as it calls
     * itself), that may run nothing here until allowed.
     *
     * @throws IOException with why: unreachable, wrong code, no open code, a proof that does not check
     */
    public static Peer pair(NodeIdentity identity, String address, String code, String name, Duration deadline)
            throws IOException {
        Peer.checkedAddress(address);
        AtomicReference<String> seen = new AtomicReference<>();
        ManagedChannel channel = channel(identity, address, fingerprint -> {
            seen.set(fingerprint);
            return true;
        });
        try {
            waitReady(channel, address, deadline);
            String server = seen.get();
            AxonMessage answer = ClientCalls.blockingUnaryCall(channel, AxonWire.PAIR,
                    CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS),
                    new AxonMessage.PairRequest(identity.name(), Pairing.requesterProof(code, identity.fingerprint(),
                            server, identity.name())));
            if (!(answer instanceof AxonMessage.PairReply reply)) {
                throw new IOException(address + " answered pairing with " + answer.getClass().getSimpleName());
            }
            if (!reply.accepted()) {
                throw new IOException(address + " refused to pair: " + reply.why());
            }
            if (!Pairing.same(reply.proof(), Pairing.acceptorProof(code, server, identity.fingerprint(),
                    reply.name()))) {
                throw new IOException(address + " accepted, but its proof does not check: it does not know the code "
                        + "(someone between us?); nothing was pinned here");
            }
            return new Peer(name.isEmpty() ? reply.name() : NodeIdentity.checkedName(name), address, server, Set.of(),
                    false, Instant.now().toString());
        } catch (StatusRuntimeException e) {
            throw new IOException("pairing with " + address + " failed: " + describe(e), e);
        } finally {
            channel.shutdownNow();
        }
    }

    /** Waits until {@code channel} is connected (its TLS handshake done), or throws with why not. */
    static void waitReady(ManagedChannel channel, String address, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        ConnectivityState state = channel.getState(true);
        while (state != ConnectivityState.READY) {
            if (System.nanoTime() > end) {
                throw new IOException("no connection to " + address + " within " + deadline.toMillis() + " ms ("
                        + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
            }
            java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
            channel.notifyWhenStateChanged(state, changed::countDown);
            try {
                changed.await(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while connecting to " + address, e);
            }
            state = channel.getState(true);
            if (state == ConnectivityState.TRANSIENT_FAILURE) {
                throw new IOException("no connection to " + address + ": " + whyNot(channel));
            }
        }
    }

    /** Why a channel in transient failure is not connected: a call's error says (refused, TLS, no route). */
    private static String whyNot(ManagedChannel channel) {
        try {
            ClientCalls.blockingUnaryCall(channel, AxonWire.PING, CallOptions.DEFAULT.withDeadlineAfter(2,
                    TimeUnit.SECONDS), new AxonMessage.Ping(0));
            return "it failed, then answered";
        } catch (StatusRuntimeException e) {
            return describe(e);
        }
    }

    /** A gRPC failure as a person reads it. */
    public static String describe(StatusRuntimeException e) {
        String description = e.getStatus().getDescription();
        Throwable cause = e.getStatus().getCause();
        return e.getStatus().getCode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (description == null ? "" : ": " + description)
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
