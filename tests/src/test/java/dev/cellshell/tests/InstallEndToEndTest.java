package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cell install} into a temporary home: the menu, autostart and session entries exist, Debian's
 * {@code desktop-file-validate} accepts them, they start the checkout's launcher; {@code ./cell uninstall} removes
 * exactly what was written and leaves alone a file the user changed and everything else in the home.
 */
class InstallEndToEndTest {

    @Test
    void installWritesValidEntriesAndUninstallRemovesExactlyThem(@TempDir Path home) throws Exception {
        assertThat(Path.of("/usr/bin/desktop-file-validate")).as("desktop-file-utils (./cell test installs it)")
                .exists();
        Path mine = home.resolve(".local/share/applications/mine.desktop");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "[Desktop Entry]\nType=Application\nName=Mine\nExec=true\n");

        String out = cell(home, "install", "--autostart", "--session");
        Path menu = home.resolve(".local/share/applications/cellshell.desktop");
        Path autostart = home.resolve(".config/autostart/cellshell.desktop");
        Path session = home.resolve(".local/share/xsessions/cellshell.desktop");
        Path script = home.resolve(".local/share/cellshell/cellshell-session");
        Path icon = home.resolve(".local/share/icons/hicolor/scalable/apps/cellshell.svg");
        assertThat(out).contains("wrote " + menu).contains("sudo cp " + session + " /usr/share/xsessions/");
        for (Path entry : List.of(menu, autostart, session)) {
            assertThat(run("desktop-file-validate", entry.toString())).as(entry + " validates").isEmpty();
        }
        assertThat(Files.readString(menu)).contains("Exec=" + RunningShell.ROOT.resolve("cell") + " run")
                .contains("Icon=cellshell");
        assertThat(Files.readString(autostart)).contains(" run --no-workbench");
        assertThat(Files.readString(script)).startsWith("#!/bin/sh").contains("openbox")
                .contains("'" + RunningShell.ROOT.resolve("cell") + "' run --no-workbench");
        assertThat(script).isExecutable();
        assertThat(Files.readString(icon)).contains("<svg");
        assertThat(run("sh", "-n", script.toString())).isEmpty();

        // Installing again replaces, it does not pile up.
        cell(home, "install");
        assertThat(autostart).doesNotExist();
        assertThat(menu).exists();

        cell(home, "install", "--autostart");
        Files.writeString(autostart, Files.readString(autostart) + "Hidden=true\n");
        String removed = cell(home, "uninstall");
        assertThat(removed).contains("removed " + menu).contains("removed " + icon)
                .contains("kept: " + autostart + " (changed since it was installed)");
        assertThat(menu).doesNotExist();
        assertThat(icon).doesNotExist();
        assertThat(autostart).exists();
        assertThat(mine).exists();
        try (Stream<Path> left = Files.walk(home)) {
            assertThat(left.filter(Files::isRegularFile).map(home::relativize).map(Path::toString).sorted())
                    .containsExactly(".config/autostart/cellshell.desktop",
                            ".local/share/applications/mine.desktop");
        }
        assertThat(cell(home, "uninstall")).contains("nothing to remove");
    }

    private static String cell(Path home, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(RunningShell.ROOT.resolve("cell").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_DATA_HOME");
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().put("CELLSHELL_NO_BUILD", "1");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.trim();
    }
}
