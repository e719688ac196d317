package dev.cellshell.widgets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a prop of a cell type with its kind, so the props inspector offers the right editor, {@code cell set}
 * refuses a value that does not fit, and plain language knows what "bigger" or "red" changes:
 *
 * <pre>{@code @Prop(name = "size", kind = Prop.Kind.NUMBER, min = 8, max = 96, fallback = "16")}
 * {@code @Prop(name = "color", kind = Prop.Kind.COLOR)}</pre>
 *
 * A prop with a few words to choose from is declared with {@link Variant}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Prop.List.class)
public @interface Prop {

    String name();

    Kind kind() default Kind.TEXT;

    /** For numbers: the smallest value taken. */
    double min() default -Double.MAX_VALUE;

    /** For numbers: the largest value taken. */
    double max() default Double.MAX_VALUE;

    /** The value the cell uses when the prop is not set, as text ("16", "#FF0000", "true"); "" when it has none. */
    String fallback() default "";

    /** One line for people: what the prop changes. */
    String doc() default "";

    enum Kind { TEXT, NUMBER, COLOR, FLAG }

    /** Holds repeated {@link Prop}s. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Prop[] value();
    }
}
