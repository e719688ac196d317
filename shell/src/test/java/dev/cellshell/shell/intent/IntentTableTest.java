package dev.cellshell.shell.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain-language table ({@code intent/requests.tsv}: paraphrases, typos, targets, quantities, and out-of-scope
 * requests that must change nothing) against a fixed desktop, through the real engine with its embedding model.
 */
class IntentTableTest {

    private static Engine engine;

    static Desktop desktop(String selected) {
        List<Desktop.Cell> cells = List.of(
                new Desktop.Cell("label", "Label", 40, 40, 440, 96, Map.of("text", "Hello")),
                new Desktop.Cell("ok", "Button", 40, 170, 120, 40, Map.of("text", "OK")),
                new Desktop.Cell("cancel", "Button", 180, 170, 120, 40, Map.of("text", "Cancel")),
                new Desktop.Cell("clock", "Clock", 1000, 24, 256, 96, Map.of()));
        Map<String, float[]> types = Map.of("Label", new float[] {440, 96}, "Button", new float[] {120, 40},
                "Clock", new float[] {256, 96}, "Panel", new float[] {480, 160}, "Battery", new float[] {130, 28},
                "NotificationHistory", new float[] {340, 380}, "NowPlaying", new float[] {340, 96},
                "AppGrid", new float[] {380, 320});
        Map<String, Map<String, List<String>>> variants = Map.of("Clock", Map.of("style", List.of("digital",
                "analog"), "hours", List.of("24h", "12h"), "seconds", List.of("on", "off")), "Label", Map.of(),
                "Button", Map.of());
        return new Desktop(1280, 720, "dark", cells, selected, types, variants, List.of("dark", "light"), Map.of(),
                SYSTEM);
    }

    /** The system around the table's desktop: three installed applications, four workspaces, a top bar. */
    static final Desktop.System SYSTEM = new Desktop.System(List.of(
            new dev.cellshell.widgets.App("org.mozilla.firefox", "Firefox", "Web Browser", "Browse the Web",
                    List.of("Network", "WebBrowser"), false),
            new dev.cellshell.widgets.App("org.gnome.Calculator", "Calculator", "Calculator", "Do sums",
                    List.of("Utility"), false),
            new dev.cellshell.widgets.App("xterm", "XTerm", "Terminal", "standard terminal emulator",
                    List.of("System", "TerminalEmulator"), false)), 4, Map.of("bar", "top"));

    record Row(int line, String request, String expected, String selected) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = IntentTableTest.class.getResourceAsStream("/intent/requests.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] columns = lines[i].split("\t");
                rows.add(new Row(i + 1, columns[0], columns[1], columns.length > 2 ? columns[2] : ""));
            }
        }
        return rows;
    }

    /** A plan in the table's notation. */
    static String summary(Plan plan) {
        if (!plan.understood()) {
            return "-";
        }
        return plan.changes().stream().map(op -> {
            if (op instanceof Op.Set s) {
                return "set " + s.cell() + " " + props(s.props());
            } else if (op instanceof Op.Move m) {
                return "move " + m.cell() + " " + m.at();
            } else if (op instanceof Op.Spawn s) {
                return ("spawn " + s.cell() + " " + s.type() + " " + s.at() + (s.surface().isEmpty() ? ""
                        : " on " + s.surface()) + " " + props(s.props())).trim();
            } else if (op instanceof Op.Rm r) {
                return "rm " + r.cell();
            } else if (op instanceof Op.Theme t) {
                return "theme " + t.name();
            } else if (op instanceof Op.Launch l) {
                return "launch " + l.appId();
            } else if (op instanceof Op.DoNotDisturb d) {
                return "quiet " + d.minutes();
            } else if (op instanceof Op.Media m) {
                return "media " + m.command();
            } else if (op instanceof Op.Workspace w) {
                return "workspace " + w.index();
            }
            return op instanceof Op.Arrange ? "arrange" : op instanceof Op.Undo ? "undo" : op.toString();
        }).collect(Collectors.joining("; "));
    }

    private static String props(Map<String, String> props) {
        return new TreeMap<>(props).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    @BeforeAll
    static void loadTheModel() {
        engine = Engine.start();
        engine.awaitModel();
    }

    @Test
    void everyRequestInTheTableGivesItsPlan() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).as("phrasings in the table").hasSizeGreaterThanOrEqualTo(150);
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            Plan plan = engine.plan(row.request(), desktop(row.selected()));
            String got = summary(plan);
            if (!got.equals(row.expected())) {
                wrong.add("line " + row.line() + ": \"" + row.request() + "\"" + (row.selected().isEmpty() ? ""
                        : " [selected " + row.selected() + "]") + "\n    expected: " + row.expected()
                        + "\n    got:      " + got + " (" + plan.backend() + ", "
                        + String.format("%.2f", plan.confidence()) + ", " + plan.message() + ")");
            }
        }
        assertThat(wrong).as(wrong.size() + " of " + rows.size() + " requests planned wrong:\n"
                + String.join("\n", wrong)).isEmpty();
    }

    @Test
    void aRequestThatIsNotUnderstoodChangesNothingAndSaysWhatCanBeAsked() {
        Plan plan = engine.plan("tell me a joke", desktop(""));
        assertThat(plan.understood()).isFalse();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.message()).contains("I can make a cell bigger");
        assertThat(plan.toJson()).contains("\"understood\": false").contains("\"changes\": []");
    }

    @Test
    void thePlanPrintsAsTheDocumentedJson() {
        Plan plan = engine.plan("make the OK button bigger", desktop(""));
        assertThat(plan.toJson()).isEqualTo("{\"request\": \"make the OK button bigger\", \"understood\": true, "
                + "\"confidence\": 0.97, \"backend\": \"rules\", \"message\": \"Made ok 25% bigger\",\n"
                + " \"changes\": [{\"op\": \"set\", \"cell\": \"ok\", \"props\": {\"height\": 50, \"width\": 150}}]}");
    }
}
