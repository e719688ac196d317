package dev.cellshell.livecompiler;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
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

    /** The compiler's bytes (not instrumented) of every class, replaced when redefined in place. */
    private final Map<String, byte[]> classes;

    /** @throws SecurityException listing every reference the sandbox refuses */
    public GenerationLoader(String cellType, long generation, Map<String, byte[]> classes, ClassLoader host) {
        super(cellType + "#" + generation, host);
        List<SandboxCheck.Violation> violations = SandboxCheck.check(classes);
        if (!violations.isEmpty()) {
            throw new SecurityException(cellType + " generation " + generation + " refused: " + violations.stream()
                    .map(v -> v.className() + (v.line() > 0 ? " line " + v.line() : "") + ": " + v.describe())
                    .collect(Collectors.joining("; ")));
        }
        this.classes = new ConcurrentHashMap<>(classes);
    }

    /** What an in-place redefinition did: {@code done}, or why not (the caller then makes a new generation). */
    public record Redefinition(boolean done, String why) {
    }

    /**
     * Replaces the method bodies of this generation's classes with those of {@code next}, keeping every object's
     * identity and state (the in-place tier). Refused when the classes differ in anything but method bodies (ECJ's
     * structural comparison, synthetic members included, so a new lambda is a structural change) or when the JVM
     * refuses the redefinition.
     *
     * @throws SecurityException when {@code next} references what the sandbox refuses
     */
    public Redefinition redefine(Map<String, byte[]> next, Instrumentation instrumentation) {
        if (!next.keySet().equals(classes.keySet())) {
            return new Redefinition(false, "the set of classes changed");
        }
        for (Map.Entry<String, byte[]> entry : next.entrySet()) {
            try {
                ClassFileReader old = new ClassFileReader(classes.get(entry.getKey()), entry.getKey().toCharArray());
                if (old.hasStructuralChanges(entry.getValue(), true, false)) {
                    return new Redefinition(false, entry.getKey() + " changed more than method bodies");
                }
            } catch (ClassFormatException e) {
                return new Redefinition(false, "cannot compare " + entry.getKey() + ": " + e.getMessage());
            }
        }
        List<SandboxCheck.Violation> violations = SandboxCheck.check(next);
        if (!violations.isEmpty()) {
            throw new SecurityException(violations.get(0).describe());
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        next.forEach((name, bytes) -> {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                definitions.add(new ClassDefinition(loaded, BudgetInstrumenter.instrument(bytes)));
            }
        });
        try {
            instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
            return new Redefinition(false, "the JVM refused: " + e);
        }
        classes.putAll(next);
        return new Redefinition(true, "");
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
