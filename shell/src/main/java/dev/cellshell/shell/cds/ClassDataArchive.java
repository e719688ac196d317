package dev.cellshell.shell.cds;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class-data-sharing archive of one of CellShell's JVMs (the shell, the compositor): the classes that JVM loads,
 * parsed and verified once and mapped at every later start (~0.3–0.4 s less to the first frame here). No step for
 * users: a JVM without a fresh archive records the classes it loads ({@code -XX:DumpLoadedClassList}); once the
 * desktop is up, the shell builds the archive from that list in a child process at the lowest priority; the next
 * start uses it. An archive older than any jar of its class path is stale and made again (the JVM would refuse it
 * anyway). Java 17's dynamic archives ({@code -XX:ArchiveClassesAtExit}) and lambda proxies in static ones crash
 * this JDK's dump ({@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}): static archive, lambda
 * lines left out of the list.
 *
 * @param archive the archive file
 * @param classList where the recording JVM writes the classes it loads (one per recording process, beside the
 *     archive, so that shells starting together do not write into one file)
 * @param classpath the JVM's class path, jars only (class folders cannot be archived)
 */
public record ClassDataArchive(Path archive, Path classList, String classpath) {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    /** The folder of the archives, given by {@code ./cell}; without it no JVM is archived. */
    public static final String DIRECTORY_PROPERTY = "cellshell.cds.dir";
    /** The shell's own archive, given by {@code ./cell} when it started the shell recording its classes. */
    public static final String SELF_PROPERTY = "cellshell.cds.self";
    private static final long BUILD_TIMEOUT_SECONDS = 180;

    /** The archive named {@code name} for a JVM on {@code classpath}, when {@code ./cell} gave a folder for them. */
    public static Optional<ClassDataArchive> of(String name, String classpath) {
        String directory = System.getProperty(DIRECTORY_PROPERTY, "");
        if (directory.isBlank() || !jarsOnly(classpath)) {
            return Optional.empty();
        }
        Path archive = Path.of(directory).resolve(name + ".jsa");
        return Optional.of(new ClassDataArchive(archive,
                archive.resolveSibling(name + ".jsa.classlist." + ProcessHandle.current().pid()), classpath));
    }

    /** The shell's own archive when {@code ./cell} started this JVM recording its classes for one. */
    public static Optional<ClassDataArchive> self() {
        String self = System.getProperty(SELF_PROPERTY, "");
        String classpath = System.getProperty("java.class.path", "");
        Optional<String> list = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:DumpLoadedClassList=")).map(a -> a.substring(a.indexOf('=') + 1))
                .findFirst();
        return self.isBlank() || list.isEmpty() || !jarsOnly(classpath) ? Optional.empty()
                : Optional.of(new ClassDataArchive(Path.of(self), Path.of(list.get()), classpath));
    }

    private static boolean jarsOnly(String classpath) {
        return !classpath.isBlank() && java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar"));
    }

    /** True when the archive exists and is newer than every jar of the class path. */
    public boolean fresh() {
        try {
            if (!Files.isRegularFile(archive)) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(archive);
            for (String jar : classpath.split(java.io.File.pathSeparator)) {
                Path path = Path.of(jar);
                if (Files.exists(path) && Files.getLastModifiedTime(path).compareTo(made) >= 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The options a JVM on this class path starts with: use the archive, or record the classes for one. */
    public List<String> jvmOptions() {
        if (fresh()) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        return List.of("-XX:DumpLoadedClassList=" + classList());
    }

    /**
     * Builds the archive from the recorded class list, in a child JVM at the lowest priority, unless it is fresh or
     * another shell is building it. Never throws: a JVM without its archive only starts slower.
     *
     * @param moduleOptions the recording JVM's module and system-property options ({@code --add-opens}, ...), which
     *     the archive must be built with
     * @return true when an archive was built
     */
    public boolean build(List<String> moduleOptions) {
        if (fresh()) {
            return false;
        }
        Path lock = archive.resolveSibling(archive.getFileName() + ".building");
        try {
            Files.createDirectories(archive.toAbsolutePath().getParent());
            try {
                Files.createFile(lock);
            } catch (java.nio.file.FileAlreadyExistsException busy) {
                if (Files.getLastModifiedTime(lock).toMillis() > System.currentTimeMillis()
                        - TimeUnit.SECONDS.toMillis(BUILD_TIMEOUT_SECONDS)) {
                    return false;   // another shell is building it
                }
                Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis()));
            }
            return buildLocked(moduleOptions);
        } catch (IOException e) {
            LOG.warn("class-data archive {} not built: {}", archive.getFileName(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException ignored) {
                // a stale lock times out
            }
        }
    }

    private boolean buildLocked(List<String> moduleOptions) throws IOException, InterruptedException {
        if (!Files.isRegularFile(classList())) {
            LOG.info("class-data archive {} not built: no class list recorded at {}", archive.getFileName(),
                    classList());
            return false;
        }
        Path list = Files.createTempFile(archive.toAbsolutePath().getParent(), archive.getFileName().toString(),
                ".list");
        Path made = archive.resolveSibling(archive.getFileName() + ".new");
        try {
            Files.write(list, usableLines(Files.readString(classList(), StandardCharsets.UTF_8)));
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
                command.addAll(List.of("/usr/bin/nice", "-n", "19"));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(moduleOptions);
            command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + made, "-cp", classpath));
            long started = System.nanoTime();
            Process dump = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!dump.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
                LOG.warn("class-data archive {} not built: the dump took more than {} s", archive.getFileName(),
                        BUILD_TIMEOUT_SECONDS);
                return false;
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(made)) {
                LOG.warn("class-data archive {} not built: the dump exited with {}", archive.getFileName(),
                        dump.exitValue());
                return false;
            }
            Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (var lists = Files.newDirectoryStream(archive.toAbsolutePath().getParent(),
                    archive.getFileName() + ".classlist.*")) {
                for (Path recorded : lists) {
                    Files.deleteIfExists(recorded);
                }
            }
            LOG.info("class-data archive {} built in {} ms ({} MB); the next start maps it", archive.getFileName(),
                    (System.nanoTime() - started) / 1_000_000, Files.size(archive) >> 20);
            return true;
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(made);
        }
    }

    /**
     * The recorded list without lambda-proxy lines (they crash this JDK's dump) and without a last line the
     * recording JVM has not finished writing.
     */
    static List<String> usableLines(String recorded) {
        List<String> lines = new ArrayList<>(List.of(recorded.split("\n", -1)));
        lines.remove(lines.size() - 1);   // "" after the last newline, or an unfinished line
        lines.removeIf(line -> line.startsWith("@lambda-proxy") || line.isBlank());
        return lines;
    }

    /**
     * Once the desktop has settled ({@code delayMillis} after the shell is up), builds the shell's own archive and the
     * compositor's when they are missing or stale, on a daemon thread at the lowest priority.
     */
    public static void buildWhenSettled(String compositorClasspath, long delayMillis) {
        Optional<ClassDataArchive> shell = self();
        Optional<ClassDataArchive> compositor = of("compositor", compositorClasspath).filter(a -> !a.fresh());
        if (shell.isEmpty() && compositor.isEmpty()) {
            return;
        }
        Thread builder = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                return;
            }
            shell.ifPresent(a -> a.build(moduleOptionsOfThisJvm()));
            compositor.ifPresent(a -> a.build(List.of()));
        }, "class-data-archives");
        builder.setDaemon(true);
        builder.setPriority(Thread.MIN_PRIORITY);
        builder.start();
    }

    /** The options of this JVM an archive of it must be built with: module options and system properties. */
    public static List<String> moduleOptionsOfThisJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-Dchronicle")).toList();
    }
}
