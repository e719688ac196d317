package dev.cellshell.shell.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cellshell.axon.Peer;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.ChangeReply;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The running shell's side of {@code cell node …} and {@code cell nodes}: each verb, answered in words. */
public final class NodeVerbs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Axon axon;

    public NodeVerbs(Axon axon) {
        this.axon = axon;
    }

    public ControlMessage answer(ControlMessage.NodeRequest request) {
        List<String> a = request.args();
        try {
            String message = switch (request.verb()) {
                case "reload" -> {
                    axon.reload();
                    yield axon.self();
                }
                case "listen" -> axon.setListen(arg(a, 0));
                case "invite" -> axon.invite(types(arg(a, 0)), Boolean.parseBoolean(arg(a, 1)));
                case "pair" -> axon.pair(arg(a, 0), arg(a, 1), arg(a, 2));
                case "allow" -> axon.allow(arg(a, 0), types(arg(a, 1)), Boolean.parseBoolean(arg(a, 2)));
                case "forget" -> axon.forget(arg(a, 0));
                case "list" -> list();
                case "json" -> json();
                default -> throw new IllegalArgumentException("no node verb '" + request.verb() + "'");
            };
            return new ChangeReply(true, "", message);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return new ChangeReply(false, "", e.getMessage());
        }
    }

    private static String arg(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("missing argument " + (i + 1));
        }
        return args.get(i);
    }

    private static Set<String> types(String text) {
        Set<String> types = new LinkedHashSet<>();
        for (String t : text.split(",")) {
            String type = t.trim();
            if (type.isEmpty()) {
                continue;
            }
            if (!type.equals(Peer.ANY_TYPE) && !type.matches("[A-Z][A-Za-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("'" + type + "' is no cell type (TypeName, or * for any)");
            }
            types.add(type);
        }
        return types;
    }

    private String list() {
        StringBuilder out = new StringBuilder(axon.self());
        List<Axon.NodeStatus> nodes = axon.status();
        if (nodes.isEmpty()) {
            out.append("\nno paired nodes ('cell node invite' on one, 'cell node pair HOST:PORT --code C' here)");
        }
        for (Axon.NodeStatus n : nodes) {
            out.append("\n").append(n.name()).append("  ").append(n.address().isEmpty() ? "-" : n.address())
                    .append("  ").append(n.fingerprint()).append("  ").append(n.state());
            if (n.roundTripMillis() >= 0) {
                out.append(String.format(java.util.Locale.ROOT, "  rtt %.1f ms", n.roundTripMillis()));
            }
            out.append("\n  runs for us: ").append(n.runsForUs().isEmpty() ? "-" : String.join(", ", n.runsForUs()))
                    .append("; we run for it: ").append(n.weRunForIt().isEmpty() ? "-"
                            : String.join(", ", n.weRunForIt()))
                    .append("\n  may run here: ").append(n.mayRun().isEmpty() ? "nothing"
                            : String.join(", ", new java.util.TreeSet<>(n.mayRun())) + (n.mayRunCode()
                                    ? " (its own sources)" : " (this node's sources)"))
                    .append(String.format(java.util.Locale.ROOT, "; remote cells moved %.1f KB out, %.1f KB in "
                            + "(deltas spared %.1f KB)", n.bytesSent() / 1024.0, n.bytesReceived() / 1024.0,
                            n.bytesSparedByDeltas() / 1024.0));
        }
        return out.toString();
    }

    private String json() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("self", axon.self()).put("gateway", axon.listening());
        ArrayNode peers = root.putArray("nodes");
        for (Axon.NodeStatus n : axon.status()) {
            ObjectNode p = peers.addObject();
            p.put("name", n.name()).put("address", n.address()).put("fingerprint", n.fingerprint())
                    .put("state", n.state()).put("roundTripMillis", n.roundTripMillis());
            n.runsForUs().forEach(p.putArray("runsForUs")::add);
            n.weRunForIt().forEach(p.putArray("weRunForIt")::add);
            new java.util.TreeSet<>(n.mayRun()).forEach(p.putArray("mayRun")::add);
            p.put("mayRunCode", n.mayRunCode()).put("bytesSent", n.bytesSent())
                    .put("bytesReceived", n.bytesReceived()).put("bytesSparedByDeltas", n.bytesSparedByDeltas());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
