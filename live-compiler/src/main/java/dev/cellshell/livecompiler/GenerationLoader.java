package dev.cellshell.livecompiler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The class loader of one generation: defines exactly the classes one successful compile produced, and delegates
 * everything else (the widgets API, the JDK) to the host. Every class is checked against the {@link Sandbox} before
 * anything is defined (so bytecode that did not come from the compiler gets no further) and instrumented with
 * {@link Budget} ticks when defined. Once nothing refers to the generation's objects, the loader and its classes
 * can be collected.
 */
public final class GenerationLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    private final long generation;

    /** @throws SecurityException listing every reference the sandbox refuses */
    public GenerationLoader(String cellType, long generation, Map<String, byte[]> classes, ClassLoader host) {
        super(cellType + "#" + generation, host);
        List<SandboxCheck.Violation> violations = SandboxCheck.check(classes);
        if (!violations.isEmpty()) {
            throw new SecurityException(cellType + " generation " + generation + " refused: " + violations.stream()
                    .map(v -> v.className() + (v.line() > 0 ? " line " + v.line() : "") + ": " + v.describe())
                    .collect(Collectors.joining("; ")));
        }
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
        byte[] instrumented = BudgetInstrumenter.instrument(bytes);
        return defineClass(name, instrumented, 0, instrumented.length);
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
