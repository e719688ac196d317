package dev.cellshell.shell.axon;

import dev.cellshell.axon.Peer;
import dev.cellshell.ipc.AxonMessage;
import dev.cellshell.ipc.Frames;
import dev.cellshell.ipc.HostCodec;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Answer;
import dev.cellshell.ipc.ProtocolException;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.host.CellHost;
import dev.cellshell.shell.host.Hosts;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One cell stream a peer opened: its messages are worked off in order on a lane of their own (never on gRPC's
 * threads), into a cell host this node started for it. A {@code DefineSource} is checked against the peer's
 * permissions and its {@link CompileAllowance}, compiled here (the peer's sources when it may send code, else this
 * node's own of the type) and audited; other requests go to the host as they are; answers go back with their drawings as deltas. The host dying
 * ends the stream ({@code Gone}); the stream ending kills the host.
 */
final class ServedStream implements StreamObserver<AxonMessage> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServedStream.class);
    private static final HostCodec HOST = new HostCodec();
    /** What a peer may send as the sources of one type. */
    static final int MAX_SOURCE_FILES = 32;
    static final int MAX_SOURCE_BYTES = 1 << 20;

    private final Peer peer;
    private final String hostName;
    private final StreamObserver<AxonMessage> toPeer;
    private final PeerWork tissue;
    private final Hosts.Factory factory;
    private final ServedCells.PeerAudit audit;
    private final Consumer<ServedStream> ended;
    private final CompileAllowance compiles;
    private final ExecutorService lane;
    private final ListDeltas deltas = new ListDeltas();
    /** Generation number (the peer's) → the services its classes declare, as compiled here. */
    private final Map<Long, Set<String>> usesOf = new ConcurrentHashMap<>();
    /** Instance → generation, and instance → cell id, of what the host holds. */
    private final Map<Long, Long> generationOf = new ConcurrentHashMap<>();
    private final Map<Long, String> cellOf = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<String>> calling = new ThreadLocal<>();
    private CellHost host;
    private volatile boolean over;

    ServedStream(Peer peer, String hostName, StreamObserver<AxonMessage> toPeer, PeerWork tissue, Hosts.Factory factory,
            ServedCells.PeerAudit audit, CompileAllowance compiles, Consumer<ServedStream> ended) {
        this.peer = peer;
        this.compiles = compiles;
        this.hostName = hostName;
        this.toPeer = toPeer;
        this.tissue = tissue;
        this.factory = factory;
        this.audit = audit;
        this.ended = ended;
        this.lane = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "axon-" + hostName);
            thread.setDaemon(true);
            return thread;
        });
    }

    Peer peer() {
        return peer;
    }

    String hostName() {
        return hostName;
    }

    List<String> cells() {
        return cellOf.values().stream().distinct().sorted().toList();
    }

    @Override
    public void onNext(AxonMessage message) {
        try {
            lane.execute(() -> handle(message));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // over: whatever still arrives goes nowhere
        }
    }

    @Override
    public void onError(Throwable t) {
        LOG.info("node '{}': cell stream {} broke ({}); its cell host goes", peer.name(), hostName, t.toString());
        end();
    }

    @Override
    public void onCompleted() {
        end();
    }

    /** Ends the stream: the host is killed, the peer told (when it still listens). */
    void end() {
        if (over) {
            return;
        }
        over = true;
        lane.execute(() -> {
            if (host != null) {
                host.close();
            }
        });
        lane.shutdown();
        try {
            toPeer.onCompleted();
        } catch (RuntimeException e) {
            // the call was cancelled already
        }
        ended.accept(this);
    }

    private void handle(AxonMessage message) {
        if (over) {
            return;
        }
        try {
            if (message instanceof AxonMessage.Open) {
                return;
            }
            if (message instanceof AxonMessage.DefineSource define) {
                reply(define.sequence(), 0, define(define));
            } else if (message instanceof AxonMessage.Call call) {
                HostMessage request = HOST.decode(Frames.decode(ByteBuffer.wrap(call.request())));
                long instance = ListDeltas.instanceOf(request);
                reply(call.sequence(), instance, forward(call.cellId(), request));
            } else {
                refuse("a " + message.getClass().getSimpleName() + " on a cell stream");
            }
        } catch (ProtocolException | IllegalArgumentException e) {
            refuse("broke the protocol: " + e.getMessage());
        } catch (CellHost.HostDied e) {
            LOG.warn("node '{}': cell host {} died: {}", peer.name(), hostName, e.getMessage());
            gone(e.getMessage(), e.cellsFault());
        }
    }

    private void refuse(String why) {
        LOG.warn("node '{}' {}; its stream is closed", peer.name(), why);
        gone("this node closed the stream: " + why, false);
    }

    private void gone(String why, boolean cellsFault) {
        try {
            toPeer.onNext(new AxonMessage.Gone(why, cellsFault));
        } catch (RuntimeException e) {
            // cancelled already
        }
        end();
    }

    private Answer define(AxonMessage.DefineSource define) throws CellHost.HostDied {
        String type = define.type();
        if (!type.matches("[A-Z][A-Za-z0-9_]{0,63}")) {
            return failed(define, List.of(), "refused: '" + type + "' is no cell type name");
        }
        String refused = peer.refusal(type);
        if (refused != null) {
            return failed(define, List.of(), "refused: " + refused);
        }
        List<SourceFile> sent = new ArrayList<>();
        int bytes = 0;
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(define.sources()).entrySet()) {
            if (!file.getKey().matches("[A-Za-z][A-Za-z0-9_]{0,63}\\.java")) {
                return failed(define, List.of(), "refused: '" + file.getKey() + "' is no source file name");
            }
            bytes += file.getValue().length();
            sent.add(new SourceFile(file.getKey(), file.getValue()));
        }
        if (sent.size() > MAX_SOURCE_FILES || bytes > MAX_SOURCE_BYTES) {
            return failed(define, sent, "refused: " + sent.size() + " files, " + bytes + " characters (at most "
                    + MAX_SOURCE_FILES + " files, " + MAX_SOURCE_BYTES + ")");
        }
        List<SourceFile> own = tissue.ownSources(type);
        List<SourceFile> compiled = peer.mayRunCode() ? sent : own;
        if (compiled.isEmpty()) {
            return failed(define, sent, "refused: node '" + peer.name() + "' may not send code here, and this node "
                    + "has no " + type + " of its own");
        }
        String tooMany = compiles.ask(peer.name());
        if (tooMany != null) {
            return failed(define, sent, "refused: " + tooMany);
        }
        PeerWork.Code code;
        try {
            code = tissue.compileForPeer(type, compiled).get(RemoteHost.DEFINE_DEADLINE_MILLIS - 5_000,
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return failed(define, sent, "refused: the compile did not finish (" + e + ")");
        }
        if (code.refused() != null) {
            return failed(define, sent, "refused: " + code.refused());
        }
        Answer answer = host().call("", new HostMessage.Define(define.generation(), type, code.classes()));
        if (answer instanceof HostMessage.Failed failed) {
            return failed(define, sent, "refused: " + failed.error());
        }
        usesOf.put(define.generation(), code.uses());
        String whose = peer.mayRunCode() ? "its own sources" : "this node's sources";
        audit.record(peer.name(), "remote-define", type, define.generation(), sent, own, "ran for " + peer.name()
                + " with " + whose);
        LOG.info("node '{}' runs {} generation {} here ({}; uses {})", peer.name(), type, define.generation(), whose,
                code.uses().isEmpty() ? "no services" : String.join(", ", code.uses()));
        return answer;
    }

    private Answer failed(AxonMessage.DefineSource define, List<SourceFile> sent, String result) {
        audit.record(peer.name(), "remote-define", define.type(), define.generation(), sent,
                tissue.ownSources(define.type()), result);
        LOG.warn("node '{}' asked to run {}: {}", peer.name(), define.type(), result);
        return new HostMessage.Failed(result.startsWith("refused: ") ? result.substring(9) : result);
    }

    private Answer forward(String cellId, HostMessage request) throws CellHost.HostDied {
        if (!(request instanceof HostMessage.UseTheme || request instanceof HostMessage.Instantiate
                || request instanceof HostMessage.Render || request instanceof HostMessage.Event
                || request instanceof HostMessage.Broadcast || request instanceof HostMessage.ReadState
                || request instanceof HostMessage.Close || request instanceof HostMessage.Forget)) {
            // a Define travels as sources; answers, hellos and service traffic are the host's and this node's
            throw new IllegalArgumentException("a " + request.getClass().getSimpleName() + " may not be forwarded");
        }
        long instance = ListDeltas.instanceOf(request);
        Long generation = request instanceof HostMessage.Instantiate make ? (Long) make.generation()
                : generationOf.get(instance);
        if (request instanceof HostMessage.Instantiate make && !usesOf.containsKey(make.generation())) {
            return new HostMessage.Failed("generation " + make.generation() + " was not defined on this stream");
        }
        calling.set(generation == null ? Set.of() : usesOf.getOrDefault(generation, Set.of()));
        try {
            Answer answer = host().call(cellId, request);
            if (request instanceof HostMessage.Instantiate make && !(answer instanceof HostMessage.Failed)) {
                generationOf.put(make.instance(), make.generation());
                cellOf.put(make.instance(), make.cellId());
            } else if (request instanceof HostMessage.Close close) {
                generationOf.remove(close.instance());
                cellOf.remove(close.instance());
                deltas.forget(close.instance());
            }
            return answer;
        } finally {
            calling.remove();
        }
    }

    private CellHost host() throws CellHost.HostDied {
        if (host == null || !host.alive()) {
            try {
                host = factory.start(hostName, (cellId, call) -> {
                    Set<String> uses = calling.get();
                    return tissue.answerForPeer(peer.name(), cellId, uses == null ? Set.of() : uses, call);
                }, (dead, why) -> {
                    if (dead == host) {
                        onNextDeath(why);
                    }
                });
            } catch (IOException e) {
                throw new CellHost.HostDied("no cell host for node '" + peer.name() + "': " + e.getMessage(), false);
            }
        }
        return host;
    }

    private void onNextDeath(String why) {
        try {
            lane.execute(() -> gone(why, false));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // over already
        }
    }

    private void reply(long sequence, long instance, Answer answer) {
        byte[] drawing = ListDeltas.drawingOf(answer);
        AxonMessage.Reply reply;
        if (drawing == null || instance == 0) {
            reply = new AxonMessage.Reply(sequence, HOST.encode(answer), instance, -1, -1);
        } else {
            ListDeltas.Delta delta = deltas.encode(instance, drawing);
            reply = new AxonMessage.Reply(sequence, HOST.encode(ListDeltas.withDrawing(answer, delta.middle())),
                    instance, delta.prefix(), delta.suffix());
        }
        try {
            toPeer.onNext(reply);
        } catch (RuntimeException e) {
            end();
        }
    }
}
