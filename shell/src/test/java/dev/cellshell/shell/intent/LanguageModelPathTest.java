package dev.cellshell.shell.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cellshell.assets.Assets;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.history.AuditLog;
import dev.cellshell.shell.history.History;
import dev.cellshell.shell.history.SourceArchive;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.tissue.TissueStore;
import dev.cellshell.shell.workspace.Workspace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The language-model path through langchain4j's real clients against a fake server on 127.0.0.1 speaking each
 * protocol (OpenAI-compatible, Anthropic, Ollama): a good answer, a broken one then a repaired one, a forbidden
 * API, a timeout, garbage, and a new cell type. Nothing reaches the tissue unless it compiled and rendered.
 */
class LanguageModelPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private AuditLog log;
    private History history;
    private Tissue tissue;
    private HttpServer server;
    /** What the fake model answers, one per request; "SLEEP" waits past the client's timeout, "GARBAGE" is no JSON. */
    private final Deque<String> replies = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        log = AuditLog.open(workspace.resolve("audit.log"));
        history = new History(log, new SourceArchive(workspace.resolve("history/sources")));
        ClassLoader host = getClass().getClassLoader();
        tissue = new Tissue(Workspace.open(workspace, "demo"), new LiveCompiler(host), host, () -> TestTissues.FROZEN, true,
                sink, null, TissueStore.NONE, history);
        tissue.start().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        tissue.close();
        log.close();
    }

    /** The fake server for {@code protocol}; returns the model as the shell would configure it. */
    private LanguageModel serve(String protocol) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String path = switch (protocol) {
            case "openai" -> "/v1/chat/completions";
            case "anthropic" -> "/v1/messages";
            default -> "/api/chat";
        };
        server.createContext(path, exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String reply = replies.isEmpty() ? "no more answers" : replies.pop();
            if (reply.equals("SLEEP")) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = (reply.equals("GARBAGE") ? "<html>502 Bad Gateway</html>" : answer(protocol, reply))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> env = switch (protocol) {
            case "openai" -> Map.of("CELLSHELL_LLM", "openai", "OPENAI_BASE_URL", base + "/v1", "OPENAI_API_KEY",
                    "test-key", "OPENAI_MODEL", "fake-gpt", "CELLSHELL_LLM_TIMEOUT_SECONDS", "1");
            case "anthropic" -> Map.of("CELLSHELL_LLM", "anthropic", "ANTHROPIC_BASE_URL", base + "/v1/",
                    "ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_MODEL", "fake-claude",
                    "CELLSHELL_LLM_TIMEOUT_SECONDS", "1");
            default -> Map.of("CELLSHELL_LLM", "ollama", "OLLAMA_BASE_URL", base, "OLLAMA_MODEL", "fake-llama",
                    "CELLSHELL_LLM_TIMEOUT_SECONDS", "1");
        };
        return LanguageModels.configured(workspace, env).orElseThrow();
    }

    private static String answer(String protocol, String content) {
        try {
            String text = JSON.writeValueAsString(content);
            return switch (protocol) {
                case "openai" -> "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-gpt\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + text
                        + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                        + "\"total_tokens\":2}}";
                case "anthropic" -> "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                        + "\"fake-claude\",\"content\":[{\"type\":\"text\",\"text\":" + text + "}],\"stop_reason\":"
                        + "\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}";
                default -> "{\"model\":\"fake-llama\",\"created_at\":\"2026-12-01T00:00:00Z\",\"message\":{\"role\":"
                        + "\"assistant\",\"content\":" + text + "},\"done\":true,\"done_reason\":\"stop\"}";
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fenced(String source) {
        return "Here is the new cell:\n```java\n" + source + "```\nIt keeps the props.";
    }

    private static String label(String text) {
        return Assets.cellSource("Label").replace("props.string(\"text\", \"Hello, CellShell\")", "\"" + text + "\"");
    }

    private CodeWriter.Outcome ask(LanguageModel model, String request) throws IOException {
        return new CodeWriter(model, tissue, Workspace.open(workspace, "demo"), history).write(request,
                new PlanRunner(tissue, history, workspace).desktop(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void aGoodAnswerIsCompiledSwappedInAuditedAndUndoneInOneStep(String protocol) throws Exception {
        LanguageModel model = serve(protocol);
        replies.add(fenced(label("Written by the model")));

        CodeWriter.Outcome outcome = ask(model, "make the label show who wrote it");

        assertThat(outcome.done()).as(outcome.message()).isTrue();
        assertThat(outcome.rounds()).isEqualTo(1);
        assertThat(sink.texts("label")).containsExactly("Written by the model");
        assertThat(requests.get(0)).as("the model was given the guide and the current source")
                .contains("Writing a cell").contains("class Label implements Cell").contains("who wrote it");
        AuditLog.Entry ask = log.entries().get(log.entries().size() - 1);
        assertThat(ask.actor()).isEqualTo("llm");
        assertThat(ask.result()).contains("make the label show who wrote it").contains(model.name());
        assertThat(log.entries().get(log.entries().size() - 2).diff()).contains("+").contains("Written by the model");

        history.undo(tissue).get(60, TimeUnit.SECONDS);
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void aBrokenAnswerGoesBackWithItsErrorsAndTheRepairedOneLands(String protocol) throws Exception {
        LanguageModel model = serve(protocol);
        replies.add(fenced(label("Broken").replace("canvas.fillRoundRect", "canvas.fillRondRect")));
        replies.add(fenced(label("Repaired")));

        CodeWriter.Outcome outcome = ask(model, "make the label say it was repaired");

        assertThat(outcome.done()).as(outcome.message()).isTrue();
        assertThat(outcome.rounds()).isEqualTo(2);
        assertThat(requests.get(1)).as("the diagnostics went back to the model").contains("fillRondRect");
        assertThat(sink.texts("label")).containsExactly("Repaired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void codeThatUsesAForbiddenApiNeverRuns(String protocol) throws Exception {
        LanguageModel model = serve(protocol);
        String sneaky = label("Sneaky").replace("public void render(Canvas canvas, CellContext context) {",
                "public void render(Canvas canvas, CellContext context) {\n        new java.io.File(\"/tmp/x\").delete();");
        for (int i = 0; i < 3; i++) {
            replies.add(fenced(sneaky));
        }

        CodeWriter.Outcome outcome = ask(model, "make the label tidy up my files");

        assertThat(outcome.done()).isFalse();
        assertThat(outcome.message()).contains("refused 3 times").contains("java.io");
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
        assertThat(Files.readString(workspace.resolve("cells/Label/Label.java"))).doesNotContain("java.io");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void aTimeoutOrGarbageChangesNothingAndSaysSo(String protocol) throws Exception {
        LanguageModel model = serve(protocol);
        replies.add("SLEEP");
        CodeWriter.Outcome slow = ask(model, "make the label fancier");
        assertThat(slow.done()).isFalse();
        assertThat(slow.message()).contains("the language model (" + model.name() + ") failed");

        replies.clear();
        replies.add("GARBAGE");
        CodeWriter.Outcome garbage = ask(model, "make the label fancier");
        assertThat(garbage.done()).isFalse();
        assertThat(garbage.message()).contains("failed");

        replies.clear();
        for (int i = 0; i < 3; i++) {
            replies.add("I would love to help, but I am only a language model.");
        }
        CodeWriter.Outcome prose = ask(model, "make the label fancier");
        assertThat(prose.done()).isFalse();
        assertThat(prose.message()).contains("refused 3 times");
        assertThat(sink.texts("label")).containsExactly("Hello, CellShell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai"})
    void aNewCellTypeBecomesANewLiveCell(String protocol) throws Exception {
        LanguageModel model = serve(protocol);
        replies.add(fenced("""
                import dev.cellshell.widgets.*;

                /** A pomodoro timer: 25 minutes of work. */
                public class Pomodoro implements Cell {
                    @State int done;

                    @Override
                    public void render(Canvas canvas, CellContext context) {
                        canvas.fillRoundRect(0, 0, context.width(), context.height(), 16, Color.rgb(191, 97, 106));
                        canvas.drawText("25:00", context.width() / 2, 50, 32, Color.WHITE, Align.CENTER);
                    }
                }
                """));

        CodeWriter.Outcome outcome = ask(model, "add a pomodoro timer cell");

        assertThat(outcome.done()).as(outcome.message()).isTrue();
        assertThat(outcome.type()).isEqualTo("Pomodoro");
        assertThat(workspace.resolve("cells/Pomodoro/Pomodoro.java")).exists();
        assertThat(sink.texts(outcome.cellId())).containsExactly("25:00");
    }
}
