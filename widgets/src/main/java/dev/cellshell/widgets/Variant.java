package dev.cellshell.widgets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a prop of a cell type that takes one of a few words, so that tools can offer them and plain-language
 * requests can name them ("make it analog" sets {@code style=analog} on a clock). The first value is the default.
 *
 * <pre>{@code @Variant(prop = "style", values = {"digital", "analog"})}</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Variant.List.class)
public @interface Variant {

    String prop();

    String[] values();

    /** Holds repeated {@link Variant}s. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Variant[] value();
    }
}
