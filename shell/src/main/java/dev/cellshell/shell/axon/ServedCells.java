package dev.cellshell.shell.axon;

import dev.cellshell.axon.Gateway;
import dev.cellshell.axon.Peer;
import dev.cellshell.ipc.AxonMessage;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.host.Hosts;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's side of remote cells: for each cell stream a paired peer opens, a {@link ServedStream} with a cell host
 * of this node's own (a child process behind the same walls as every host here). What the peer may run is checked
 * against its permissions; what it sends is compiled here, audited here, and its services are this machine's.
 */
public final class ServedCells implements Gateway.Cells {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServedCells.class);

    /** The most streams (remote cell hosts) one peer may have open here at once. */
    static final int MAX_STREAMS_PER_PEER = 8;

    private final PeerWork tissue;
    private final Hosts.Factory hosts;
    private final PeerAudit audit;
    private final Set<ServedStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong streams = new AtomicLong();
    /** Shared by all of a peer's streams: opening more streams buys no more compiles. */
    private final CompileAllowance compiles = new CompileAllowance();

    /** Records what a peer asked this node to run, and what came of it. */
    public interface PeerAudit {
        void record(String peer, String action, String type, long generation, List<SourceFile> sources,
                List<SourceFile> own, String result);
    }

    public ServedCells(PeerWork tissue, Hosts.Factory hosts, PeerAudit audit) {
        this.tissue = tissue;
        this.hosts = hosts;
        this.audit = audit;
    }

    @Override
    public StreamObserver<AxonMessage> open(Peer peer, StreamObserver<AxonMessage> toPeer) {
        long already = open.stream().filter(s -> s.peer().name().equals(peer.name())).count();
        if (already >= MAX_STREAMS_PER_PEER) {
            toPeer.onNext(new AxonMessage.Gone("node '" + peer.name() + "' has " + already + " cell hosts here "
                    + "already (at most " + MAX_STREAMS_PER_PEER + ")", false));
            toPeer.onCompleted();
            return new StreamObserver<>() {
                @Override
                public void onNext(AxonMessage value) {
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                }
            };
        }
        ServedStream stream = new ServedStream(peer, "peer-" + peer.name() + "-" + streams.incrementAndGet(), toPeer,
                tissue, hosts, audit, compiles, open::remove);
        open.add(stream);
        LOG.info("node '{}' opened a cell stream ({})", peer.name(), stream.hostName());
        return stream;
    }

    @Override
    public List<String> cellsFor(Peer peer) {
        List<String> cells = new ArrayList<>();
        open.stream().filter(s -> s.peer().name().equals(peer.name())).forEach(s -> cells.addAll(s.cells()));
        return cells.stream().sorted().toList();
    }

    /** Every cell this node runs for others, as {@code peer/cell}. */
    public List<String> served() {
        List<String> cells = new ArrayList<>();
        open.forEach(s -> s.cells().forEach(c -> cells.add(s.peer().name() + "/" + c)));
        return cells.stream().sorted().toList();
    }

    /** Ends every stream (their hosts are killed). */
    public void close() {
        List.copyOf(open).forEach(ServedStream::end);
    }
}
