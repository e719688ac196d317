package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.SceneMessage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "surfaces", mixinStandardHelpOptions = true, description = {
    "Show the desktop's surfaces (desktop, panels, overlays, windows): where each is, on which monitor, with how many",
    "cells. Declare them in tissue.json's \"surfaces\"; put a cell on one with cell spawn TYPE --on-surface NAME."})
final class SurfacesCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "One JSON object per surface, then one per monitor.")
    boolean json;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.SurfacesReply> answer = ShellClient.ask("surfaces", workspace,
                new ControlMessage.SurfacesRequest(), ControlMessage.SurfacesReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        ControlMessage.SurfacesReply reply = answer.reply();
        for (SceneMessage.Surface s : reply.surfaces()) {
            String role = s.role().name().toLowerCase(Locale.ROOT);
            String bounds = s.width() + "x" + s.height() + "+" + s.x() + "+" + s.y();
            int cells = reply.cells().getOrDefault(s.name(), 0);
            if (json) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("surface", s.name());
                fields.put("role", role);
                fields.put("monitor", s.monitor());
                fields.put("bounds", bounds);
                fields.put("reserves", s.thickness() > 0 ? s.thickness() + " " + s.edge().name().toLowerCase(
                        Locale.ROOT) : "");
                fields.put("cells", Integer.toString(cells));
                workspace.out().println(Json.object(fields));
            } else {
                workspace.out().printf("%-12s %-8s on %-10s %-16s %d cell%s%s%n", s.name(), role, s.monitor(), bounds,
                        cells, cells == 1 ? "" : "s", s.thickness() > 0 ? ", reserves " + s.thickness() + " at the "
                                + s.edge().name().toLowerCase(Locale.ROOT) : "");
            }
        }
        for (SceneMessage.Monitor m : reply.monitors()) {
            String bounds = m.width() + "x" + m.height() + "+" + m.x() + "+" + m.y();
            if (json) {
                workspace.out().println(Json.object(Map.of("monitor", m.name(), "bounds", bounds, "scale",
                        Float.toString(m.scale()), "primary", Boolean.toString(m.primary()))));
            } else {
                workspace.out().printf("monitor %-10s %-16s scale %s%s%n", m.name(), bounds, m.scale(),
                        m.primary() ? " (primary)" : "");
            }
        }
        return 0;
    }
}
