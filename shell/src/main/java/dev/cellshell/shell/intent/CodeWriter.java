package dev.cellshell.shell.intent;

import dev.cellshell.assets.Assets;
import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.Diagnostic;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.tissue.Change;
import dev.cellshell.shell.tissue.SwapOutcome;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Code-level requests through a language model: the model gets the cell guide ({@code docs/CELLS.md}), the target
 * cell's current source and the request, and answers with new source. That source goes through the sandboxed
 * compiler and the tissue's swap (which draws it once offscreen before it replaces anything); compile errors and
 * refusals go back to the model, for {@link #ROUNDS} rounds at most. Nothing reaches the screen unless it compiled
 * and rendered. A new cell type ("add a pomodoro timer cell") becomes a new folder and a new live cell.
 */
public final class CodeWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CodeWriter.class);
    static final int ROUNDS = 3;
    private static final Pattern JAVA_BLOCK = Pattern.compile("```(?:java)?\\s*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+([A-Z][A-Za-z0-9_]*)");

    /** What happened: the cell changed (or was added), or why not. */
    public record Outcome(boolean done, String cellId, String type, int rounds, String message, long sceneVersion) {
    }

    private final LanguageModel model;
    private final Tissue tissue;
    private final Workspace workspace;
    private final History history;

    public CodeWriter(LanguageModel model, Tissue tissue, Workspace workspace, History history) {
        this.model = model;
        this.tissue = tissue;
        this.workspace = workspace;
        this.history = history;
    }

    public String modelName() {
        return model.name();
    }

    /** Asks the model to change the cell the request names, or to write the new cell type it asks for. */
    public Outcome write(String request, Desktop desktop) {
        String[] why = {""};
        Optional<Desktop.Cell> target = Rules.target(request, desktop, why);
        List<String> t = Lexicon.tokens(request);
        boolean fresh = t.stream().anyMatch(w -> Stream.of("add", "create", "new", "another").anyMatch(w::equals))
                && (target.isEmpty() || !t.contains(target.get().type().toLowerCase(Locale.ROOT)));
        Outcome outcome;
        try {
            outcome = fresh ? newType(request) : target.isPresent() ? change(request, target.get())
                    : new Outcome(false, "", "", 0, why[0].isEmpty() ? "which cell should change?" : why[0], -1);
        } catch (RuntimeException e) {
            LOG.warn("language model {} failed for '{}': {}", model.name(), request, e.toString());
            outcome = new Outcome(false, "", "", 0, "the language model (" + model.name() + ") failed: "
                    + rootMessage(e) + "; nothing changed", -1);
        }
        if (outcome.done()) {
            history.record("llm", "ask", outcome.cellId(), outcome.type(), 0, List.of(), List.of(), "ask "
                    + Plan.string(request) + " (" + model.name() + ", " + outcome.rounds() + " round"
                    + (outcome.rounds() == 1 ? "" : "s") + "): " + outcome.message());
        }
        return outcome;
    }

    private Outcome change(String request, Desktop.Cell cell) {
        List<SourceFile> sources = tissue.sources(cell.id()).join();
        String file = cell.type() + ".java";
        String current = sources.stream().filter(f -> f.name().equals(file)).map(SourceFile::text).findFirst()
                .orElse("");
        List<LanguageModel.Message> conversation = start(request + "\n\nThis is the cell '" + cell.id()
                + "' of type " + cell.type() + ". Its current source, " + file + ":\n```java\n" + current
                + "```\nReply with the whole new " + file + " (class " + cell.type() + ").");
        for (int round = 1; round <= ROUNDS; round++) {
            String reply = model.reply(conversation);
            conversation.add(new LanguageModel.Message(LanguageModel.Role.ASSISTANT, reply));
            String source = source(reply);
            if (source == null) {
                conversation.add(user("That was not a Java source file. Reply with the whole " + file
                        + " in one ```java block."));
                continue;
            }
            SwapOutcome swap = await(tissue.swap(cell.id(), file, source, "llm"));
            if (swap.swapped()) {
                return new Outcome(true, cell.id(), cell.type(), round, "swapped " + cell.id() + " to generation "
                        + swap.generation(), swap.sceneVersion());
            }
            conversation.add(user("That was refused: " + problems(swap.diagnostics(), swap.failure())
                    + "\nFix it and reply with the whole " + file + "."));
        }
        return new Outcome(false, cell.id(), cell.type(), ROUNDS, "the language model's code was refused "
                + ROUNDS + " times (" + lastProblem(conversation) + "); " + cell.id() + " keeps running as it was",
                -1);
    }

    private Outcome newType(String request) {
        List<LanguageModel.Message> conversation = start(request + "\n\nWrite a new cell type for this: one "
                + "public class with a new name (not one of " + String.join(", ", tissue.spec().cells().stream()
                        .map(c -> c.type()).distinct().toList()) + ") and its whole source file.");
        for (int round = 1; round <= ROUNDS; round++) {
            String reply = model.reply(conversation);
            conversation.add(new LanguageModel.Message(LanguageModel.Role.ASSISTANT, reply));
            String source = source(reply);
            Matcher name = source == null ? null : CLASS.matcher(source);
            if (name == null || !name.find()) {
                conversation.add(user("That was not a Java source file with a public class. Reply with the whole "
                        + "file in one ```java block."));
                continue;
            }
            String type = name.group(1);
            if (Files.exists(workspace.typeDirectory(type))) {
                conversation.add(user("A cell type " + type + " exists already; choose another class name."));
                continue;
            }
            List<SourceFile> files = List.of(new SourceFile(type + ".java", source));
            CompileResult compiled = tissue.check(files).join();
            if (!compiled.succeeded()) {
                conversation.add(user("That does not compile: " + problems(compiled.errors(), "")
                        + "\nFix it and reply with the whole file."));
                continue;
            }
            Change spawned;
            try {
                workspace.writeSources(type, Map.of(type + ".java", source));
                spawned = await(tissue.spawn(type, "", Anchor.CENTER, 24, null, Map.of(), "",
                        dev.cellshell.shell.workspace.CellSpec.SOLO, "llm"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the new cell type " + type + ": " + e.getMessage(), e);
            }
            if (spawned.done()) {
                return new Outcome(true, spawned.cellId(), type, round, "added " + spawned.cellId() + " (a new "
                        + type + ")", spawned.sceneVersion());
            }
            deleteType(type);
            conversation.add(user("That was refused: " + spawned.message() + "\nFix it and reply with the whole "
                    + "file."));
        }
        return new Outcome(false, "", "", ROUNDS, "the language model's code was refused " + ROUNDS + " times ("
                + lastProblem(conversation) + "); nothing was added", -1);
    }

    private static List<LanguageModel.Message> start(String request) {
        List<LanguageModel.Message> conversation = new ArrayList<>();
        conversation.add(new LanguageModel.Message(LanguageModel.Role.SYSTEM, "You write cells for CellShell, a "
                + "desktop of live Java widgets. This is the developer guide:\n\n" + Assets.cellGuide()
                + "\n\nAnswer with exactly one complete Java source file in a ```java block, nothing else. Keep "
                + "the class name, its @State fields and its props unless asked otherwise."));
        conversation.add(user(request));
        return conversation;
    }

    private static LanguageModel.Message user(String text) {
        return new LanguageModel.Message(LanguageModel.Role.USER, text);
    }

    /** The Java source in a reply: its ```java block, or the whole reply when it is plainly a Java file. */
    static String source(String reply) {
        Matcher block = JAVA_BLOCK.matcher(reply);
        if (block.find()) {
            return block.group(1).strip() + "\n";
        }
        String trimmed = reply.strip();
        return (trimmed.startsWith("import ") || trimmed.startsWith("public class")) && trimmed.endsWith("}")
                ? trimmed + "\n" : null;
    }

    private static String problems(List<Diagnostic> diagnostics, String failure) {
        List<String> lines = new ArrayList<>();
        diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).limit(10)
                .forEach(d -> lines.add(d.format()));
        if (lines.isEmpty()) {
            lines.add(failure);
        }
        return String.join("\n", lines);
    }

    private static String lastProblem(List<LanguageModel.Message> conversation) {
        String last = conversation.get(conversation.size() - 1).text();
        return last.lines().findFirst().orElse(last).replaceFirst("^That (was refused|does not compile): ", "");
    }

    private void deleteType(String type) {
        try (Stream<java.nio.file.Path> files = Files.walk(workspace.typeDirectory(type))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("refused cell type {} left in the workspace: {}", type, e.toString());
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(rootMessage(e), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the tissue did not answer in 120 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
