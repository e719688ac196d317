package dev.cellshell.organelles.network;

import dev.cellshell.organelles.bus.BusReader;
import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.widgets.NetworkStatus;
import java.util.List;
import java.util.Map;

/**
 * The network as NetworkManager (system bus) publishes it: {@code Connectivity} and {@code PrimaryConnection} of the
 * manager, the active connection's {@code Id} and {@code Type}, and for Wi-Fi its device's active access point's
 * {@code Strength}.
 */
public final class NetworkManagerReader extends BusReader implements NetworkSource {

    static final String NAME = "org.freedesktop.NetworkManager";
    static final String PATH = "/org/freedesktop/NetworkManager";

    private volatile NetworkStatus status = NetworkStatus.unavailable("not read yet");

    public NetworkManagerReader() {
        super("network");
    }

    public void start(Buses buses) {
        start(buses.system(), PATH, NAME::equals);
    }

    @Override
    public NetworkStatus status() {
        return status;
    }

    @Override
    protected boolean read() {
        if (!hasOwner(NAME)) {
            return whenFailed("NetworkManager is not running (nobody has " + NAME + " on the system bus)");
        }
        Map<String, Object> manager = properties(NAME, PATH, NAME);
        String connectivity = switch ((int) number(manager.get("Connectivity"))) {
            case 1 -> "none";
            case 2 -> "portal";
            case 3 -> "limited";
            case 4 -> "full";
            default -> "unknown";
        };
        String primary = text(manager.get("PrimaryConnection"));
        String name = "";
        String kind = "";
        int strength = -1;
        if (primary.startsWith("/") && !primary.equals("/")) {
            Map<String, Object> active = properties(NAME, primary, NAME + ".Connection.Active");
            name = text(active.get("Id"));
            String type = text(active.get("Type"));
            kind = switch (type) {
                case "802-11-wireless" -> "wifi";
                case "802-3-ethernet" -> "ethernet";
                case "vpn", "wireguard" -> "vpn";
                case "gsm", "cdma" -> "mobile";
                default -> "other";
            };
            if (kind.equals("wifi") && active.get("Devices") instanceof List<?> devices && !devices.isEmpty()) {
                Map<String, Object> wireless = properties(NAME, devices.get(0).toString(), NAME + ".Device.Wireless");
                String ap = text(wireless.get("ActiveAccessPoint"));
                if (ap.startsWith("/") && !ap.equals("/")) {
                    strength = (int) (number(properties(NAME, ap, NAME + ".AccessPoint").get("Strength")) & 0xFF);
                }
            }
        }
        return set(new NetworkStatus("", connectivity, name, kind, Math.min(100, strength)));
    }

    private boolean set(NetworkStatus now) {
        boolean changed = !now.equals(status);
        status = now;
        return changed;
    }

    @Override
    protected boolean whenFailed(String why) {
        return set(NetworkStatus.unavailable(why));
    }

    @Override
    protected void unavailable(String why) {
        status = NetworkStatus.unavailable(why);
    }
}
