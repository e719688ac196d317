package dev.cellshell.shell.tissue;

import dev.cellshell.livecompiler.GenerationLoader;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.widgets.Cell;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/** One compiled version of a cell type: its class, in its own loader, and the sources it was compiled from. */
record Generation(String type, long number, Constructor<? extends Cell> constructor, List<SourceFile> sources) {

    /**
     * Loads the cell class of {@code type} from a successful compile.
     *
     * @throws IllegalArgumentException saying why the classes cannot be a cell
     */
    static Generation load(String type, long number, GenerationLoader loader, List<SourceFile> sources) {
        Class<?> loaded;
        try {
            loaded = loader.loadClass(type);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("the source defines no class named " + type
                    + " (the cell type's name): " + e.getMessage());
        }
        if (!Cell.class.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException("class " + type + " does not implement dev.cellshell.widgets.Cell");
        }
        try {
            Constructor<? extends Cell> constructor = loaded.asSubclass(Cell.class).getDeclaredConstructor();
            constructor.setAccessible(true);
            return new Generation(type, number, constructor, List.copyOf(sources));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("class " + type + " needs a constructor without parameters");
        }
    }

    /** @throws IllegalArgumentException with the cause when the constructor throws */
    Cell instantiate() {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type + " generation " + number + " threw in its constructor: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + type + ": " + e, e);
        }
    }
}
