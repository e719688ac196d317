package dev.cellshell.organelles.apps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Starts a program for the person, detached from the desktop. */
public interface Launcher {

    /** @throws IOException when it cannot be started at all */
    void start(List<String> argv, Path workingDirectory) throws IOException;
}
