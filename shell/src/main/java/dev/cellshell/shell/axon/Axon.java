package dev.cellshell.shell.axon;

import dev.cellshell.axon.Fingerprints;
import dev.cellshell.axon.Gateway;
import dev.cellshell.axon.Invites;
import dev.cellshell.axon.Links;
import dev.cellshell.axon.NodeIdentity;
import dev.cellshell.axon.Peer;
import dev.cellshell.axon.PeerBook;
import dev.cellshell.axon.PeerLink;
import dev.cellshell.ipc.AxonMessage;
import dev.cellshell.shell.host.Hosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * This shell as a node: its identity and peers ({@code node/} in the workspace), its gateway (off unless
 * {@code node/gateway.properties} names where to listen), its links to peers, the cell hosts it has on them
 * ({@code node-<name>}, through {@link #hosts}) and the cells it runs for them ({@link ServedCells}).
 */
public final class Axon implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Axon.class);
    public static final String FOLDER = "node";
    public static final String GATEWAY_FILE = "gateway.properties";
    /** The prefix of the host a cell on node N runs in, in the tissue's book of hosts. */
    public static final String HOST_PREFIX = "node-";
    private static final Duration PAIR_DEADLINE = Duration.ofSeconds(10);

    private final Path folder;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "axon-links");
        thread.setDaemon(true);
        return thread;
    });
    private final Invites invites = new Invites(Clock.systemUTC());
    private final Map<String, PeerLink> links = new ConcurrentHashMap<>();
    private final Map<String, Counter> traffic = new ConcurrentHashMap<>();
    /** The hosts this node has on each peer: they go when the link does. */
    private final Map<String, Set<RemoteHost>> remotes = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Boolean> readiness = (node, ready) -> { };
    private volatile NodeIdentity identity;
    private volatile PeerBook book;
    private volatile Gateway gateway;
    private volatile String listening = "";
    private ServedCells served;

    private Axon(Path folder) {
        this.folder = folder;
    }

    /** The node of the workspace at {@code root}: its identity and peers when it has them. */
    public static Axon open(Path root) throws IOException {
        Axon axon = new Axon(root.resolve(FOLDER));
        if (NodeIdentity.exists(axon.folder)) {
            axon.identity = NodeIdentity.load(axon.folder);
        }
        axon.book = PeerBook.open(axon.folder);
        return axon;
    }

    /** Makes this workspace a node (files only: no shell needed). */
    public static NodeIdentity init(Path root, String name, String listen) throws IOException {
        Path folder = root.resolve(FOLDER);
        NodeIdentity made = NodeIdentity.create(folder, name);
        if (!listen.isEmpty()) {
            writeListen(folder, listen);
        }
        return made;
    }

    /** Tells {@code readiness} (any thread) when the link to a peer comes up or goes down. */
    public void onReadiness(BiConsumer<String, Boolean> readiness) {
        this.readiness = readiness;
    }

    /** Starts serving peers' cells for {@code tissue}, and the gateway when configured. */
    public void serve(PeerWork tissue, Hosts.Factory local, ServedCells.PeerAudit audit) {
        served = new ServedCells(tissue, local, audit);
        String listen = configuredListen();
        if (!listen.isEmpty()) {
            try {
                listen(listen);
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                LOG.error("the gateway is off: {}", e.getMessage());
            }
        }
        for (Peer peer : book.peers()) {
            if (!peer.address().isEmpty() && identity != null) {
                try {
                    link(peer.name());
                } catch (IOException e) {
                    LOG.error("no link to node '{}': {}", peer.name(), e.getMessage());
                }
            }
        }
    }

    /** The tissue's book of hosts: {@code node-<name>} on a peer, every other name from {@code local}. */
    public Hosts.Factory hosts(Hosts.Factory local) {
        return (name, desk, deaths) -> {
            if (!name.startsWith(HOST_PREFIX)) {
                return local.start(name, desk, deaths);
            }
            String node = name.substring(HOST_PREFIX.length());
            PeerLink link = link(node);
            if (link == null) {
                throw new IOException("no node '" + node + "' is paired with this one ('cell nodes' lists them)");
            }
            Set<RemoteHost> onNode = remotes.computeIfAbsent(node, n -> ConcurrentHashMap.newKeySet());
            onNode.removeIf(h -> !h.alive());
            RemoteHost host = RemoteHost.open(name, node, link, deaths, traffic.computeIfAbsent(node,
                    n -> new Counter()));
            onNode.add(host);
            return host;
        };
    }

    /** Whether a peer called {@code node} is paired and reachable by us (it has an address). */
    public boolean knows(String node) {
        return book.named(node).map(p -> !p.address().isEmpty()).orElse(false);
    }

    public boolean ready(String node) {
        PeerLink link = links.get(node);
        return link != null && link.ready();
    }

    private PeerLink link(String node) throws IOException {
        Peer peer = book.named(node).orElse(null);
        if (peer == null || identity == null) {
            return null;
        }
        PeerLink link = links.get(node);
        if (link != null && sameEnd(link.peer(), peer)) {
            return link;
        }
        synchronized (links) {
            link = links.get(node);
            if (link == null || !sameEnd(link.peer(), peer)) {
                if (link != null) {
                    link.close();
                }
                link = PeerLink.open(identity, peer, timer, ready -> {
                    LOG.info("link to node '{}' {}", node, ready ? "is up" : "is down (a heartbeat went unanswered)");
                    if (!ready) {
                        remotes.getOrDefault(node, Set.of()).forEach(h -> h.linkLost("disconnected from " + node
                                + " (no answer within 1.2 s)"));
                    }
                    readiness.accept(node, ready);
                });
                links.put(node, link);
            }
            return link;
        }
    }

    /** Whether a link to {@code a} reaches {@code b} (permissions may differ: they are about the other way). */
    private static boolean sameEnd(Peer a, Peer b) {
        return a.address().equals(b.address()) && a.fingerprint().equals(b.fingerprint());
    }

    // The verbs of 'cell node' and 'cell nodes'.

    /** Opens a pairing code: what a peer that uses it may run here. */
    public String invite(Set<String> types, boolean mayRunCode) {
        NodeIdentity me = identity();
        if (gateway == null) {
            throw new IllegalStateException("the gateway is off: a peer could not reach this node to pair ('cell "
                    + "node listen HOST:PORT' first)");
        }
        Invites.Invite invite = invites.open(types, mayRunCode);
        return "pairing code " + invite.code() + " (one use, 10 minutes)\non the other node: cell node pair "
                + listening + " --code " + invite.code() + "\nit may then run "
                + (types.isEmpty() ? "nothing" : String.join(", ", new java.util.TreeSet<>(types))) + " here, "
                + (mayRunCode ? "with the sources it sends" : "only with this node's own sources")
                + "\nthis node: " + me.name() + " " + Fingerprints.shortForm(me.fingerprint());
    }

    /** Pairs with the node at {@code address} that showed {@code code}. */
    public String pair(String address, String code, String name) throws IOException {
        NodeIdentity me = identity();
        Peer peer = Links.pair(me, address, code, name, PAIR_DEADLINE);
        Peer known = book.named(peer.name()).orElse(null);
        if (known != null && !known.fingerprint().equals(peer.fingerprint())) {
            throw new IOException("this node has paired with another node called '" + peer.name() + "' ("
                    + Fingerprints.shortForm(known.fingerprint()) + "): forget it first, or pair with --name");
        }
        if (known != null) {
            peer = peer.withPermissions(known.types(), known.mayRunCode());
        }
        book.put(peer);
        link(peer.name());
        return "paired with node '" + peer.name() + "' at " + address + " (" + Fingerprints.shortForm(
                peer.fingerprint()) + "): 'cell spawn TYPE --on " + peer.name() + "'";
    }

    /** Sets what {@code node} may run here. */
    public String allow(String node, Set<String> types, boolean mayRunCode) throws IOException {
        Peer peer = book.named(node).orElseThrow(() -> new IllegalArgumentException("no node '" + node + "'"));
        book.put(peer.withPermissions(types, mayRunCode));
        return "node '" + node + "' may run " + (types.isEmpty() ? "nothing" : String.join(", ",
                new java.util.TreeSet<>(types))) + " here" + (types.isEmpty() ? "" : mayRunCode
                        ? ", with the sources it sends" : ", only with this node's own sources");
    }

    public String forget(String node) throws IOException {
        if (!book.forget(node)) {
            throw new IllegalArgumentException("no node '" + node + "'");
        }
        PeerLink link = links.remove(node);
        if (link != null) {
            link.close();
        }
        return "forgot node '" + node + "': it can no longer connect here, nor this node there";
    }

    /** Turns the gateway on at {@code address}, or off ({@code off}); saved for the next start. */
    public String setListen(String address) throws IOException {
        identity();
        if (address.equals("off")) {
            Files.deleteIfExists(folder.resolve(GATEWAY_FILE));
            closeGateway();
            return "the gateway is off";
        }
        Peer.checkedAddress(address, 0);
        listen(address);
        writeListen(folder, address);
        return "the gateway listens on " + listening;
    }

    private synchronized void listen(String address) throws IOException {
        NodeIdentity me = identity();
        closeGateway();
        gateway = Gateway.start(me, address, book, invites, served);
        listening = address.substring(0, address.lastIndexOf(':')) + ":" + gateway.port();
    }

    private synchronized void closeGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
            listening = "";
        }
    }

    /** The gateway's address ({@code host:port}), empty when it is off. */
    public String listening() {
        return listening;
    }

    /** One line per peer, and this node's. */
    public List<NodeStatus> status() {
        List<NodeStatus> nodes = new ArrayList<>();
        for (Peer peer : book.peers()) {
            String state = "paired (it connects here)";
            double rtt = -1;
            List<String> theirs = List.of();
            if (!peer.address().isEmpty()) {
                PeerLink link = links.get(peer.name());
                state = link == null ? "not connected" : link.state();
                if (link != null && link.ready()) {
                    try {
                        PeerLink.Pong pong = link.ping(Duration.ofSeconds(2));
                        rtt = pong.roundTripNanos() / 1e6;
                        theirs = pong.cells();
                    } catch (IOException e) {
                        state = "no answer: " + e.getMessage();
                    }
                }
            }
            List<String> ours = served == null ? List.of() : served.served().stream()
                    .filter(c -> c.startsWith(peer.name() + "/")).map(c -> c.substring(peer.name().length() + 1))
                    .toList();
            Counter counter = traffic.get(peer.name());
            nodes.add(new NodeStatus(peer.name(), peer.address(), Fingerprints.shortForm(peer.fingerprint()), state,
                    rtt, theirs, ours, peer.types(), peer.mayRunCode(), counter == null ? 0 : counter.sent.get(),
                    counter == null ? 0 : counter.received.get(), counter == null ? 0 : counter.spared.get()));
        }
        return nodes;
    }

    /** What {@code cell nodes} shows of one peer. */
    public record NodeStatus(String name, String address, String fingerprint, String state, double roundTripMillis,
            List<String> runsForUs, List<String> weRunForIt, Set<String> mayRun, boolean mayRunCode, long bytesSent,
            long bytesReceived, long bytesSparedByDeltas) {
    }

    /** This node's name and fingerprint, or why it has none. */
    public String self() {
        NodeIdentity me = identity;
        return me == null ? "this workspace is no node ('cell node init')" : "node " + me.name() + " "
                + Fingerprints.shortForm(me.fingerprint()) + "; gateway " + (listening.isEmpty() ? "off"
                        : "on " + listening);
    }

    private NodeIdentity identity() {
        NodeIdentity me = identity;
        if (me == null) {
            throw new IllegalStateException("this workspace is no node: run 'cell node init' first");
        }
        return me;
    }

    /** After {@code cell node init} made the identity while the shell ran. */
    public void reload() throws IOException {
        if (identity == null && NodeIdentity.exists(folder)) {
            identity = NodeIdentity.load(folder);
        }
    }

    private String configuredListen() {
        Path file = folder.resolve(GATEWAY_FILE);
        if (!Files.exists(file)) {
            return "";
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            LOG.error("{} cannot be read: {}; the gateway is off", file, e.getMessage());
            return "";
        }
        return properties.getProperty("listen", "").trim();
    }

    private static void writeListen(Path folder, String address) throws IOException {
        Peer.checkedAddress(address, 0);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(GATEWAY_FILE), "# where this node's gateway listens (cell node listen)\n"
                + "listen=" + address + "\n");
    }

    /** Bytes that crossed the network for cells on one node. */
    private static final class Counter implements RemoteHost.Traffic {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();

        @Override
        public void sent(AxonMessage message) {
            if (message instanceof AxonMessage.Call c) {
                sent.addAndGet(c.request().length + c.cellId().length() + 32L);
            } else if (message instanceof AxonMessage.DefineSource d) {
                sent.addAndGet(d.sources().values().stream().mapToLong(String::length).sum() + 64L);
            }
        }

        final AtomicLong spared = new AtomicLong();

        @Override
        public void received(AxonMessage.Reply reply, int sparedBytes) {
            received.addAndGet(reply.answer().length + 40L);
            spared.addAndGet(sparedBytes);
        }
    }

    @Override
    public void close() {
        closeGateway();
        if (served != null) {
            served.close();
        }
        links.values().forEach(PeerLink::close);
        links.clear();
        timer.shutdownNow();
    }
}
