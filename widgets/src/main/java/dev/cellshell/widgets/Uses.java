package dev.cellshell.widgets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The services a cell type uses, e.g. {@code @Uses({Storage.class, SystemStats.class})}; only those are handed out. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Uses {
    Class<? extends Service>[] value();
}
