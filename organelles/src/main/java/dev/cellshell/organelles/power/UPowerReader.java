package dev.cellshell.organelles.power;

import dev.cellshell.organelles.bus.BusReader;
import dev.cellshell.organelles.bus.Buses;
import dev.cellshell.widgets.PowerStatus;
import java.util.Map;

/**
 * The power as UPower (system bus) publishes it: {@code OnBattery} of {@code /org/freedesktop/UPower} and the
 * {@code DisplayDevice} (the batteries combined, as panels show them).
 */
public final class UPowerReader extends BusReader implements PowerSource {

    static final String NAME = "org.freedesktop.UPower";
    static final String PATH = "/org/freedesktop/UPower";
    static final String DISPLAY_DEVICE = PATH + "/devices/DisplayDevice";

    private volatile PowerStatus status = PowerStatus.unavailable("not read yet");

    public UPowerReader() {
        super("power");
    }

    public void start(Buses buses) {
        start(buses.system(), PATH, NAME::equals);
    }

    @Override
    public PowerStatus status() {
        return status;
    }

    @Override
    protected boolean read() {
        if (!hasOwner(NAME)) {
            return whenFailed("UPower is not running (nobody has " + NAME + " on the system bus)");
        }
        Map<String, Object> daemon = properties(NAME, PATH, NAME);
        Map<String, Object> device = properties(NAME, DISPLAY_DEVICE, NAME + ".Device");
        boolean battery = number(device.get("Type")) == 2 && Boolean.TRUE.equals(device.get("IsPresent"));
        String state = switch ((int) number(device.get("State"))) {
            case 1, 5 -> "charging";
            case 2, 6 -> "discharging";
            case 3 -> "empty";
            case 4 -> "full";
            default -> "unknown";
        };
        double percent = device.get("Percentage") instanceof Number n ? n.doubleValue() : 0;
        PowerStatus now = new PowerStatus("", battery, Boolean.TRUE.equals(daemon.get("OnBattery")),
                Math.max(0, Math.min(100, percent)), state, Math.max(0, number(device.get("TimeToEmpty"))),
                Math.max(0, number(device.get("TimeToFull"))));
        return set(now);
    }

    private boolean set(PowerStatus now) {
        boolean changed = !now.equals(status);
        status = now;
        return changed;
    }

    @Override
    protected boolean whenFailed(String why) {
        return set(PowerStatus.unavailable(why));
    }

    @Override
    protected void unavailable(String why) {
        status = PowerStatus.unavailable(why);
    }
}
