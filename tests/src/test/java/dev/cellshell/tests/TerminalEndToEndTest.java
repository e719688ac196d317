package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terminal cell on a real desktop, driven from the CLI as a person or a script would: a real shell in a real
 * pty, vi editing a file while the cell's own source is swapped under it, an exit and a restart, the program ended
 * with its cell, and golden images of a known screen in both themes.
 */
class TerminalEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A login shell with a fixed prompt: the real {@code sh}, told its prompt (a person's own shell prints their
     * user and host, which a golden image cannot hold).
     */
    static Map<String, String> plainShell(Path dir) throws Exception {
        Path script = dir.resolve("login-shell");
        Files.writeString(script, "#!/bin/sh\nexport PS1='$ '\nexec /bin/sh -i\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        return Map.of("TZ", "UTC", "SHELL", script.toString(), "HOME", home.toString());
    }

    private static JsonNode terminal(RunningShell shell, String id) throws Exception {
        RunningShell.Result shown = shell.cli("show", id, "--json");
        assertThat(shown.exit()).as(shown.err()).isZero();
        return JSON.readTree(shown.out());
    }

    /** Asks {@code cell show} until the terminal satisfies {@code done} (at most 30 s). */
    private static JsonNode await(RunningShell shell, String id, String what, Predicate<JsonNode> done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = terminal(shell, id);
        while (!done.test(last.path("terminal"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what + "; the terminal is " + last.path("terminal"));
            }
            Thread.sleep(50);
            last = terminal(shell, id);
        }
        return last;
    }

    private static void type(RunningShell shell, String id, String text, String... keys) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("type", id, text));
        for (String key : keys) {
            args.add("--key");
            args.add(key);
        }
        RunningShell.Result typed = shell.cli(args.toArray(String[]::new));
        assertThat(typed.exit()).as(typed.err()).isZero();
    }

    private static String screen(JsonNode cell) {
        return cell.path("terminal").path("screen").asText();
    }

    @Test
    void aShellTypedIntoFromTheCliShowsColoursWideCharactersAndItsCursor(@TempDir Path dir) throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("ws"), plainShell(dir), "--headless")) {
            assertThat(shell.cli("spawn", "Terminal").exit()).isZero();
            await(shell, "terminal", "the prompt", t -> t.path("screen").asText().startsWith("$"));
            type(shell, "terminal", "clear; printf '\\033[1;31mred\\033[0m \\344\\270\\255\\346\\226\\207 |\\\\n'\\n");
            JsonNode shown = await(shell, "terminal", "the printf's line",
                    t -> t.path("screen").asText().contains("red \u4e2d\u6587 |\n$"));
            String[] lines = screen(shown).split("\n");
            assertThat(lines[0]).isEqualTo("red \u4e2d\u6587 |");
            assertThat(lines[1]).isEqualTo("$");
            assertThat(shown.path("terminal").path("cursor").asText()).isEqualTo("1,2");
            assertThat(shown.path("terminal").path("running").asText()).isEqualTo("true");

            // The size follows the cell: stty in the pty agrees with the grid the cell drew.
            String size = shown.path("terminal").path("size").asText();
            type(shell, "terminal", "stty size\\n");
            String[] cr = size.split("x");
            await(shell, "terminal", "stty's answer", t -> t.path("screen").asText().contains(cr[1] + " " + cr[0]));
        }
    }

    @Test
    void viKeepsRunningWhileTheTerminalsSourceIsSwappedAndThenSavesItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        try (RunningShell shell = RunningShell.start(dir.resolve("ws"), plainShell(dir), "--headless")) {
            assertThat(shell.cli("spawn", "Terminal").exit()).isZero();
            await(shell, "terminal", "the prompt", t -> t.path("screen").asText().startsWith("$"));
            type(shell, "terminal", "vi " + file + "\\n");
            await(shell, "terminal", "vi's screen", t -> t.path("alternate").asText().equals("true")
                    && t.path("screen").asText().contains("~"));
            type(shell, "terminal", "ihello from vi");
            JsonNode before = await(shell, "terminal", "the typed text",
                    t -> t.path("screen").asText().startsWith("hello from vi"));
            long generation = before.path("generation").asLong();

            // Change the cell's code while vi runs: its cursor colour. The program lives in the shell, not in it.
            Path source = shell.workspace().resolve("cells/Terminal/Terminal.java");
            String code = Files.readString(source);
            String changed = code.replace("int cursorColor = theme.color(\"terminal.cursor\", foreground);",
                    "int cursorColor = 0xffd08770;");
            assertThat(changed).isNotEqualTo(code);
            Files.writeString(source, changed);
            JsonNode after = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                after = terminal(shell, "terminal");
                if (after.path("generation").asLong() > generation) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(after.path("generation").asLong()).as("the swap happened").isGreaterThan(generation);
            assertThat(after.path("lastError").asText()).isEmpty();
            assertThat(after.path("terminal").path("pid").asText()).isEqualTo(before.path("terminal").path("pid")
                    .asText());
            assertThat(screen(after)).isEqualTo(screen(before));
            assertThat(after.path("terminal").path("alternate").asText()).isEqualTo("true");

            type(shell, "terminal", "\\e:wq\\n");
            await(shell, "terminal", "the shell again", t -> t.path("alternate").asText().equals("false"));
            assertThat(Files.readString(file)).isEqualTo("hello from vi\n");
        }
    }

    @Test
    void anExitSaysItsCodeEnterStartsAgainAndRemovingTheCellEndsTheProgram(@TempDir Path dir) throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("ws"), plainShell(dir), "--headless")) {
            assertThat(shell.cli("spawn", "Terminal").exit()).isZero();
            JsonNode first = await(shell, "terminal", "the prompt", t -> t.path("screen").asText().startsWith("$"));
            long pid = first.path("terminal").path("pid").asLong();
            type(shell, "terminal", "exit 3\\n");
            await(shell, "terminal", "the exit", t -> t.path("running").asText().equals("false")
                    && t.path("exitCode").asText().equals("3"));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            type(shell, "terminal", "", "enter");
            JsonNode again = await(shell, "terminal", "a new shell", t -> t.path("running").asText().equals("true")
                    && t.path("screen").asText().contains("exit 3"));
            long second = again.path("terminal").path("pid").asLong();
            assertThat(second).isNotEqualTo(pid);
            type(shell, "terminal", "sleep 600 & echo job-$!\\n");
            JsonNode job = await(shell, "terminal", "the job", t -> t.path("screen").asText().matches(
                    "(?s).*job-\\d+.*"));
            long sleeper = Long.parseLong(screen(job).replaceAll("(?s).*job-(\\d+).*", "$1"));

            assertThat(shell.cli("rm", "terminal").exit()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline && (alive(second) || alive(sleeper))) {
                Thread.sleep(50);
            }
            assertThat(alive(second)).as("the shell ended with its cell").isFalse();
            assertThat(alive(sleeper)).as("what it started ended too").isFalse();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aKnownScreenLooksRightInTheDarkAndTheLightTheme(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("screen.sh");
        Files.writeString(script, String.join("\n",
                "printf '\\033]2;colours\\007'",
                "for i in 0 1 2 3 4 5 6 7; do printf \"\\033[4${i}m  \"; done; printf '\\033[0m\\n'",
                "for i in 0 1 2 3 4 5 6 7; do printf \"\\033[10${i}m  \"; done; printf '\\033[0m\\n'",
                "printf '\\033[31mred \\033[32mgreen \\033[33myellow \\033[34mblue \\033[35mmagenta \\033[36mcyan\\033[0m\\n'",
                "printf '\\033[1mbold\\033[0m \\033[3mitalic\\033[0m \\033[4munderline\\033[0m \\033[7minverse\\033[0m "
                        + "\\033[9mstrike\\033[0m \\033[2mdim\\033[0m\\n'",
                "for i in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do "
                        + "printf \"\\033[48;2;$((i*12));$((200-i*8));$((60+i*9))m \"; done; printf '\\033[0m\\n'",
                "for i in 196 202 208 214 220 226 190 154 118 82 46 47 48 49 50 51 45 39 33 27; do "
                        + "printf \"\\033[48;5;${i}m \"; done; printf '\\033[0m\\n'",
                "printf '\\344\\270\\255\\346\\226\\207 wide | box \\033(0lqqk\\033(B\\n'",
                "printf 'the end'",
                "exec sleep 100000", ""));
        try (RunningShell shell = RunningShell.start(dir.resolve("ws"), plainShell(dir), "--headless")) {
            assertThat(shell.cli("spawn", "Terminal", "--size", "520x260", "--prop", "command=sh " + script)
                    .exit()).isZero();
            JsonNode shown = await(shell, "terminal", "the known screen",
                    t -> t.path("screen").asText().contains("the end"));
            assertThat(shown.path("terminal").path("title").asText()).isEqualTo("colours");
            JsonNode bounds = shown.get("bounds");
            int[] origin = FreshSpawnGoldenTest.origin(shell, "desktop");
            assertLooks(shell, dir, origin, bounds, "dark");
            assertThat(shell.cli("theme", "light").exit()).isZero();
            assertLooks(shell, dir, origin, bounds, "light");
        }
    }

    /**
     * The terminal shows the golden {@code terminal-<theme>}: its program's output reaches the screen a render after
     * {@code cell show} reads it, so shots are taken until the picture is right (at most 15 s); the last one is judged,
     * and a failure says the cell's health and last error (a placeholder and a wrong drawing look alike in numbers).
     */
    private static void assertLooks(RunningShell shell, Path dir, int[] origin, JsonNode bounds, String theme)
            throws Exception {
        String golden = "terminal-" + theme;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        BufferedImage last = cell(shell, dir, origin, bounds, theme);
        while (!GoldenImages.matches(last, golden) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = cell(shell, dir, origin, bounds, theme);
        }
        try {
            GoldenImages.assertMatches(last, golden);
        } catch (AssertionError e) {
            JsonNode shown = terminal(shell, "terminal");
            throw new AssertionError(e.getMessage() + "; the cell's health: " + shown.path("health").asText()
                    + ", last error: '" + shown.path("lastError").asText() + "'", e);
        }
    }

    private static BufferedImage cell(RunningShell shell, Path dir, int[] origin, JsonNode bounds, String name)
            throws Exception {
        Path png = dir.resolve(name + ".png");
        assertThat(shell.cli("shot", png.toString()).exit()).isZero();
        BufferedImage desktop = GoldenImages.decode(Files.readAllBytes(png));
        return desktop.getSubimage(origin[0] + bounds.get(0).asInt(), origin[1] + bounds.get(1).asInt(),
                bounds.get(2).asInt(), bounds.get(3).asInt());
    }
}
