package dev.cellshell.axon;

import dev.cellshell.ipc.AxonMessage;
import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * This node's link to one paired peer: a gRPC channel that trusts only the peer's pinned certificate and reconnects
 * after a failure with a backoff of its own (250 ms doubling to 2 s, so that a link that comes back is used within
 * 2 s, not after gRPC's two-minute cap). Whether it is up is what a heartbeat says: a {@code Ping} every
 * {@value #BEAT_MILLIS} ms that must be answered within {@value #BEAT_DEADLINE_MILLIS} ms (gRPC's own client
 * keepalive cannot ping more often than every 10 s, which would leave a partition unseen for 11 s). A missed beat
 * takes the link down at once (its connection is dropped; {@code onReady(false)}), the next answered one brings it up.
 */
public final class PeerLink implements AutoCloseable {

    static final long BEAT_MILLIS = 400;
    static final long BEAT_DEADLINE_MILLIS = 1_200;
    private static final long FIRST_RETRY_MILLIS = 250;
    private static final long LAST_RETRY_MILLIS = 2_000;

    private final Peer peer;
    private final ManagedChannel channel;
    private final ScheduledExecutorService timer;
    private final Consumer<Boolean> onReady;
    private volatile boolean closed;
    private volatile boolean ready;
    private long retryMillis = FIRST_RETRY_MILLIS;
    private volatile long lastRoundTripNanos = -1;

    private PeerLink(Peer peer, ManagedChannel channel, ScheduledExecutorService timer, Consumer<Boolean> onReady) {
        this.peer = peer;
        this.channel = channel;
        this.timer = timer;
        this.onReady = onReady;
    }

    /** Starts connecting to {@code peer} (which must have an address) at once. */
    public static PeerLink open(NodeIdentity identity, Peer peer, ScheduledExecutorService timer,
            Consumer<Boolean> onReady) throws IOException {
        if (peer.address().isEmpty()) {
            throw new IOException("node '" + peer.name() + "' paired with this one; this one does not know where it "
                    + "listens (pair from here, or 'cell node address " + peer.name() + " HOST:PORT')");
        }
        ManagedChannel channel = Links.channel(identity, peer.address(), peer.fingerprint()::equals);
        PeerLink link = new PeerLink(peer, channel, timer, onReady);
        link.watch(channel.getState(true));
        link.beat();
        return link;
    }

    public Peer peer() {
        return peer;
    }

    public boolean ready() {
        return ready;
    }

    /** {@code ready}, {@code connecting}, {@code transient failure}, {@code idle} or {@code shutdown}. */
    public String state() {
        return channel.getState(false).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private void beat() {
        if (closed) {
            return;
        }
        long sent = System.nanoTime();
        ClientCalls.asyncUnaryCall(channel.newCall(AxonWire.PING, CallOptions.DEFAULT.withDeadlineAfter(
                BEAT_DEADLINE_MILLIS, TimeUnit.MILLISECONDS)), new AxonMessage.Ping(sent), new StreamObserver<>() {
                    @Override
                    public void onNext(AxonMessage answer) {
                        lastRoundTripNanos = System.nanoTime() - sent;
                        up(true);
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (ready) {
                            // whatever connection there is cannot be trusted: a new one is made for the next call
                            channel.enterIdle();
                        }
                        up(false);
                        next(sent);
                    }

                    @Override
                    public void onCompleted() {
                        next(sent);
                    }
                });
    }

    private void next(long sent) {
        if (!closed) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            timer.schedule(this::beat, Math.max(0, BEAT_MILLIS - waited), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void up(boolean now) {
        if (now != ready && !closed) {
            ready = now;
            onReady.accept(now);
        }
    }

    /** The round trip of the last answered heartbeat, or -1. */
    public long lastRoundTripNanos() {
        return lastRoundTripNanos;
    }

    private void watch(ConnectivityState state) {
        if (closed) {
            return;
        }
        boolean now = state == ConnectivityState.READY;
        if (now) {
            retryMillis = FIRST_RETRY_MILLIS;
        } else if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.IDLE) {
            long delay = retryMillis;
            retryMillis = Math.min(LAST_RETRY_MILLIS, retryMillis * 2);
            timer.schedule(() -> {
                if (!closed) {
                    channel.resetConnectBackoff();
                    channel.getState(true);
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
        channel.notifyWhenStateChanged(state, () -> watch(channel.getState(false)));
    }

    /** Opens a cell stream: {@code fromPeer} gets the node's messages; returns where ours go. */
    public StreamObserver<AxonMessage> openCells(StreamObserver<AxonMessage> fromPeer) {
        return ClientCalls.asyncBidiStreamingCall(channel.newCall(AxonWire.CELLS, CallOptions.DEFAULT), fromPeer);
    }

    /** Pings the peer: its answer, with the round trip measured here. */
    public Pong ping(Duration deadline) throws IOException {
        long sent = System.nanoTime();
        try {
            AxonMessage answer = ClientCalls.blockingUnaryCall(channel, AxonWire.PING,
                    CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS),
                    new AxonMessage.Ping(sent));
            if (!(answer instanceof AxonMessage.Pong pong)) {
                throw new IOException("node '" + peer.name() + "' answered a ping with "
                        + answer.getClass().getSimpleName());
            }
            return new Pong(System.nanoTime() - sent, pong.name(), pong.cells());
        } catch (StatusRuntimeException e) {
            throw new IOException("node '" + peer.name() + "': " + Links.describe(e), e);
        }
    }

    /** A ping's answer: round trip, the node's own name, the cells it runs for us. */
    public record Pong(long roundTripNanos, String name, java.util.List<String> cells) {
    }

    @Override
    public void close() {
        closed = true;
        channel.shutdownNow();
    }
}
