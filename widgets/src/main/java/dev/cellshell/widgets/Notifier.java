package dev.cellshell.widgets;

/** Tells the person something: shown in the workbench's status bar and written to the shell's log. */
public interface Notifier extends Service {

    void tell(String message);
}
