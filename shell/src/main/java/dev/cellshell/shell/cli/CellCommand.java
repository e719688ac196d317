package dev.cellshell.shell.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cell}: the command line of CellShell. Exit codes: 0 done, 1 refused, 2 bad usage, 3 no shell running.
 *
 * <p>picocli reads a command's annotations reflectively when the command is added, ~5 ms a verb in a cold JVM; a
 * verb run by name builds only its own command ({@link #commandLine(String[])}), the usage, completion and
 * "did you mean" paths build all of them ({@link #commandLine()}).
 */
@Command(name = "cell", mixinStandardHelpOptions = true, version = "CellShell 0.1",
        description = "A desktop of live Java cells. 'cell run' starts it; the other verbs drive a running shell.")
public final class CellCommand implements Runnable {

    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int NO_SHELL = 3;

    /**
     * Every verb by name, in the order the usage lists them. The names are the commands' own (a test checks); written
     * out here so that running one verb does not read every verb's annotations.
     */
    static final Map<String, Class<?>> VERBS = verbs(
            Map.entry("run", RunCommand.class),
            Map.entry("swap", SwapCommand.class),
            Map.entry("shot", ShotCommand.class),
            Map.entry("status", StatusCommand.class),
            Map.entry("surfaces", SurfacesCommand.class),
            Map.entry("install", InstallCommand.class),
            Map.entry("uninstall", UninstallCommand.class),
            Map.entry("ls", LsCommand.class),
            Map.entry("show", ShowCommand.class),
            Map.entry("spawn", SpawnCommand.class),
            Map.entry("rm", RmCommand.class),
            Map.entry("set", SetCommand.class),
            Map.entry("move", MoveCommand.class),
            Map.entry("theme", ThemeCommand.class),
            Map.entry("click", ClickCommand.class),
            Map.entry("type", TypeCommand.class),
            Map.entry("log", LogCommand.class),
            Map.entry("audit", AuditCommand.class),
            Map.entry("undo", UndoCommand.class),
            Map.entry("redo", RedoCommand.class),
            Map.entry("rollback", RollbackCommand.class),
            Map.entry("stats", StatsCommand.class),
            Map.entry("inspect", InspectCommand.class),
            Map.entry("select", SelectCommand.class),
            Map.entry("arrange", ArrangeCommand.class),
            Map.entry("broadcast", BroadcastCommand.class),
            Map.entry("completion", CompletionCommand.class),
            Map.entry("catalog", CatalogCommand.class),
            Map.entry("ask", AskCommand.class),
            Map.entry("new", NewCommand.class),
            Map.entry("bench", BenchCommand.class),
            Map.entry("doctor", DoctorCommand.class),
            Map.entry("node", NodeCommand.class),
            Map.entry("nodes", NodesCommand.class));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run")) {
            StartWarmUp.begin();
        }
        System.exit(commandLine(args).execute(args));
    }

    /** The whole command tree: every verb. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new CellCommand());
        VERBS.values().forEach(line::addSubcommand);
        return line;
    }

    /** The tree {@code args} needs: only the verb they name when they start with one, else the whole tree. */
    static CommandLine commandLine(String[] args) {
        Class<?> verb = args.length == 0 ? null : VERBS.get(args[0]);
        if (verb == null) {
            return commandLine();
        }
        CommandLine line = new CommandLine(new CellCommand());
        line.addSubcommand(verb);
        return line;
    }

    @SafeVarargs
    private static Map<String, Class<?>> verbs(Map.Entry<String, Class<?>>... entries) {
        Map<String, Class<?>> verbs = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> e : entries) {
            verbs.put(e.getKey(), e.getValue());
        }
        return verbs;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
