package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage.CellStatus;
import java.util.Map;
import java.util.TreeMap;

/** The CLI's JSON output: small, flat objects, written by hand so the CLI needs no JSON library. */
final class Json {

    private Json() {
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    static String object(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(values).forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(string(k))
                .append(':').append(string(v)));
        return out.append('}').toString();
    }

    static String cell(CellStatus c, String sourceFolder) {
        return String.format(java.util.Locale.ROOT, "{\"id\":%s,\"type\":%s,\"generation\":%d,"
                + "\"bounds\":[%.1f,%.1f,%.1f,%.1f],\"source\":%s,\"props\":%s,\"state\":%s,\"health\":%s,"
                + "\"lastError\":%s,\"isolation\":%s%s%s}", string(c.cellId()), string(c.cellType()), c.generation(),
                c.x(), c.y(), c.width(), c.height(), string(sourceFolder), object(c.props()), string(c.state()),
                string(c.health()), string(c.lastError()), string(c.isolation()),
                c.terminal().isEmpty() ? "" : ",\"terminal\":" + object(c.terminal()),
                c.services().isEmpty() ? "" : ",\"services\":" + object(c.services()));
    }
}
