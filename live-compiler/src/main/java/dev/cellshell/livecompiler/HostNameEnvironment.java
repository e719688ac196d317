package dev.cellshell.livecompiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;

/**
 * Answers ECJ's type and package lookups from the host class loader, and remembers every answer: uncached lookups
 * are most of a warm compile's cost. Lives as long as the compiler; safe to share between compiles because the host
 * classes never change while the shell runs.
 */
final class HostNameEnvironment implements INameEnvironment {

    private final ClassLoader host;
    private final Set<String> jdkPackages;
    private final Map<String, Optional<NameEnvironmentAnswer>> types = new ConcurrentHashMap<>();
    private final Map<String, Boolean> packages = new ConcurrentHashMap<>();

    HostNameEnvironment(ClassLoader host) {
        this.host = host;
        this.jdkPackages = ConcurrentHashMap.newKeySet();
        ModuleLayer.boot().modules().forEach(m -> m.getPackages().forEach(p -> addWithPrefixes(jdkPackages, p)));
    }

    private static void addWithPrefixes(Set<String> into, String pkg) {
        for (int dot = pkg.indexOf('.'); dot > 0; dot = pkg.indexOf('.', dot + 1)) {
            into.add(pkg.substring(0, dot));
        }
        into.add(pkg);
    }

    @Override
    public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
        return findType(CharOperation.toString(compoundTypeName));
    }

    @Override
    public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
        String pkg = CharOperation.toString(packageName);
        return findType(pkg.isEmpty() ? new String(typeName) : pkg + "." + new String(typeName));
    }

    private NameEnvironmentAnswer findType(String dottedName) {
        return types.computeIfAbsent(dottedName, this::readClassFile).orElse(null);
    }

    private Optional<NameEnvironmentAnswer> readClassFile(String dottedName) {
        String path = dottedName.replace('.', '/') + ".class";
        try (InputStream in = host.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            ClassFileReader reader = new ClassFileReader(in.readAllBytes(), path.toCharArray(), true);
            return Optional.of(new NameEnvironmentAnswer(reader, null));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path + " from the host class loader", e);
        } catch (ClassFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isPackage(char[][] parentPackageName, char[] packageName) {
        String parent = CharOperation.toString(parentPackageName);
        String name = parent.isEmpty() ? new String(packageName) : parent + "." + new String(packageName);
        return packages.computeIfAbsent(name, this::lookUpPackage);
    }

    private boolean lookUpPackage(String name) {
        if (jdkPackages.contains(name)) {
            return true;
        }
        if (findType(name) != null) {
            return false;
        }
        return host.getResource(name.replace('.', '/') + "/") != null;
    }

    @Override
    public void cleanup() {
        // Answers stay valid across compiles: the host classes never change while the shell runs.
    }
}
