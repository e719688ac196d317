package dev.cellshell.organelles.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Desktop entries in a temporary XDG_DATA_DIRS: names, icons, field codes, search, and real detached launches. */
class AppCatalogTest {

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private AppCatalog catalog(Locale locale, Launcher launcher) {
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString(), "XDG_DATA_HOME",
                dir.resolve("home/.local/share").toString(), "XDG_DATA_DIRS", dir.resolve("system").toString());
        AppCatalog catalog = new AppCatalog(List.of(dir.resolve("home/.local/share/applications"),
                dir.resolve("system/applications")), locale, IconTheme.ofEnvironment(env, null), launcher,
                dir.resolve("usage.properties"));
        catalog.scan();
        return catalog;
    }

    private void entries() throws Exception {
        write("system/applications/org.example.Editor.desktop", """
                [Desktop Entry]
                Type=Application
                Name=Text Editor
                Name[de]=Texteditor
                Name[de_CH]=Texteditor (Schweiz)
                GenericName=Editor
                Comment=Edit text files
                Keywords=notes;plain;
                Icon=editor
                Exec=editor --new-window %U
                Categories=Utility;TextEditor;
                [Desktop Action New]
                Name=Ignored
                Exec=nothing
                """);
        write("system/applications/kde/konsole.desktop", """
                [Desktop Entry]
                Type=Application
                Name=Konsole
                Icon=utilities-terminal
                Exec=konsole
                Terminal=false
                """);
        write("system/applications/hidden.desktop", """
                [Desktop Entry]
                Type=Application
                Name=Hidden helper
                Exec=helper
                NoDisplay=true
                """);
        write("system/applications/link.desktop", "[Desktop Entry]\nType=Link\nName=A link\nURL=https://x\n");
        write("system/applications/broken.desktop", "no group at all\n");
        write("system/applications/override.desktop", "[Desktop Entry]\nType=Application\nName=System's\nExec=a\n");
        write("home/.local/share/applications/override.desktop",
                "[Desktop Entry]\nType=Application\nName=Mine\nExec=b\n");
        write("system/icons/hicolor/index.theme", """
                [Icon Theme]
                Name=Hicolor
                Directories=16x16/apps,48x48/apps,scalable/apps
                [16x16/apps]
                Size=16
                Type=Fixed
                [48x48/apps]
                Size=48
                Type=Fixed
                [scalable/apps]
                Size=128
                MinSize=8
                MaxSize=512
                Type=Scalable
                """);
        write("system/icons/hicolor/16x16/apps/editor.png", "png16");
        write("system/icons/hicolor/48x48/apps/editor.png", "png48");
        write("system/icons/hicolor/scalable/apps/utilities-terminal.svg", "<svg/>");
    }

    @Test
    void readsTheEntriesMenusShowInThePersonsLanguage() throws Exception {
        entries();
        AppCatalog plain = catalog(Locale.ROOT, (argv, wd) -> { });
        assertThat(plain.all()).extracting(App::id).containsExactly("kde-konsole", "override", "org.example.Editor");
        assertThat(plain.all()).extracting(App::name).containsExactly("Konsole", "Mine", "Text Editor");
        App editor = plain.all().get(2);
        assertThat(editor.genericName()).isEqualTo("Editor");
        assertThat(editor.comment()).isEqualTo("Edit text files");
        assertThat(editor.categories()).containsExactly("Utility", "TextEditor");

        assertThat(catalog(Locale.GERMAN, (a, w) -> { }).entry("org.example.Editor").orElseThrow().name())
                .isEqualTo("Texteditor");
        assertThat(catalog(new Locale("de", "CH"), (a, w) -> { }).entry("org.example.Editor").orElseThrow().name())
                .isEqualTo("Texteditor (Schweiz)");
        assertThat(DesktopEntry.messagesLocale(Map.of("LANG", "de_CH.UTF-8@euro")).getCountry()).isEqualTo("CH");
        assertThat(DesktopEntry.messagesLocale(Map.of("LC_ALL", "", "LANG", "fr_FR.UTF-8")).getLanguage())
                .isEqualTo("fr");
        assertThat(DesktopEntry.messagesLocale(Map.of("LANG", "C.UTF-8"))).isEqualTo(Locale.ROOT);
        assertThat(DesktopEntry.messagesLocale(Map.of("LC_ALL", "POSIX", "LANG", "de_DE"))).isEqualTo(Locale.ROOT);
        assertThat(DesktopEntry.messagesLocale(Map.of("LANG", "x_1!.UTF-8"))).isEqualTo(Locale.ROOT);
    }

    @Test
    void findsIconsOfTheNearestSizeInPngAndSvg() throws Exception {
        entries();
        AppCatalog catalog = catalog(Locale.ROOT, (a, w) -> { });
        assertThat(catalog.icon("org.example.Editor", 48).orElseThrow().toString()).endsWith("48x48/apps/editor.png");
        assertThat(catalog.icon("org.example.Editor", 20).orElseThrow().toString()).endsWith("16x16/apps/editor.png");
        assertThat(catalog.icon("kde-konsole", 64).orElseThrow().toString()).endsWith("utilities-terminal.svg");
        assertThat(catalog.icon("override", 48)).isEmpty();
    }

    @Test
    void searchRanksNameStartsFirstAndEveryWordMustMatch() throws Exception {
        entries();
        AppCatalog catalog = catalog(Locale.ROOT, (a, w) -> { });
        assertThat(catalog.search("edit", 10)).extracting(App::id).containsExactly("org.example.Editor");
        assertThat(catalog.search("TEXT notes", 10)).extracting(App::id).containsExactly("org.example.Editor");
        assertThat(catalog.search("kon", 10)).extracting(App::id).containsExactly("kde-konsole");
        assertThat(catalog.search("text konsole", 10)).isEmpty();
        assertThat(catalog.search("", 2)).hasSize(2);
    }

    @Test
    void fieldCodesAreExpandedAndNoShellSeesTheLine() throws Exception {
        Path file = write("x.desktop", "[Desktop Entry]\nType=Application\nName=My App\nIcon=my\n"
                + "Exec=\"/opt/my app/run\" --title %c %i %k %f %U \"$HOME;`id`\" 100%%\n");
        DesktopEntry entry = DesktopEntry.read("x", file, Locale.ROOT);
        assertThat(ExecLine.argv(entry)).containsExactly("/opt/my app/run", "--title", "My App", "--icon", "my",
                file.toString(), "$HOME;`id`", "100%");
        assertThatThrownBy(() -> ExecLine.argv(DesktopEntry.read("y", write("y.desktop",
                "[Desktop Entry]\nName=Y\nExec=run %z\n"), Locale.ROOT))).hasMessageContaining("unknown field code %z");
        assertThatThrownBy(() -> ExecLine.argv(DesktopEntry.read("z", write("z.desktop",
                "[Desktop Entry]\nName=Z\nExec=\"run\n"), Locale.ROOT))).hasMessageContaining("unclosed quote");
        assertThat(DesktopEntry.list("a;b\\;c;;d")).containsExactly("a", "b;c", "d");
    }

    @Test
    void launchStartsTheRealProgramInItsOwnSessionAndCountsIt() throws Exception {
        Path script = write("bin/report", """
                #!/bin/sh
                echo "$$ $(ps -o sid= -p $$) $(ps -o ppid= -p $$) ${CELLSHELL_SECRET:-clean} $1" > "%s.tmp"
                mv "%s.tmp" "%s"
                sleep 30
                """.formatted(dir.resolve("report.txt"), dir.resolve("report.txt"), dir.resolve("report.txt")));
        script.toFile().setExecutable(true);
        write("system/applications/reporter.desktop", "[Desktop Entry]\nType=Application\nName=Reporter\nExec="
                + script + " %U hello\n");
        AppCatalog catalog = catalog(Locale.ROOT, new DetachedLauncher());
        catalog.launch("reporter");
        Path report = dir.resolve("report.txt");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(report) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String[] fields = Files.readString(report).trim().split("\\s+");
        long pid = Long.parseLong(fields[0]);
        try {
            assertThat(Long.parseLong(fields[1])).as("its own session").isEqualTo(pid);
            assertThat(Long.parseLong(fields[2])).as("not the shell's child").isNotEqualTo(ProcessHandle.current().pid());
            assertThat(fields[4]).isEqualTo("hello");
            assertThat(catalog.recent(5)).extracting(App::id).containsExactly("reporter");
            assertThat(catalog(Locale.ROOT, (a, w) -> { }).frequent(5)).extracting(App::id)
                    .containsExactly("reporter"); // kept in the workspace's file
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        assertThatThrownBy(() -> catalog.launch("nope")).hasMessage("there is no application 'nope'");
        assertThatThrownBy(() -> catalog.launch("../../bin/sh")).hasMessageContaining("there is no application");
    }

    @Test
    void theLaunchedProgramDoesNotGetTheDesktopsOwnEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("CELLSHELL_WORKSPACE", "/w", "JAVA_TOOL_OPTIONS",
                "-Xmx1g", "PATH", "/usr/bin", "DISPLAY", ":7"));
        DetachedLauncher.clean(env);
        assertThat(env).containsOnlyKeys("PATH", "DISPLAY");
    }

    @Test
    void hostileEntriesAreSkippedNotFatal() throws Exception {
        write("system/applications/huge.desktop", "[Desktop Entry]\nName=" + "x".repeat(300_000) + "\n");
        write("system/applications/ok.desktop", "[Desktop Entry]\nType=Application\nName=Ok\nExec=ok\nIcon=../../etc/passwd\n");
        Files.write(dir.resolve("system/applications/binary.desktop"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        AppCatalog catalog = catalog(Locale.ROOT, (a, w) -> { });
        assertThat(catalog.all()).extracting(App::id).containsExactly("ok");
        assertThat(catalog.icon("ok", 48)).isEmpty();
    }
}
