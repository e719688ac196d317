package dev.cellshell.organelles.power;

import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.PowerStatus;

/** The machine's power, as an organelle: UPower, or a fixed one for tests. */
public interface PowerSource extends AutoCloseable {

    PowerStatus status();

    Changes changes();

    @Override
    void close();
}
