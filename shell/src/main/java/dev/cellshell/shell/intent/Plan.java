package dev.cellshell.shell.intent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a plain-language request means: an ordered list of operations, or (when not understood well enough) none
 * and a message saying what can be asked. {@link #toJson} is the shape {@code cell ask --dry-run --json} prints.
 *
 * @param backend what understood it: {@code rules}, {@code embeddings} (a paraphrase) or a language model's name
 */
public record Plan(String request, boolean understood, double confidence, String message, List<Op> changes,
        String backend) {

    public Plan {
        changes = List.copyOf(changes);
    }

    static Plan notUnderstood(String request, String why) {
        return new Plan(request, false, 0, why, List.of(), "rules");
    }

    public String toJson() {
        StringBuilder out = new StringBuilder("{\"request\": ").append(string(request))
                .append(", \"understood\": ").append(understood)
                .append(", \"confidence\": ").append(String.format(Locale.ROOT, "%.2f", confidence))
                .append(", \"backend\": ").append(string(backend))
                .append(", \"message\": ").append(string(message)).append(",\n \"changes\": [");
        for (int i = 0; i < changes.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(json(changes.get(i)));
        }
        return out.append("]}").toString();
    }

    private static String json(Op op) {
        if (op instanceof Op.Spawn s) {
            return "{\"op\": \"spawn\", \"cell\": " + string(s.cell()) + ", \"type\": " + string(s.type())
                    + ", \"at\": " + string(s.at()) + (s.surface().isEmpty() ? "" : ", \"surface\": "
                    + string(s.surface())) + ", \"props\": " + object(s.props()) + "}";
        } else if (op instanceof Op.Set s) {
            return "{\"op\": \"set\", \"cell\": " + string(s.cell()) + ", \"props\": " + object(s.props()) + "}";
        } else if (op instanceof Op.Move m) {
            return "{\"op\": \"move\", \"cell\": " + string(m.cell()) + ", \"at\": " + string(m.at()) + "}";
        } else if (op instanceof Op.Rm r) {
            return "{\"op\": \"rm\", \"cell\": " + string(r.cell()) + "}";
        } else if (op instanceof Op.Theme t) {
            return "{\"op\": \"theme\", \"name\": " + string(t.name()) + "}";
        } else if (op instanceof Op.Arrange) {
            return "{\"op\": \"arrange\"}";
        } else if (op instanceof Op.Undo) {
            return "{\"op\": \"undo\"}";
        } else if (op instanceof Op.Swap s) {
            return "{\"op\": \"swap\", \"cell\": " + string(s.cell()) + ", \"source\": " + string(s.source()) + "}";
        } else if (op instanceof Op.Launch l) {
            return "{\"op\": \"launch\", \"app\": " + string(l.appId()) + ", \"name\": " + string(l.name()) + "}";
        } else if (op instanceof Op.DoNotDisturb d) {
            return "{\"op\": \"do-not-disturb\", \"minutes\": " + d.minutes() + "}";
        } else if (op instanceof Op.Media m) {
            return "{\"op\": \"media\", \"command\": " + string(m.command()) + "}";
        } else if (op instanceof Op.Workspace w) {
            return "{\"op\": \"workspace\", \"index\": " + w.index() + "}";
        }
        throw new IllegalArgumentException("unknown op " + op);
    }

    /** Numbers stay numbers (width 150), words stay strings. */
    private static String object(Map<String, String> props) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(props).forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(string(k))
                .append(": ").append(v.matches("-?\\d+(\\.\\d+)?") ? v : string(v)));
        return out.append('}').toString();
    }

    /** {@code text} as a JSON string literal. */
    public static String string(String text) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text))
                + "\"";
    }
}
