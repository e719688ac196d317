package dev.cellshell.axon;

import dev.cellshell.ipc.AxonMessage;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A node's gateway: a gRPC server on the one address it is configured for, over TLS that requires a client
 * certificate and accepts only pinned ones (any self-signed one only while a pairing code is open, and then only for
 * {@code Pair}). It answers pairing, pings, and opens cell streams for paired peers ({@link Cells}).
 */
public final class Gateway implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);
    private static final Context.Key<String> FINGERPRINT = Context.key("axon-peer-fingerprint");

    /** What the node does for a paired peer. */
    public interface Cells {
        /** A cell stream from {@code peer} opened: returns where its messages go; answers go to {@code toPeer}. */
        StreamObserver<AxonMessage> open(Peer peer, StreamObserver<AxonMessage> toPeer);

        /** The ids of the cells this node runs for {@code peer} now. */
        List<String> cellsFor(Peer peer);
    }

    private final Server server;
    private final NodeIdentity identity;
    private final PeerBook book;
    private final Invites invites;

    private Gateway(Server server, NodeIdentity identity, PeerBook book, Invites invites) {
        this.server = server;
        this.identity = identity;
        this.book = book;
        this.invites = invites;
    }

    /** Listens on {@code address} ({@code host:port}; port 0 picks one). */
    public static Gateway start(NodeIdentity identity, String address, PeerBook book, Invites invites, Cells cells)
            throws IOException {
        Peer.checkedAddress(address, 0);
        PinnedTrust trust = new PinnedTrust(fingerprint -> book.withFingerprint(fingerprint).isPresent()
                || invites.current().isPresent(), "client", Gateway::refusedHandshake);
        var ssl = GrpcSslContexts.configure(SslContextBuilder.forServer(identity.key(), identity.certificate()))
                .trustManager(trust).clientAuth(ClientAuth.REQUIRE).build();
        Gateway[] self = new Gateway[1];
        ServerServiceDefinition service = ServerServiceDefinition.builder(AxonWire.SERVICE)
                .addMethod(AxonWire.PAIR, ServerCalls.asyncUnaryCall((request, reply) ->
                        self[0].pair(request, reply)))
                .addMethod(AxonWire.PING, ServerCalls.asyncUnaryCall((request, reply) -> {
                    Peer peer = self[0].pinnedCaller(reply);
                    if (peer != null && request instanceof AxonMessage.Ping ping) {
                        reply.onNext(new AxonMessage.Pong(ping.sentNanos(), identity.name(), cells.cellsFor(peer)));
                        reply.onCompleted();
                    } else if (peer != null) {
                        reply.onError(Status.INVALID_ARGUMENT.withDescription("not a ping").asRuntimeException());
                    }
                }))
                .addMethod(AxonWire.CELLS, ServerCalls.asyncBidiStreamingCall(toPeer -> {
                    Peer peer = self[0].pinnedCaller(toPeer);
                    if (peer == null) {
                        return new Ignoring();
                    }
                    return cells.open(peer, toPeer);
                }))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(Peer.host(address), Peer.port(address)))
                .sslContext(ssl)
                .maxInboundMessageSize(AxonWire.MAX_MESSAGE_BYTES)
                .permitKeepAliveTime(500, TimeUnit.MILLISECONDS)
                .permitKeepAliveWithoutCalls(true)
                .keepAliveTime(Links.KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS)
                .keepAliveTimeout(Links.KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS)
                .addService(ServerInterceptors.intercept(service, new CallerCertificate()))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new IOException("the gateway cannot listen on " + address + ": " + e.getMessage(), e);
        }
        self[0] = new Gateway(server, identity, book, invites);
        LOG.info("gateway of node '{}' listens on {} (fingerprint {})", identity.name(), self[0].address(address),
                Fingerprints.shortForm(identity.fingerprint()));
        return self[0];
    }

    private static final java.util.concurrent.atomic.AtomicLong LAST_REFUSAL_LOGGED =
            new java.util.concurrent.atomic.AtomicLong();

    /** Logs a refused handshake, at most one a second (a scanner must not flood the log). */
    private static void refusedHandshake(String why) {
        long now = System.nanoTime();
        long last = LAST_REFUSAL_LOGGED.get();
        if (now - last > 1_000_000_000L && LAST_REFUSAL_LOGGED.compareAndSet(last, now)) {
            LOG.warn("gateway refused a connection: {}", why);
        }
    }

    /** The port it listens on (the one picked when asked for 0). */
    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    private String address(String asked) {
        return Peer.host(asked) + ":" + port();
    }

    private Peer pinnedCaller(StreamObserver<AxonMessage> reply) {
        String fingerprint = FINGERPRINT.get();
        Peer peer = fingerprint == null ? null : book.withFingerprint(fingerprint).orElse(null);
        if (peer == null) {
            reply.onError(Status.PERMISSION_DENIED.withDescription("this node has not paired with "
                    + (fingerprint == null ? "you" : Fingerprints.shortForm(fingerprint))).asRuntimeException());
        }
        return peer;
    }

    private void pair(AxonMessage request, StreamObserver<AxonMessage> reply) {
        String fingerprint = FINGERPRINT.get();
        Invites.Invite invite = invites.current().orElse(null);
        AxonMessage.PairReply answer;
        if (!(request instanceof AxonMessage.PairRequest ask) || fingerprint == null) {
            answer = refusal("not a pairing request");
        } else if (invite == null) {
            answer = refusal("no pairing code is open on node '" + identity.name() + "' (run 'cell node invite' "
                    + "there)");
        } else if (!Pairing.same(ask.proof(), Pairing.requesterProof(invite.code(), fingerprint,
                identity.fingerprint(), ask.name()))) {
            int left = invites.wrongTry(invite);
            LOG.warn("pairing refused: wrong code from {} (claims '{}'); {} tries left", Fingerprints.shortForm(
                    fingerprint), ask.name(), left);
            answer = refusal("wrong code" + (left == 0 ? "; the code is void now, ask for a new one" : ""));
        } else {
            answer = accept(ask, fingerprint, invite);
        }
        reply.onNext(answer);
        reply.onCompleted();
    }

    private AxonMessage.PairReply accept(AxonMessage.PairRequest ask, String fingerprint, Invites.Invite invite) {
        try {
            NodeIdentity.checkedName(ask.name());
            Peer known = book.named(ask.name()).orElse(null);
            if (known != null && !known.fingerprint().equals(fingerprint)) {
                return refusal("node '" + identity.name() + "' has paired with another node called '" + ask.name()
                        + "'; forget that one there first ('cell node forget " + ask.name() + "')");
            }
            Peer peer = new Peer(ask.name(), known == null ? "" : known.address(), fingerprint, invite.types(),
                    invite.mayRunCode(), Instant.now().toString());
            book.put(peer);
            invites.used(invite);
            LOG.info("paired with node '{}' ({}): it may run {} here, {}", peer.name(),
                    Fingerprints.shortForm(fingerprint), peer.types().isEmpty() ? "nothing"
                            : String.join(", ", new java.util.TreeSet<>(peer.types())),
                    peer.mayRunCode() ? "with its own sources" : "only with this node's sources");
            return new AxonMessage.PairReply(true, identity.name(), Pairing.acceptorProof(invite.code(),
                    identity.fingerprint(), fingerprint, identity.name()), "");
        } catch (IllegalArgumentException | IOException e) {
            return refusal(e.getMessage());
        }
    }

    private static AxonMessage.PairReply refusal(String why) {
        return new AxonMessage.PairReply(false, "", new byte[0], why);
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts the caller's certificate fingerprint (from the TLS session) into the call's context. */
    private static final class CallerCertificate implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                ServerCallHandler<Q, A> next) {
            SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            String fingerprint = null;
            try {
                if (session != null && session.getPeerCertificates().length > 0
                        && session.getPeerCertificates()[0] instanceof X509Certificate leaf) {
                    fingerprint = Fingerprints.of(leaf);
                }
            } catch (SSLPeerUnverifiedException e) {
                fingerprint = null;
            }
            return Contexts.interceptCall(Context.current().withValue(FINGERPRINT, fingerprint), call, headers, next);
        }
    }

    /** The stream of a caller that was refused: whatever it still sends goes nowhere. */
    private static final class Ignoring implements StreamObserver<AxonMessage> {
        @Override
        public void onNext(AxonMessage value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
