package dev.cellshell.livecompiler;

import java.util.Map;

/**
 * The class loader of one generation: defines exactly the classes one successful compile produced, and delegates
 * everything else (the widgets API, the JDK) to the host. Once nothing refers to the generation's objects, the
 * loader and its classes can be collected.
 */
public final class GenerationLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    private final long generation;

    public GenerationLoader(String cellType, long generation, Map<String, byte[]> classes, ClassLoader host) {
        super(cellType + "#" + generation, host);
        this.classes = Map.copyOf(classes);
        this.generation = generation;
    }

    public long generation() {
        return generation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name + " is not part of generation " + getName());
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // Child first for the generation's own classes: a cell type must never resolve to an older generation.
        if (classes.containsKey(name)) {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
        return super.loadClass(name, resolve);
    }
}
