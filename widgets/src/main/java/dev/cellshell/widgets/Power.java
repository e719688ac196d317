package dev.cellshell.widgets;

/**
 * The machine's power (UPower on the system bus): batteries, whether it runs on mains, time left. Read-only. A cell
 * that uses it is drawn again whenever it changes.
 */
public interface Power extends Service {

    PowerStatus status();
}
