package dev.cellshell.shell.tissue;

import dev.cellshell.widgets.Color;
import dev.cellshell.widgets.Prop;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A prop a cell type declares with {@link Prop} or {@link dev.cellshell.widgets.Variant}, as read from its class file:
 * what the props inspector offers, what {@code cell set} checks a value against, what plain language may change.
 *
 * @param choices for a {@code @Variant}, its words (the default first); empty otherwise
 */
public record DeclaredProp(String name, Prop.Kind kind, double min, double max, String fallback, String doc,
        List<String> choices) {

    public DeclaredProp {
        choices = List.copyOf(choices);
    }

    /** A {@code @Variant} prop: one of {@code choices}, the first the default. */
    static DeclaredProp variant(String name, List<String> choices) {
        return new DeclaredProp(name, Prop.Kind.TEXT, -Double.MAX_VALUE, Double.MAX_VALUE,
                choices.isEmpty() ? "" : choices.get(0), "", choices);
    }

    public boolean hasRange() {
        return min > -Double.MAX_VALUE || max < Double.MAX_VALUE;
    }

    /** Why {@code value} does not fit this prop; empty when it does ("" always fits: it unsets the prop). */
    public Optional<String> refuse(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!choices.isEmpty()) {
            return choices.contains(v) ? Optional.empty()
                    : Optional.of(name + " is one of " + String.join(", ", choices) + ", not '" + value + "'");
        }
        switch (kind) {
            case NUMBER -> {
                double number;
                try {
                    number = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return Optional.of(name + " is a number, not '" + value + "'");
                }
                if (!Double.isFinite(number) || number < min || number > max) {
                    return Optional.of(name + " is a number from " + shown(min) + " to " + shown(max) + ", not "
                            + value);
                }
                return Optional.empty();
            }
            case COLOR -> {
                try {
                    Color.parse(v);
                    return Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.of(name + " is a colour (#RRGGBB or #AARRGGBB), not '" + value + "'");
                }
            }
            case FLAG -> {
                return List.of("true", "false", "yes", "no", "on", "off").contains(v.toLowerCase(Locale.ROOT))
                        ? Optional.empty() : Optional.of(name + " is true or false, not '" + value + "'");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** {@code value} brought into this prop's range (for plain language's "bigger", which may overshoot). */
    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    private static String shown(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
