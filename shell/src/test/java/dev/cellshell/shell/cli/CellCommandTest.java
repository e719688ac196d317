package dev.cellshell.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's own contract, in-process: help on every verb, and clear exits when there is no shell. */
class CellCommandTest {

    @TempDir
    Path workspace;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = CellCommand.commandLine(args).execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "swap", "shot", "status", "ls", "show", "spawn", "rm", "set", "move", "theme", "click", "log", "audit", "undo", "redo",
        "rollback", "stats", "inspect", "select", "arrange", "broadcast", "completion", "catalog", "ask", "new",
        "bench"})
    void everyVerbHasHelp(String verb) {
        Run help = run(verb, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: cell " + verb);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "shot x.png", "click 1 2", "swap label Label.java", "stats", "inspect on",
        "select"})
    void verbsWithoutARunningShellSayHowToStartOne(String command) throws Exception {
        Files.writeString(workspace.resolve("Label.java"), "class Label {}");
        String[] words = command.split(" ");
        String[] args = new String[words.length + 2];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--workspace";
        args[words.length + 1] = workspace.toString();
        if (command.startsWith("swap")) {
            args[2] = workspace.resolve("Label.java").toString();
        }

        Run run = run(args);

        assertThat(run.exit()).isEqualTo(CellCommand.NO_SHELL);
        assertThat(run.err()).contains("no shell is running for workspace " + workspace)
                .contains("./cell run --workspace");
    }

    @Test
    void theVerbTableNamesEachVerbByItsOwnNameAndTheShellRunsOnlyVerbsThatTalkToIt() {
        CellCommand.VERBS.forEach((name, type) ->
                assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name));
        assertThat(CellCommand.commandLine().getSubcommands().keySet())
                .containsExactlyElementsOf(CellCommand.VERBS.keySet());
        assertThat(CellCommand.VERBS.keySet()).containsAll(CellClient.IN_SHELL)
                .as("verbs that start, bench, install or print for this machine stay local")
                .contains("run", "bench", "install", "uninstall", "completion", "doctor");
        assertThat(CellClient.IN_SHELL).doesNotContain("run", "bench", "install", "uninstall", "completion", "doctor");
    }

    @Test
    void aMistypedVerbIsCorrectedFromTheWholeTree() {
        Run typo = run("stauts");
        assertThat(typo.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(typo.err()).contains("Unmatched argument").contains("status");
    }

    @Test
    void theClientFindsTheWorkspaceOptionInEitherSpelling() {
        assertThat(CellClient.workspaceOption(new String[] {"set", "x", "--workspace", "/w"})).isEqualTo(Path.of("/w"));
        assertThat(CellClient.workspaceOption(new String[] {"ls", "--workspace=rel"})).isEqualTo(Path.of("rel"));
        assertThat(CellClient.workspaceOption(new String[] {"ask", "--", "--workspace", "/w"})).isNull();
        assertThat(CellClient.workspaceOption(new String[] {"status"})).isNull();
    }

    @Test
    void anUnknownRendererIsAUsageErrorNamingTheRenderersBeforeAnythingStarts() {
        Run metal = run("run", "--renderer", "metal", "--workspace", workspace.toString());
        assertThat(metal.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(metal.err()).contains("--renderer wants one of auto, vulkan, gl, cpu, not 'metal'");
        assertThat(workspace.resolve("tissue.json")).as("no workspace was made").doesNotExist();
        assertThat(run("run", "--help").out()).contains("--renderer=API").contains("vulkan, gl (OpenGL), cpu");
    }

    @Test
    void badUsageExitsTwoAndAMissingFileSaysSo() {
        assertThat(run("swap").exit()).isEqualTo(CellCommand.USAGE);
        Run missing = run("swap", "label", workspace.resolve("nope.java").toString(), "--workspace",
                workspace.toString());
        assertThat(missing.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(missing.err()).contains("cannot read");
    }

    @Test
    void theCatalogListsBuiltInAndOwnTypesWithTheirSummaryWithoutAShell() throws Exception {
        Path own = workspace.resolve("cells/Meter");
        Files.createDirectories(own);
        Files.writeString(own.resolve("Meter.java"), """
                import dev.cellshell.widgets.*;

                /** A bar that fills with {@code value}. More words here. */
                public class Meter implements Cell {
                    public void render(Canvas c, CellContext x) { }
                }
                """);
        Run catalog = run("catalog", "--workspace", workspace.toString());
        assertThat(catalog.exit()).isZero();
        assertThat(catalog.out()).contains("Button         built-in  200x64   A button that counts its clicks")
                .contains("Meter          yours     240x80   A bar that fills with value")
                .contains("Panel          built-in  400x240  A surface to group other cells on");
        assertThat(run("catalog", "--json", "--workspace", workspace.toString()).out())
                .contains("{\"builtIn\":\"false\",\"size\":\"240x80\",\"source\":");
    }

    @Test
    void newWritesACellTypeFromTheTemplateAndRefusesBadOrTakenNames() throws Exception {
        Run made = run("new", "Pomodoro", "--workspace", workspace.toString());
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("created").contains("no shell is running");
        assertThat(Files.readString(workspace.resolve("cells/Pomodoro/Pomodoro.java")))
                .contains("public class Pomodoro implements Cell").contains("@State int clicks");
        assertThat(run("new", "Pomodoro", "--workspace", workspace.toString()).exit()).isEqualTo(CellCommand.REFUSED);
        assertThat(run("new", "pomodoro", "--workspace", workspace.toString()).exit()).isEqualTo(CellCommand.USAGE);
    }

    @Test
    void theCompletionScriptKnowsEveryVerb() {
        Run script = run("completion");
        assertThat(script.exit()).isZero();
        assertThat(script.out()).contains("complete -F").contains("arrange").contains("broadcast").contains("stats")
                .contains("--overlay");
    }

    @Test
    void onOffVerbsRefuseOtherWordsBeforeAskingTheShell() {
        Run inspect = run("inspect", "maybe", "--workspace", workspace.toString());
        assertThat(inspect.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(inspect.err()).contains("say on or off, not 'maybe'");
        Run stats = run("stats", "--overlay", "yes", "--workspace", workspace.toString());
        assertThat(stats.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(stats.err()).contains("--overlay takes on or off");
    }

    @Test
    void doctorSaysWhichWallsStandOnThisMachineAndWhatTheLastHostFound() throws Exception {
        java.nio.file.Files.createDirectories(workspace.resolve("logs"));
        java.nio.file.Files.writeString(workspace.resolve("logs/host-shared.log"),
                "cell host shared (pid 2) up; walls: read-only files, no network\n");
        Run doctor = run("doctor", "--workspace", workspace.toString());
        assertThat(doctor.exit()).isZero();
        assertThat(doctor.out()).contains("sandbox:").contains("hard deadline of 1000 ms")
                .contains(dev.cellshell.shell.host.HostLaunch.confinementReport())
                .contains("last start:  cell host shared (pid 2) up; walls: read-only files, no network");
        Run spawn = run("spawn", "Clock", "--isolation", "alone", "--workspace", workspace.toString());
        assertThat(spawn.exit()).isEqualTo(CellCommand.USAGE);
        assertThat(spawn.err()).contains("--isolation is shared or solo, not 'alone'");
    }
}
