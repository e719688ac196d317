package dev.cellshell.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The peers a node paired with, kept in {@code node/peers.json} (0600, written whole and atomically). Thread-safe: the
 * gateway's TLS handshakes read it while the CLI changes it.
 */
public final class PeerBook {

    public static final String FILE = "peers.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Peer> byName = new LinkedHashMap<>();

    private PeerBook(Path file) {
        this.file = file;
    }

    /** Reads {@code folder/peers.json}; none is an empty book. A file that does not parse is an error, never empty. */
    public static PeerBook open(Path folder) throws IOException {
        PeerBook book = new PeerBook(folder.resolve(FILE));
        if (Files.exists(book.file)) {
            try {
                JsonNode root = JSON.readTree(book.file.toFile());
                for (JsonNode p : root.path("peers")) {
                    Set<String> types = new TreeSet<>();
                    p.path("types").forEach(t -> types.add(t.asText()));
                    Peer peer = new Peer(p.path("name").asText(), p.path("address").asText(""),
                            p.path("fingerprint").asText(), types, p.path("code").asBoolean(false),
                            p.path("pairedAt").asText(""));
                    book.byName.put(peer.name(), peer);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(book.file + " cannot be read (" + e.getMessage() + "); fix or remove it", e);
            }
        }
        return book;
    }

    public synchronized List<Peer> peers() {
        return List.copyOf(byName.values());
    }

    public synchronized Optional<Peer> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public synchronized Optional<Peer> withFingerprint(String fingerprint) {
        return byName.values().stream().filter(p -> p.fingerprint().equals(fingerprint)).findFirst();
    }

    /** Adds or replaces {@code peer} (by name; a peer with its fingerprint under another name is replaced too). */
    public synchronized void put(Peer peer) throws IOException {
        Map<String, Peer> before = new LinkedHashMap<>(byName);
        byName.values().removeIf(p -> p.fingerprint().equals(peer.fingerprint()) && !p.name().equals(peer.name()));
        byName.put(peer.name(), peer);
        saveOrRestore(before);
    }

    /** Forgets the peer called {@code name}; false when there is none. */
    public synchronized boolean forget(String name) throws IOException {
        Map<String, Peer> before = new LinkedHashMap<>(byName);
        if (byName.remove(name) == null) {
            return false;
        }
        saveOrRestore(before);
        return true;
    }

    private void saveOrRestore(Map<String, Peer> before) throws IOException {
        try {
            save();
        } catch (IOException e) {
            byName.clear();
            byName.putAll(before);
            throw e;
        }
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode peers = root.putArray("peers");
        for (Peer peer : byName.values()) {
            ObjectNode p = peers.addObject();
            p.put("name", peer.name()).put("address", peer.address()).put("fingerprint", peer.fingerprint());
            ArrayNode types = p.putArray("types");
            new ArrayList<>(new TreeSet<>(peer.types())).forEach(types::add);
            p.put("code", peer.mayRunCode()).put("pairedAt", peer.pairedAt());
        }
        Files.createDirectories(file.getParent());
        NodeIdentity.writePrivately(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
