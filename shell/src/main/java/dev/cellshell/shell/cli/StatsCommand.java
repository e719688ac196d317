package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.SceneMessage.FrameStats;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "The compositor's frame statistics: the last frame's CPU and wall time, what it redrew, "
                + "textures and memory.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Option(names = "--overlay", paramLabel = "on|off", description = "Also draw the statistics on the desktop.")
    String overlay;

    @Override
    public Integer call() {
        if (overlay != null) {
            if (!overlay.equals("on") && !overlay.equals("off")) {
                workspace.err().println("cell stats: --overlay takes on or off, not '" + overlay + "'");
                return CellCommand.USAGE;
            }
            ShellClient.Answer<ControlMessage.OverlayReply> set = ShellClient.ask("stats", workspace,
                    new ControlMessage.OverlayRequest("", overlay, ""), ControlMessage.OverlayReply.class);
            if (set.reply() == null) {
                return set.exit();
            }
        }
        ShellClient.Answer<ControlMessage.StatsReply> answer = ShellClient.ask("stats", workspace,
                new ControlMessage.StatsRequest(), ControlMessage.StatsReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        FrameStats s = answer.reply().stats();
        if (json) {
            workspace.out().printf(Locale.ROOT, "{\"renderer\":%s,\"frames\":%d,\"full_repaints\":%d,"
                    + "\"last_frame\":{\"process_cpu_ms\":%.3f,\"wall_ms\":%.3f,\"decoded\":%d,\"rasterised\":%d,"
                    + "\"composited\":%d,\"damage_rects\":%d,\"damage_pixels\":%d},\"cells\":%d,\"textures\":%d,"
                    + "\"gpu_bytes\":%d,\"input_to_presented_ms\":{\"p50\":%.3f,\"p95\":%.3f,\"n\":%d}}%n",
                    Json.string(answer.reply().renderer()), s.frames(), s.fullRepaints(),
                    s.lastProcessCpuNanos() / 1e6, s.lastWallNanos() / 1e6, s.lastDecoded(), s.lastRasterised(),
                    s.lastComposited(), s.lastDamageRects(), s.lastDamagePixels(), s.cells(), s.textures(),
                    s.gpuBytes(), answer.reply().inputP50Ms(), answer.reply().inputP95Ms(),
                    answer.reply().inputSamples());
        } else {
            workspace.out().printf(Locale.ROOT, "renderer    %s%n", answer.reply().renderer());
            workspace.out().printf(Locale.ROOT, "frames      %d (%d full repaints)%n", s.frames(), s.fullRepaints());
            workspace.out().printf(Locale.ROOT, "last frame  %.2f ms process CPU, %.2f ms wall%n",
                    s.lastProcessCpuNanos() / 1e6, s.lastWallNanos() / 1e6);
            workspace.out().printf(Locale.ROOT, "            %d lists decoded, %d layers drawn, %d composited, "
                    + "%d damage rects (%d px)%n", s.lastDecoded(), s.lastRasterised(), s.lastComposited(),
                    s.lastDamageRects(), s.lastDamagePixels());
            workspace.out().printf(Locale.ROOT, "cells       %d in %d textures, ~%.1f MB of GPU memory%n", s.cells(),
                    s.textures(), s.gpuBytes() / 1048576.0);
            if (answer.reply().inputSamples() > 0) {
                workspace.out().printf(Locale.ROOT, "input       → presented frame p50 %.2f ms, p95 %.2f ms (last %d)%n",
                        answer.reply().inputP50Ms(), answer.reply().inputP95Ms(), answer.reply().inputSamples());
            }
        }
        return 0;
    }
}
