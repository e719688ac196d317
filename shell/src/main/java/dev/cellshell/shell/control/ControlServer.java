package dev.cellshell.shell.control;

import dev.cellshell.ipc.Connection;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.CellStatus;
import dev.cellshell.ipc.ControlMessage.Failure;
import dev.cellshell.ipc.ControlMessage.Problem;
import dev.cellshell.ipc.ControlMessage.ShotReply;
import dev.cellshell.ipc.ControlMessage.ShotRequest;
import dev.cellshell.ipc.ControlMessage.StatusReply;
import dev.cellshell.ipc.ControlMessage.StatusRequest;
import dev.cellshell.ipc.ControlMessage.SwapReply;
import dev.cellshell.ipc.ControlMessage.SwapRequest;
import dev.cellshell.ipc.ProtocolException;
import dev.cellshell.ipc.SocketServer;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.scene.SceneLink;
import dev.cellshell.shell.tissue.SwapOutcome;
import dev.cellshell.shell.tissue.Tissue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the control socket. Each client connection may send any number of requests; each gets one reply. A
 * malformed request gets an error frame saying why and the connection is closed; the shell carries on.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    /** How long a swap waits for the compositor to show the new generation before replying without the figure. */
    private static final long PRESENT_TIMEOUT_MS = 5_000;

    private final SocketServer server;
    private final Tissue tissue;
    private final History history;
    private final SceneLink scene;
    private final Path workspace;
    private final ExecutorService clients = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "control-client");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    private final dev.cellshell.shell.intent.Asker asker;
    private final dev.cellshell.shell.cli.CommandRunner commands;
    private volatile java.util.function.Function<ControlMessage.NodeRequest, ControlMessage> nodes = request ->
            new Failure("this shell runs no node");

    /** @param asker plans and applies plain-language requests (shared with the workbench's prompt bar) */
    public ControlServer(SocketServer server, Tissue tissue, SceneLink scene, History history, Path workspace,
            dev.cellshell.shell.intent.Asker asker) {
        this.asker = asker;
        this.history = history;
        this.server = server;
        this.tissue = tissue;
        this.scene = scene;
        this.workspace = workspace;
        this.commands = new dev.cellshell.shell.cli.CommandRunner(workspace);
    }

    /** Who answers {@code cell node …} and {@code cell nodes}; before {@link #start}. */
    public void useNodes(java.util.function.Function<ControlMessage.NodeRequest, ControlMessage> answer) {
        this.nodes = answer;
    }

    public void start() {
        Thread accept = new Thread(this::acceptLoop, "control-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Connection<ControlMessage> client = server.accept(ControlMessage.CODEC);
                clients.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("control socket failed: {}", e.toString());
                }
                return;
            }
        }
    }

    private void serve(Connection<ControlMessage> client) {
        try (client) {
            for (ControlMessage request = receive(client); request != null; request = receive(client)) {
                client.send(answer(request));
            }
        } catch (ProtocolException e) {
            LOG.warn("control client sent a malformed request, connection closed: {}", e.getMessage());
        } catch (IOException e) {
            LOG.debug("control client went away: {}", e.toString());
        }
    }

    /** Receives the next request; a malformed one is answered with an error frame and the connection closed. */
    private static ControlMessage receive(Connection<ControlMessage> client) throws IOException {
        try {
            return client.receive();
        } catch (ProtocolException e) {
            client.refuse("malformed request: " + e.getMessage());
            throw e;
        }
    }

    private ControlMessage answer(ControlMessage request) {
        try {
            if (request instanceof SwapRequest swap) {
                return swap(swap);
            }
            if (request instanceof ShotRequest) {
                byte[] png = scene.shot().get(15, TimeUnit.SECONDS);
                return new ShotReply(scene.presentedScene(), png);
            }
            if (request instanceof ControlMessage.HistoryRequest h) {
                long received = System.nanoTime();
                SwapOutcome outcome = (switch (h.verb()) {
                    case "undo" -> history.undo(tissue);
                    case "redo" -> history.redo(tissue);
                    case "rollback" -> history.rollback(tissue, h.cellId(), h.generation());
                    default -> java.util.concurrent.CompletableFuture.<SwapOutcome>failedFuture(
                            new IllegalArgumentException("unknown history verb " + h.verb()));
                }).get(60, TimeUnit.SECONDS);
                return reply(outcome, received);
            }
            if (request instanceof ControlMessage.ChangeRequest c) {
                java.util.concurrent.CompletableFuture<dev.cellshell.shell.tissue.Change> change = switch (c.verb()) {
                    case "spawn" -> tissue.spawn(c.type(), c.cellId(), Anchor.of(c.anchor()), c.margin(),
                            c.width() > 0 ? new float[] {c.width(), c.height()} : null, c.props(), c.parent(),
                            c.isolation(), c.surface(), "cli");
                    case "rm" -> tissue.remove(c.cellId(), "cli");
                    case "set" -> tissue.set(c.cellId(), c.props(), "cli");
                    case "move" -> tissue.move(c.cellId(), Anchor.of(c.anchor()), c.margin(), "cli");
                    case "divide" -> tissue.divide(c.cellId(), c.type(), "cli");
                    case "theme" -> tissue.setTheme(c.type(), "cli");
                    case "arrange" -> tissue.arrange("cli");
                    case "broadcast" -> tissue.broadcast(c.type(), c.props().getOrDefault("value", ""), "cli");
                    case "type" -> tissue.type(c.cellId(), Keystrokes.parse(c.props().getOrDefault("text", ""),
                            c.props().getOrDefault("keys", "").lines().filter(k -> !k.isBlank()).toList()), "cli");
                    default -> java.util.concurrent.CompletableFuture.failedFuture(
                            new IllegalArgumentException("unknown tissue change " + c.verb()));
                };
                dev.cellshell.shell.tissue.Change done = change.get(60, TimeUnit.SECONDS);
                return new ControlMessage.ChangeReply(done.done(), done.cellId(), done.message());
            }
            if (request instanceof ControlMessage.ClickRequest click) {
                return new ControlMessage.ClickReply(tissue.click(click.x(), click.y()).get(10, TimeUnit.SECONDS));
            }
            if (request instanceof ControlMessage.AskRequest ask) {
                return ask(ask);
            }
            if (request instanceof ControlMessage.StatsRequest) {
                double[] input = scene.inputToPresented();
                return new ControlMessage.StatsReply(scene.renderer(), scene.stats().get(15, TimeUnit.SECONDS),
                        input[0], input[1], (int) input[2]);
            }
            if (request instanceof ControlMessage.OverlayRequest o) {
                return overlay(o);
            }
            if (request instanceof ControlMessage.SurfacesRequest) {
                java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
                tissue.spec().surfaces().forEach(f -> counts.put(f.name(), 0));
                String first = tissue.spec().surfaces().get(0).name();
                tissue.cells().forEach(c -> counts.merge(c.surface().isEmpty() ? first : c.surface(), 1,
                        Integer::sum));
                return new ControlMessage.SurfacesReply(tissue.surfaces(), scene.monitors(), counts);
            }
            if (request instanceof ControlMessage.NodeRequest node) {
                return nodes.apply(node);
            }
            if (request instanceof ControlMessage.CommandRequest command) {
                return commands.run(command);
            }
            if (request instanceof StatusRequest) {
                return new StatusReply(ProcessHandle.current().pid(), workspace.toString(), scene.presentedScene(),
                        scene.renderer(), tissue.cells().stream().map(c -> new CellStatus(c.id(), c.type(),
                                c.generation(), c.x(), c.y(), c.width(), c.height(), c.state(), c.props(),
                                c.health(), c.lastError(), c.isolation(), tissue.terminalOf(c.id()),
                                tissue.servicesOf(c.id()))).toList());
            }
            return new Failure("the shell does not answer " + request.getClass().getSimpleName() + " requests");
        } catch (ExecutionException e) {
            return new Failure(e.getCause().getMessage());
        } catch (IllegalStateException e) {
            return new Failure(e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Failure(e.getMessage());
        } catch (TimeoutException e) {
            return new Failure("timed out waiting for the " + (request instanceof ShotRequest
                    || request instanceof ControlMessage.StatsRequest ? "compositor" : "tissue"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure("the shell is shutting down");
        }
    }

    /** Plans a plain-language request and (unless a dry run) applies it, then waits for its frame. */
    private ControlMessage ask(ControlMessage.AskRequest request) throws ExecutionException, TimeoutException,
            InterruptedException {
        long received = System.nanoTime();
        if (request.useModel()) {
            return write(request, received);
        }
        dev.cellshell.shell.intent.Asker.Answer answer = asker.ask(request.request(), request.dryRun(),
                request.confirmed());
        return new ControlMessage.AskReply(answer.plan().understood(), answer.applied(), answer.message(),
                answer.plan().toJson(), answer.applied() ? waitForFrame(answer.sceneVersion(), received) : -1,
                answer.needsConfirmation());
    }

    /** Nanoseconds from {@code received} to the frame showing {@code sceneVersion}; -1 when none shows in time. */
    private long waitForFrame(long sceneVersion, long received) throws InterruptedException, ExecutionException {
        if (sceneVersion < 0) {
            return -1;
        }
        try {
            return scene.presented(sceneVersion).get(PRESENT_TIMEOUT_MS, TimeUnit.MILLISECONDS) - received;
        } catch (TimeoutException e) {
            LOG.warn("change applied, but no frame showed scene {} within {} ms", sceneVersion, PRESENT_TIMEOUT_MS);
            return -1;
        }
    }

    /** A code-level request: the language model writes the source; it lands only if it compiles and renders. */
    private ControlMessage write(ControlMessage.AskRequest request, long received) throws InterruptedException,
            ExecutionException {
        if (asker.coder() == null) {
            return new Failure("no language model is configured: set CELLSHELL_LLM (openai, anthropic or ollama) "
                    + "and its OPENAI_/ANTHROPIC_/OLLAMA_ settings, or write llm.properties in the workspace");
        }
        String model = asker.coder().modelName();
        if (request.dryRun()) {
            return new ControlMessage.AskReply(true, false, "would ask " + model + " to write the code", "{}", -1);
        }
        dev.cellshell.shell.intent.CodeWriter.Outcome outcome = asker.write(request.request());
        return new ControlMessage.AskReply(outcome.done(), outcome.done(), outcome.message() + " (" + model + ", "
                + outcome.rounds() + " round" + (outcome.rounds() == 1 ? "" : "s") + ")", "{}",
                outcome.done() ? waitForFrame(outcome.sceneVersion(), received) : -1);
    }

    private ControlMessage overlay(ControlMessage.OverlayRequest request) {
        dev.cellshell.ipc.SceneMessage.Overlay now = scene.overlay();
        String select = request.select();
        if (!select.isEmpty() && !select.equals("none")
                && tissue.cells().stream().noneMatch(c -> c.id().equals(select))) {
            return new Failure("no cell with id '" + select + "'; the cells are: " + String.join(", ",
                    tissue.cells().stream().map(dev.cellshell.shell.tissue.CellView::id).toList()));
        }
        dev.cellshell.ipc.SceneMessage.Overlay wanted = new dev.cellshell.ipc.SceneMessage.Overlay(
                onOff(request.inspect(), now.inspect()),
                select.isEmpty() ? now.highlightCellId() : select.equals("none") ? "" : select,
                onOff(request.stats(), now.stats()));
        scene.overlay(wanted);
        return new ControlMessage.OverlayReply(wanted.inspect(), wanted.stats(), wanted.highlightCellId());
    }

    private static boolean onOff(String value, boolean current) {
        return switch (value) {
            case "" -> current;
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is neither on nor off");
        };
    }

    private SwapReply swap(SwapRequest request) throws ExecutionException, TimeoutException, InterruptedException {
        long received = System.nanoTime();
        return reply(tissue.swap(request.cellId(), request.fileName(), request.source(), "cli")
                .get(60, TimeUnit.SECONDS), received);
    }

    /** The reply to a swap (or undo, redo, rollback), after waiting for the new frame to be on screen. */
    private SwapReply reply(SwapOutcome outcome, long received) throws InterruptedException, ExecutionException {
        long editToPixel = -1;
        if (outcome.swapped()) {
            try {
                editToPixel = scene.presented(outcome.sceneVersion()).get(PRESENT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                        - received;
            } catch (TimeoutException e) {
                LOG.warn("swap of {} applied, but no frame showed scene {} within {} ms", outcome.cellId(),
                        outcome.sceneVersion(), PRESENT_TIMEOUT_MS);
            }
        }
        return new SwapReply(outcome.swapped(), outcome.cellId(), outcome.generation(),
                outcome.swapped() && outcome.failure().isEmpty() ? problems(outcome)
                        : problemsOrFailure(outcome), outcome.notes(), outcome.compileNanos(), editToPixel);
    }

    private static java.util.List<Problem> problems(SwapOutcome outcome) {
        return outcome.diagnostics().stream().map(d -> new Problem(d.file(), d.line(), d.column(),
                d.severity() == dev.cellshell.livecompiler.Diagnostic.Severity.ERROR, d.message(), d.excerpt()))
                .toList();
    }

    /** A refusal without compiler errors (no such cell, no Cell class) still says why, as one problem line. */
    private static java.util.List<Problem> problemsOrFailure(SwapOutcome outcome) {
        java.util.List<Problem> problems = new java.util.ArrayList<>(problems(outcome));
        if (problems.stream().noneMatch(Problem::error)) {
            problems.add(0, new Problem("", 0, 0, true, outcome.failure(), ""));
        }
        return problems;
    }

    @Override
    public void close() {
        closed = true;
        server.close();
        clients.shutdownNow();
    }
}
