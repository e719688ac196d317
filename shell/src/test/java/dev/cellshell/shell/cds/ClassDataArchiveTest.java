package dev.cellshell.shell.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM's class-data archive: recorded, built by a real {@code java -Xshare:dump}, then mapped by a real JVM. */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    private Path jar() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out,
                new Manifest())) {
            j.flush();
        }
        return jar;
    }

    private static int java(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void aRecordedJvmGetsAnArchiveThatTheNextJvmMaps() throws Exception {
        Path jar = jar();
        ClassDataArchive archive = new ClassDataArchive(dir.resolve("cds/app.jsa"), dir.resolve("cds/app.jsa.classlist.7"),
                jar.toString());
        Files.createDirectories(dir.resolve("cds"));
        assertThat(archive.fresh()).isFalse();
        List<String> record = archive.jvmOptions();
        assertThat(record).containsExactly("-XX:DumpLoadedClassList=" + archive.classList());

        assertThat(java(record.get(0), "-cp", jar.toString(), "-version")).isZero();
        assertThat(archive.build(List.of())).isTrue();

        assertThat(archive.fresh()).isTrue();
        assertThat(archive.classList()).as("the recorded list is gone once used").doesNotExist();
        List<String> use = archive.jvmOptions();
        assertThat(use).containsExactly("-XX:SharedArchiveFile=" + archive.archive(), "-Xshare:auto");
        assertThat(java("-XX:SharedArchiveFile=" + archive.archive(), "-Xshare:on", "-cp", jar.toString(),
                "-version")).as("-Xshare:on fails when the archive cannot be mapped").isZero();
        assertThat(archive.build(List.of())).as("a fresh archive is not made again").isFalse();
    }

    @Test
    void anArchiveOlderThanAJarOfItsClassPathIsStale() throws Exception {
        Path jar = jar();
        Path file = Files.writeString(dir.resolve("a.jsa"), "x");
        ClassDataArchive archive = new ClassDataArchive(file, dir.resolve("a.jsa.classlist.1"), jar.toString());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(archive.fresh()).isTrue();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(archive.fresh()).isFalse();
        assertThat(archive.jvmOptions().get(0)).startsWith("-XX:DumpLoadedClassList=");
    }

    @Test
    void withoutARecordedListOrWhileAnotherShellBuildsNothingIsBuiltAndNothingThrows() throws Exception {
        Path jar = jar();
        ClassDataArchive archive = new ClassDataArchive(dir.resolve("b.jsa"), dir.resolve("b.jsa.classlist.1"),
                jar.toString());
        assertThat(archive.build(List.of())).isFalse();
        Files.writeString(archive.classList(), "java/lang/Object id: 0\n");
        Files.createFile(dir.resolve("b.jsa.building"));
        assertThat(archive.build(List.of())).isFalse();
        assertThat(archive.archive()).doesNotExist();
    }

    @Test
    void lambdaProxiesAndAnUnfinishedLastLineAreLeftOutOfTheList() {
        assertThat(ClassDataArchive.usableLines("java/lang/Object id: 0\n@lambda-proxy a/B run ()V\n\nx/Y id: 3\nx/Z i"))
                .containsExactly("java/lang/Object id: 0", "x/Y id: 3");
    }

    @Test
    void noFolderGivenOrClassFoldersOnThePathMeanNoArchive() {
        System.clearProperty(ClassDataArchive.DIRECTORY_PROPERTY);
        assertThat(ClassDataArchive.of("compositor", "/a.jar")).isEmpty();
        System.setProperty(ClassDataArchive.DIRECTORY_PROPERTY, dir.toString());
        try {
            assertThat(ClassDataArchive.of("compositor", "/a.jar:/classes")).isEmpty();
            assertThat(ClassDataArchive.of("compositor", "/a.jar:/b.jar")).get()
                    .extracting(ClassDataArchive::archive).isEqualTo(dir.resolve("compositor.jsa"));
        } finally {
            System.clearProperty(ClassDataArchive.DIRECTORY_PROPERTY);
        }
    }
}
