package dev.cellshell.shell.intent;

import java.util.Map;

/** One step of a {@link Plan}: the same operations the {@code cell} CLI has. */
public sealed interface Op {

    /**
     * A new cell of {@code type} with id {@code cell}, pinned at anchor {@code at} ({@code right@440}: with that
     * margin), on {@code surface} (empty: the first).
     */
    record Spawn(String cell, String type, String at, Map<String, String> props, String surface) implements Op {
        public Spawn {
            props = Map.copyOf(props);
        }

        public Spawn(String cell, String type, String at, Map<String, String> props) {
            this(cell, type, at, props, "");
        }
    }

    /** New absolute values: cell props, and {@code width}/{@code height} for its size. */
    record Set(String cell, Map<String, String> props) implements Op {
        public Set {
            props = Map.copyOf(props);
        }
    }

    /** To an anchor ({@code top-right}…), or to absolute {@code x,y} when {@code at} is {@code x,y}. */
    record Move(String cell, String at) implements Op {
    }

    record Rm(String cell) implements Op {
    }

    record Theme(String name) implements Op {
    }

    record Arrange() implements Op {
    }

    record Undo() implements Op {
    }

    /** New source for the cell's type (from a language model). */
    record Swap(String cell, String source) implements Op {
    }

    // The steps below act on the system through the organelles, not on the desktop's cells: they are not audited
    // tissue changes, and cell undo does not take them back.

    /** Starts the installed application {@code appId} (its desktop entry), called {@code name}. */
    record Launch(String appId, String name) implements Op {
    }

    /** Do-not-disturb on for {@code minutes} (-1: until turned off) or off (0). */
    record DoNotDisturb(int minutes) implements Op {
    }

    /** {@code play}, {@code pause}, {@code next} or {@code previous} on the media player that plays (or played). */
    record Media(String command) implements Op {
    }

    /** Shows workspace {@code index} (0-based). */
    record Workspace(int index) implements Op {
    }
}
