package dev.cellshell.shell.intent;

import java.util.Map;

/** One step of a {@link Plan}: the same operations the {@code cell} CLI has. */
public sealed interface Op {

    /** A new cell of {@code type} with id {@code cell}, pinned at anchor {@code at}, or placed at {@code bounds}. */
    record Spawn(String cell, String type, String at, Map<String, String> props) implements Op {
        public Spawn {
            props = Map.copyOf(props);
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
}
