package dev.cellshell.widgets;

/** The machine the desktop runs on, as a system monitor shows it. */
public interface SystemStats extends Service {

    /** The whole machine's CPU use over the last moments, 0 to 1 (0 when unknown). */
    double cpuLoad();

    /** Physical memory in use, in bytes. */
    long memoryUsed();

    /** Physical memory in all, in bytes. */
    long memoryTotal();

    /** Processors the machine has. */
    int processors();
}
