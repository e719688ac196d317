package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.ipc.ControlMessage.CellStatus;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cell ask} against a real headless shell: the requests of the issue, checked on screenshots and in the
 * tissue; a request that is not understood changes nothing; one request is one undo.
 */
class AskEndToEndTest {

    @TempDir
    Path dir;

    private BufferedImage shot(RunningShell shell, String name) throws Exception {
        Path file = dir.resolve(name + ".png");
        RunningShell.Result result = shell.cli("shot", file.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        return GoldenImages.decode(Files.readAllBytes(file));
    }

    private static RunningShell.Result ask(RunningShell shell, String... words) throws Exception {
        String[] args = new String[words.length + 1];
        args[0] = "ask";
        System.arraycopy(words, 0, args, 1, words.length);
        return shell.cli(args);
    }

    private static CellStatus cell(RunningShell shell, String id) throws Exception {
        return shell.status().cells().stream().filter(c -> c.cellId().equals(id)).findFirst().orElse(null);
    }

    /** Pixels that differ by more than 2 levels inside and outside a rectangle. */
    private static int[] changed(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (GoldenImages.channelDifference(a.getRGB(x, y), b.getRGB(x, y)) > 2) {
                    if (x >= x0 && x < x1 && y >= y0 && y < y1) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        return new int[] {inside, outside};
    }

    @Test
    void theIssuesRequestsChangeTheDesktopAndAreUndoneOneByOne() throws Exception {
        try (RunningShell shell = RunningShell.start(dir.resolve("workspace"), Map.of(), "--headless")) {
            RunningShell.Result removed = ask(shell, "remove the clock");
            assertThat(removed.exit()).as(removed.err()).isZero();
            BufferedImage empty = shot(shell, "empty");

            RunningShell.Result added = ask(shell, "add a clock to the top right");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains("Added clock (a clock) at the top right");
            CellStatus clock = cell(shell, "clock");
            assertThat(new float[] {clock.x(), clock.y()}).containsExactly(1000, 24);
            BufferedImage digital = shot(shell, "digital");
            int[] clockDrawn = changed(empty, digital, 1000, 24, 1256, 120);
            assertThat(clockDrawn[0]).as("the clock is drawn at the top right").isGreaterThan(5_000);
            assertThat(clockDrawn[1]).as("nothing else changed").isZero();

            RunningShell.Result analog = ask(shell, "make it analog");
            assertThat(analog.exit()).as(analog.err()).isZero();
            assertThat(cell(shell, "clock").props()).containsEntry("style", "analog");
            BufferedImage analogShot = shot(shell, "analog");
            assertThat(changed(digital, analogShot, 1000, 24, 1256, 120)[1]).isZero();
            GoldenImages.assertMatches(analogShot.getSubimage(1000, 24, 256, 96), "ask-analog-clock");

            RunningShell.Result button = ask(shell, "add a button saying OK in the middle");
            assertThat(button.exit()).as(button.err()).isZero();
            CellStatus ok = shell.status().cells().stream().filter(c -> "OK".equals(c.props().get("text")))
                    .findFirst().orElseThrow();
            RunningShell.Result bigger = ask(shell, "make the OK button bigger");
            assertThat(bigger.exit()).as(bigger.err()).isZero();
            CellStatus grown = cell(shell, ok.cellId());
            assertThat(new float[] {grown.width(), grown.height()}).containsExactly(ok.width() * 1.25f,
                    ok.height() * 1.25f);
            assertThat(grown.x() + grown.width() / 2).as("it grew around its anchor, the centre")
                    .isEqualTo(ok.x() + ok.width() / 2);

            BufferedImage dark = shot(shell, "before-light");
            RunningShell.Result light = ask(shell, "switch to light mode");
            assertThat(light.exit()).as(light.err()).isZero();
            BufferedImage lightShot = shot(shell, "light");
            assertThat(lightShot.getRGB(640, 600) & 0xFFFFFF).as("the light theme's background")
                    .isNotEqualTo(dark.getRGB(640, 600) & 0xFFFFFF);
            assertThat(ask(shell, "switch to dark mode").exit()).isZero();
            assertThat(changed(dark, shot(shell, "dark-again"), 0, 0, 0, 0)[1]).as("dark again, as before").isZero();

            RunningShell.Result dry = ask(shell, "--dry-run", "--json", "make the OK button bigger");
            assertThat(dry.exit()).isZero();
            assertThat(dry.out()).contains("\"understood\": true").contains("\"op\": \"set\"")
                    .contains("\"width\": " + Math.round(grown.width() * 1.25f));
            assertThat(cell(shell, ok.cellId()).width()).as("a dry run changes nothing").isEqualTo(grown.width());

            BufferedImage before = shot(shell, "before-music");
            // understood now (the media organelle), but there is no player here: it says so and changes nothing
            RunningShell.Result music = ask(shell, "play some music");
            assertThat(music.exit()).isEqualTo(1);
            assertThat(music.err()).contains("no media player is running");
            RunningShell.Result joke = ask(shell, "tell me a joke");
            assertThat(joke.exit()).isEqualTo(1);
            assertThat(joke.err()).contains("I don't know how to do that").contains("I can make a cell bigger");
            assertThat(changed(before, shot(shell, "after-music"), 0, 0, 0, 0)[1]).isZero();

            assertThat(shell.cli("log").out()).contains("ask \"make the OK button bigger\" (rules")
                    .contains("ask \"make it analog\"");
            assertThat(shell.cli("undo").exit()).as("undo takes back 'dark mode'").isZero();
            assertThat(shell.cli("undo").exit()).as("undo takes back 'light mode'").isZero();
            assertThat(shell.cli("undo").exit()).as("undo takes back 'bigger'").isZero();
            assertThat(cell(shell, ok.cellId()).width()).isEqualTo(ok.width());
            assertThat(shell.cli("audit", "verify").exit()).isZero();
        }
    }

    @Test
    void withALanguageModelConfiguredCodeLandsOnlyThroughTheCompilerAndOneUndoTakesItBack() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String source = dev.cellshell.assets.Assets.cellSource("Label").replace(
                "props.string(\"text\", \"Hello, CellShell\")", "\"Written by a model\"");
        String content = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                "```java\n" + source + "```");
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + content
                    + "},\"finish_reason\":\"stop\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Map<String, String> env = Map.of("CELLSHELL_LLM", "openai", "OPENAI_BASE_URL", "http://127.0.0.1:"
                + server.getAddress().getPort() + "/v1", "OPENAI_API_KEY", "test", "OPENAI_MODEL", "fake-model");
        try (RunningShell shell = RunningShell.start(dir.resolve("workspace"), env, "--headless")) {
            BufferedImage before = shot(shell, "before-model");
            RunningShell.Result offline = ask(shell, "make the label show who wrote it");
            assertThat(offline.exit()).isEqualTo(1);
            assertThat(offline.err()).contains("cell ask --llm");

            RunningShell.Result written = ask(shell, "--llm", "make the label show who wrote it");
            assertThat(written.exit()).as(written.err()).isZero();
            assertThat(written.out()).contains("swapped label to generation").contains("openai fake-model");
            int[] label = changed(before, shot(shell, "model"), 40, 40, 480, 136);
            assertThat(label[0]).as("the label shows the model's text").isGreaterThan(100);
            assertThat(label[1]).isZero();
            assertThat(shell.cli("log").out()).contains("llm").contains("ask \"make the label show who wrote it\"");

            assertThat(shell.cli("undo").exit()).isZero();
            assertThat(changed(before, shot(shell, "undone"), 0, 0, 0, 0)[1]).isZero();
        } finally {
            server.stop(0);
        }
    }
}
