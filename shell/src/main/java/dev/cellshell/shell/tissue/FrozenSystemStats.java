package dev.cellshell.shell.tissue;

import dev.cellshell.widgets.SystemStats;

/**
 * System figures that stand still (a quarter of two cores, 6 of 16 GB), for a desktop started with a frozen clock:
 * its screenshots are the same on every machine.
 */
public record FrozenSystemStats() implements SystemStats {

    @Override
    public double cpuLoad() {
        return 0.25;
    }

    @Override
    public long memoryUsed() {
        return 6_000_000_000L;
    }

    @Override
    public long memoryTotal() {
        return 16_000_000_000L;
    }

    @Override
    public int processors() {
        return 2;
    }
}
