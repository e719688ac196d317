package dev.cellshell.widgets;

/**
 * The network as NetworkManager last told it.
 *
 * @param unavailable  why nothing is known (no system bus, no NetworkManager); empty when it is known
 * @param connectivity "full", "limited", "portal", "none" or "unknown"
 * @param connection   the primary connection's name ("Home Wi-Fi", "Wired connection 1"); empty when none
 * @param kind         "wifi", "ethernet", "vpn", "mobile", "other"; empty when there is no connection
 * @param wifiStrength the Wi-Fi access point's strength 0–100, -1 when not on Wi-Fi
 */
public record NetworkStatus(String unavailable, String connectivity, String connection, String kind,
        int wifiStrength) {

    public static NetworkStatus unavailable(String why) {
        return new NetworkStatus(why, "unknown", "", "", -1);
    }
}
