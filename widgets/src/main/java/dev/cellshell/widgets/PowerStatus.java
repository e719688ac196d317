package dev.cellshell.widgets;

/**
 * The power as UPower last told it.
 *
 * @param unavailable   why nothing is known (no system bus, no UPower); empty when it is known
 * @param hasBattery    whether the machine has a battery at all (a desktop has none)
 * @param onBattery     whether it runs on the battery now (not on mains)
 * @param percent       the batteries' charge, 0 to 100
 * @param state         "charging", "discharging", "full", "empty", "pending" or "unknown"
 * @param secondsToEmpty time left on the battery, 0 when unknown
 * @param secondsToFull time to a full charge, 0 when unknown
 */
public record PowerStatus(String unavailable, boolean hasBattery, boolean onBattery, double percent, String state,
        long secondsToEmpty, long secondsToFull) {

    public static PowerStatus unavailable(String why) {
        return new PowerStatus(why, false, false, 0, "unknown", 0, 0);
    }
}
