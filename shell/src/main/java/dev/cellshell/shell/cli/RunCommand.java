package dev.cellshell.shell.cli;

import dev.cellshell.shell.Shell;
import dev.cellshell.shell.scene.CompositorProcess;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Start the shell: tissue, live compiler, compositor and (with a display) the workbench.",
    "Without a display it runs headless and says so; look at the desktop with 'cell shot FILE.png'."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--headless", description = "No window at all: the compositor draws offscreen (EGL).")
    boolean headless;

    @Option(names = "--no-workbench", description = "Do not open the workbench window.")
    boolean noWorkbench;

    @Option(names = "--in-place", description = {
        "Swaps that change only method bodies redefine the running classes in place (objects, their state and",
        "static fields kept) instead of making a new generation. Needs the JVM agent, which ./cell adds."})
    boolean inPlace;

    @Option(names = "--dev", description = {
        "For working on CellShell itself: ./cell starts both JVMs with HotswapAgent, from target/classes, so a",
        "method-body change to a shell or compositor class that your IDE recompiles is applied while it runs."})
    boolean dev;

    @Option(names = "--window", description = {
        "Show the whole desktop (every surface) in one ordinary window, for development or inside another desktop,",
        "instead of being the desktop: a window below all others, panels that reserve their edge, every monitor."})
    boolean window;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "desktop", description = {
        "What a new workspace starts from: desktop (a top panel with a launcher, workspaces, meters, notices and a",
        "clock; a calendar, notes and a system monitor) or demo (a label, a button and a clock to learn on).",
        "Default: ${DEFAULT-VALUE}."})
    String template;

    @Option(names = "--renderer", paramLabel = "API", defaultValue = "auto", description = {
        "How the compositor draws: vulkan, gl (OpenGL), cpu (Skia on the CPU; windows through XPutImage) or auto:",
        "Vulkan where a Vulkan device and driver are installed, else OpenGL. Default: ${DEFAULT-VALUE}.",
        "cell status and cell stats say which one draws."})
    String renderer;

    @Option(names = "--frozen-time", paramLabel = "INSTANT",
            description = {"Stop the desktop clock at INSTANT (e.g. 2026-11-29T10:09:30Z), and the system figures cells",
                "see, for reproducible shots."})
    String frozenTime;

    @Override
    public Integer call() throws Exception {
        Instant frozen = null;
        if (frozenTime != null) {
            try {
                frozen = Instant.parse(frozenTime);
            } catch (DateTimeParseException e) {
                workspace.err().println("cell run: --frozen-time wants an ISO instant like 2026-11-29T10:09:30Z");
                return CellCommand.USAGE;
            }
        }
        if (!CompositorProcess.RENDERERS.contains(renderer)) {
            workspace.err().println("cell run: --renderer wants one of " + String.join(", ", CompositorProcess.RENDERERS)
                    + ", not '" + renderer + "'");
            return CellCommand.USAGE;
        }
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        boolean runHeadless = headless || !display;
        if (!headless && !display) {
            workspace.out().println("No display found (DISPLAY is not set): starting headless."
                    + " See the desktop with: ./cell shot desktop.png");
        }
        if (dev) {
            boolean agent = ClassLoader.getSystemClassLoader().getResource("org/hotswap/agent/HotswapAgent.class")
                    != null;
            workspace.out().println(agent ? "Dev mode: HotswapAgent redefines shell and compositor classes recompiled under"
                    + " */target/classes." : "cell run: --dev without HotswapAgent (start it through ./cell run --dev)");
        }
        Shell shell;
        try {
            shell = Shell.start(new Shell.Options(workspace.resolve(), runHeadless, frozen,
                    !runHeadless && !noWorkbench, CompositorProcess.classpathFromSystem(), inPlace, window,
                    template, renderer));
        } catch (IllegalStateException | IllegalArgumentException | java.io.IOException e) {
            workspace.err().println("cell run: " + e.getMessage());
            return CellCommand.REFUSED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shell::close, "shell-shutdown"));
        workspace.out().println("CellShell is running (workspace " + workspace.resolve() + "). Try: ./cell status,"
                + " ./cell shot desktop.png, ./cell swap label MyLabel.java");
        shell.awaitClosed();
        return 0;
    }
}
