package dev.cellshell.axon;

import java.util.Set;

/**
 * A paired node. {@code address} is where its gateway listens ({@code host:port}), empty when it paired with us and
 * we never reach it. {@code types} and {@code mayRunCode} are what it may do here: run cells of these types ({@code *}:
 * any) in a cell host of ours, and whether with the sources it sends (else only with this node's own sources of the
 * type).
 */
public record Peer(String name, String address, String fingerprint, Set<String> types, boolean mayRunCode,
        String pairedAt) {

    public static final String ANY_TYPE = "*";

    public Peer {
        NodeIdentity.checkedName(name);
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits: '" + fingerprint + "'");
        }
        types = Set.copyOf(types);
        address = address == null ? "" : address;
    }

    /** Whether this peer may run a cell of {@code type} here; why not, or {@code null}. */
    public String refusal(String type) {
        if (types.isEmpty()) {
            return "node '" + name + "' may not run cells here";
        }
        if (!types.contains(ANY_TYPE) && !types.contains(type)) {
            return "node '" + name + "' may not run " + type + " here (allowed: " + String.join(", ",
                    new java.util.TreeSet<>(types)) + ")";
        }
        return null;
    }

    public Peer withPermissions(Set<String> newTypes, boolean code) {
        return new Peer(name, address, fingerprint, newTypes, code, pairedAt);
    }

    public Peer withAddress(String newAddress) {
        return new Peer(name, newAddress, fingerprint, types, mayRunCode, pairedAt);
    }

    /** Checks {@code host:port} (a port of 1 to 65535). */
    public static String checkedAddress(String address) {
        return checkedAddress(address, 1);
    }

    /** Checks {@code host:port}, the port at least {@code lowestPort} (0: any free one, for listening). */
    public static String checkedAddress(String address, int lowestPort) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("an address is HOST:PORT, not '" + address + "'");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < lowestPort || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of '" + address + "' is not " + lowestPort + " to 65535");
        }
        return address;
    }

    static String host(String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
