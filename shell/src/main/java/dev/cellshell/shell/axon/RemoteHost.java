package dev.cellshell.shell.axon;

import dev.cellshell.axon.PeerLink;
import dev.cellshell.ipc.AxonMessage;
import dev.cellshell.ipc.Frames;
import dev.cellshell.ipc.HostCodec;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Answer;
import dev.cellshell.ipc.ProtocolException;
import dev.cellshell.shell.host.CellHost;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A cell host on another node, reached through the gateway: one gRPC stream ({@code Cells}) to the node, which runs
 * a cell host of its own for it. Definitions travel as sources (the node compiles and checks them itself); every
 * other request and its answer as the host protocol's own frames, drawings as deltas. Its services are the node's.
 * When the stream fails (a partition: keepalive notices in about 2 s) or the node's host dies, this host is dead like
 * a local one that died, and the tissue restores its cells in a new one when the link is back.
 */
final class RemoteHost implements CellHost {

    /** Most calls: the node's own host deadline (1 s) plus a slow link. */
    static final long CALL_DEADLINE_MILLIS = 5_000;
    /** A definition: the node compiles the sources first (a cold compiler takes seconds). */
    static final long DEFINE_DEADLINE_MILLIS = 30_000;

    private static final HostCodec HOST = new HostCodec();

    private final String name;
    private final String node;
    private final StreamObserver<AxonMessage> toNode;
    private final LinkedBlockingQueue<AxonMessage> fromNode = new LinkedBlockingQueue<>();
    private final ListDeltas deltas = new ListDeltas();
    private final Traffic traffic;
    private final BiConsumer<CellHost, String> deaths;
    private final Object state = new Object();
    private volatile String gone;
    private volatile boolean goneCellsFault;
    /** Guarded by {@link #state}: a call is waiting for its answer; the death was reported to the tissue. */
    private boolean inCall;
    private boolean reported;
    private long sequence;

    private RemoteHost(String name, String node, PeerLink link, BiConsumer<CellHost, String> deaths, Traffic traffic) {
        this.name = name;
        this.node = node;
        this.traffic = traffic;
        this.deaths = deaths;
        this.toNode = link.openCells(new StreamObserver<>() {
            @Override
            public void onNext(AxonMessage message) {
                if (message instanceof AxonMessage.Gone g) {
                    dies("node " + node + ": " + g.why(), g.cellsFault(), deaths);
                }
                fromNode.add(message);
            }

            @Override
            public void onError(Throwable t) {
                dies("disconnected from " + node + " (" + (t instanceof io.grpc.StatusRuntimeException s
                        ? dev.cellshell.axon.Links.describe(s) : t.toString()) + ")", false, deaths);
            }

            @Override
            public void onCompleted() {
                dies("node " + node + " closed the stream", false, deaths);
            }
        });
        toNode.onNext(new AxonMessage.Open(name));
    }

    /**
     * Opens a stream to {@code node} over {@code link}, which must be up: nothing waits for a network that is not
     * there (the tissue tries again when the link comes back).
     */
    static RemoteHost open(String name, String node, PeerLink link, BiConsumer<CellHost, String> deaths,
            Traffic traffic) throws IOException {
        if (!link.ready()) {
            throw new IOException("disconnected from " + node + " (" + link.state() + ")");
        }
        return new RemoteHost(name, node, link, deaths, traffic);
    }

    /** The link to its node went down (a missed heartbeat): this host is gone, its stream with it. */
    void linkLost(String why) {
        dies(why, false, deaths);
        try {
            toNode.onError(io.grpc.Status.UNAVAILABLE.withDescription(why).asRuntimeException());
        } catch (RuntimeException e) {
            // over already
        }
    }

    /**
     * The host is gone. A call in progress reports it itself (it reads the {@code Gone} this queues and throws
     * {@link HostDied}, saying whether the cell is to blame); otherwise the tissue is told now, as for a local host
     * that dies between calls. Never waits for a call: it runs on gRPC's threads and the heartbeat's.
     */
    private void dies(String why, boolean cellsFault, BiConsumer<CellHost, String> deaths) {
        synchronized (state) {
            if (gone != null) {
                return;
            }
            goneCellsFault = cellsFault;
            gone = why;
            fromNode.add(new AxonMessage.Gone(why, cellsFault));
            if (inCall) {
                return;
            }
            reported = true;
        }
        deaths.accept(this, why);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Answer call(String cellId, HostMessage request) throws HostDied {
        synchronized (state) {
            if (gone != null) {
                throw new HostDied(gone, false);
            }
            inCall = true;
        }
        boolean threw = false;
        try {
            return exchange(cellId, request);
        } catch (HostDied e) {
            threw = true;
            synchronized (state) {
                reported = true;
            }
            throw e;
        } finally {
            boolean report;
            synchronized (state) {
                inCall = false;
                // it died while this call was in flight, but the answer came first: tell the tissue now
                report = !threw && gone != null && !reported;
                reported |= report;
            }
            if (report) {
                deaths.accept(this, gone);
            }
        }
    }

    private Answer exchange(String cellId, HostMessage request) throws HostDied {
        long seq = ++sequence;
        AxonMessage out;
        long deadline = CALL_DEADLINE_MILLIS;
        if (request instanceof HostMessage.Define define) {
            out = new AxonMessage.DefineSource(seq, define.generation(), define.type(), define.sources());
            deadline = DEFINE_DEADLINE_MILLIS;
        } else {
            out = new AxonMessage.Call(seq, cellId, HOST.encode(request));
        }
        if (request instanceof HostMessage.Close close) {
            deltas.forget(close.instance());
        }
        traffic.sent(out);
        try {
            toNode.onNext(out);
        } catch (RuntimeException e) {
            throw new HostDied("disconnected from " + node + " (" + e + ")", false);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadline);
        while (true) {
            AxonMessage message;
            try {
                message = fromNode.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HostDied("interrupted waiting for node " + node, false);
            }
            if (message == null) {
                close();
                throw new HostDied("node " + node + " did not answer within " + deadline + " ms", false);
            }
            if (message instanceof AxonMessage.Gone g) {
                throw new HostDied(gone != null ? gone : g.why(), goneCellsFault);
            }
            if (message instanceof AxonMessage.Reply reply && reply.sequence() == seq) {
                Answer answer = answer(reply);
                byte[] drawing = ListDeltas.drawingOf(answer);
                traffic.received(reply, reply.prefix() < 0 || drawing == null ? 0
                        : reply.prefix() + reply.suffix());
                return answer;
            }
            // an answer to a call that timed out earlier: dropped
        }
    }

    private Answer answer(AxonMessage.Reply reply) throws HostDied {
        try {
            HostMessage message = HOST.decode(Frames.decode(ByteBuffer.wrap(reply.answer())));
            if (!(message instanceof Answer answer)) {
                throw new ProtocolException("a " + message.getClass().getSimpleName() + " is no answer");
            }
            byte[] drawing = ListDeltas.drawingOf(answer);
            if (drawing == null) {
                return answer;
            }
            return ListDeltas.withDrawing(answer, deltas.decode(reply.instance(), reply.prefix(), reply.suffix(),
                    drawing));
        } catch (ProtocolException | IllegalArgumentException e) {
            close();
            throw new HostDied("node " + node + " broke the protocol: " + e.getMessage(), false);
        }
    }

    @Override
    public List<String> walls() {
        return List.of("on node " + node);
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public boolean alive() {
        return gone == null;
    }

    @Override
    public void close() {
        synchronized (state) {
            if (gone == null) {
                gone = "closed";
                reported = true;
            }
        }
        try {
            toNode.onCompleted();
        } catch (RuntimeException e) {
            // the stream was over already
        }
    }

    /** Counts what crosses the network for remote cells (bytes per second in {@code cell nodes} and the bench). */
    interface Traffic {
        void sent(AxonMessage message);

        /** @param spared the drawing's bytes that did not cross, being the same as in the previous drawing */
        void received(AxonMessage.Reply reply, int spared);
    }
}
