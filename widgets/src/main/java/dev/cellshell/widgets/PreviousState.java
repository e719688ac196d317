package dev.cellshell.widgets;

import java.util.Map;
import java.util.Optional;

/**
 * The {@link State} fields of the generation being replaced, by name, holding JDK values only.
 *
 * @param fields field name to value; never contains objects whose class came from cell code
 */
public record PreviousState(long generation, Map<String, Object> fields) {

    public PreviousState {
        fields = Map.copyOf(fields);
    }


    public Optional<Object> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }
}
