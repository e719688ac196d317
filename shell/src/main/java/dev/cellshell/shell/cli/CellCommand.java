package dev.cellshell.shell.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cell}: the command line of CellShell. Exit codes: 0 done, 1 refused, 2 bad usage, 3 no shell running. */
@Command(name = "cell", mixinStandardHelpOptions = true, version = "CellShell 0.1",
        description = "A desktop of live Java cells. 'cell run' starts it; the other verbs drive a running shell.",
        subcommands = {RunCommand.class, SwapCommand.class, ShotCommand.class, StatusCommand.class, SurfacesCommand.class, InstallCommand.class, UninstallCommand.class, LsCommand.class, ShowCommand.class, SpawnCommand.class, RmCommand.class,
            SetCommand.class, MoveCommand.class, ThemeCommand.class, ClickCommand.class, LogCommand.class, AuditCommand.class, UndoCommand.class,
            RedoCommand.class, RollbackCommand.class, StatsCommand.class, InspectCommand.class, SelectCommand.class, ArrangeCommand.class,
            BroadcastCommand.class, CompletionCommand.class, CatalogCommand.class, AskCommand.class, NewCommand.class,
            BenchCommand.class, DoctorCommand.class})
public final class CellCommand implements Runnable {

    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int NO_SHELL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new CellCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
