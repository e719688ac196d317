package dev.cellshell.widgets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a cell field whose value is carried into the next generation on a swap. Carried by field name when the
 * new field's type accepts the old value; only JDK types (primitives, boxes, strings, java.* values) are carried,
 * so that no object of an old generation stays reachable.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface State {
}
