package dev.cellshell.ipc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chronicle Map keeps its header in a Chronicle Values interface whose implementation it generates and compiles with
 * javac when a map is first opened, unless the class is already on the class path. CellShell ships the generated
 * class; this test keeps it identical to what the Chronicle version in use generates, and shows a map uses it.
 */
class PregeneratedStateClassTest {

    static final String INTERFACE = "net.openhft.chronicle.hash.VanillaGlobalMutableState";
    static final Path SOURCE = Path.of("src/main/java/net/openhft/chronicle/hash/VanillaGlobalMutableState$$Native.java");

    @TempDir
    Path dir;

    /** What Chronicle Values generates for the interface now, through the same (package-private) code it runs. */
    static String generated() throws Exception {
        Class<?> model = Class.forName("net.openhft.chronicle.values.ValueModel");
        Method acquire = model.getDeclaredMethod("acquire", Class.class);
        acquire.setAccessible(true);
        Object valueModel = acquire.invoke(null, Class.forName(INTERFACE));
        Method simpleName = model.getDeclaredMethod("simpleName");
        simpleName.setAccessible(true);
        Method generate = Class.forName("net.openhft.chronicle.values.Generators")
                .getDeclaredMethod("generateNativeClass", model, String.class);
        generate.setAccessible(true);
        return (String) generate.invoke(null, valueModel, simpleName.invoke(valueModel) + "$$Native");
    }

    /** The shipped source without its comment header. */
    static String shipped() throws Exception {
        return Files.readAllLines(SOURCE, StandardCharsets.UTF_8).stream().dropWhile(l -> l.startsWith("//"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theShippedClassIsWhatChronicleGenerates() throws Exception {
        assertThat(shipped()).as("Chronicle generates another %s$$Native (a Chronicle upgrade?); regenerate it: "
                + "run PregeneratedStateClassTest.main from the ipc module", INTERFACE)
                .isEqualTo(generated().stripTrailing());
    }

    @Test
    void aMapUsesTheShippedClassInsteadOfCompilingOne() throws Exception {
        try (PersistentMap map = PersistentMap.open(dir.resolve("m.cm"), "m", 16, 64)) {
            map.put("k", new byte[] {1});
        }
        Class<?> used = Class.forName(INTERFACE + "$$Native");
        assertThat(used.getClassLoader()).isSameAs(PersistentMap.class.getClassLoader());
        assertThat(used.getProtectionDomain().getCodeSource().getLocation())
                .isEqualTo(PersistentMap.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /** Rewrites the shipped source from what Chronicle generates (run from the ipc module's folder). */
    public static void main(String[] args) throws Exception {
        String header = Files.readAllLines(SOURCE, StandardCharsets.UTF_8).stream().takeWhile(l -> l.startsWith("//"))
                .collect(Collectors.joining("\n"));
        Files.writeString(SOURCE, header + "\n" + generated().stripTrailing(), StandardCharsets.UTF_8);
    }
}
