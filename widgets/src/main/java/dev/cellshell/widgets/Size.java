package dev.cellshell.widgets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The size a cell type wants when it is spawned without one, and the smallest it can still be read at, in desktop
 * units, e.g. {@code @Size(width = 280, height = 250, minWidth = 200, minHeight = 180)}. The catalog, {@code cell
 * spawn}, the workbench and plain language use it; a cell still lays itself out for whatever size it gets.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Size {

    float width();

    float height();

    /** 0: as small as the person likes. */
    float minWidth() default 0;

    float minHeight() default 0;
}
