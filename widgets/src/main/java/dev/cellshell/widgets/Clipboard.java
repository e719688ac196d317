package dev.cellshell.widgets;

/** Text copied between cells: the shell's own clipboard, kept while the shell runs. */
public interface Clipboard extends Service {

    String text();

    void setText(String text);
}
