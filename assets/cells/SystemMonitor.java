import dev.cellshell.widgets.*;
import java.time.Instant;
import java.util.Locale;

/** CPU and memory use of this machine, with a graph of the last minute. Props: title. */
@Uses(SystemStats.class)
@Size(width = 300, height = 170, minWidth = 200, minHeight = 120)
public class SystemMonitor implements Cell {

    private static final int SAMPLES = 60;
    private final double[] cpu = new double[SAMPLES];
    private final double[] memory = new double[SAMPLES];
    private int count;
    private Instant last;

    @Override
    public void render(Canvas canvas, CellContext context) {
        SystemStats stats = context.service(SystemStats.class);
        Instant now = context.now();
        if (last == null || now.isAfter(last.plusMillis(900))) {
            sample(stats);
            last = now;
        }
        Theme theme = context.theme();
        float w = context.width();
        float h = context.height();
        canvas.fillRoundRect(0, 0, w, h, 14, theme.color("surface", Color.rgb(46, 52, 64)));
        int text = theme.color("onSurface", Color.WHITE);
        int muted = theme.color("onSurfaceMuted", Color.rgb(150, 150, 150));
        double cpuNow = count == 0 ? 0 : cpu[(count - 1) % SAMPLES];
        double memNow = count == 0 ? 0 : memory[(count - 1) % SAMPLES];
        canvas.drawText(context.props().string("title", "System"), 16, 24, 14, muted, Align.LEFT);
        // Each of the two rows: a caption line, then its graph below it (the caption never sits on the graph).
        float rowH = (h - 36 - 12) / 2;
        float captionH = 18;
        float graphH = Math.max(4, rowH - captionH - 6);
        int backdrop = theme.color("background", Color.rgb(30, 36, 48));
        float cpuTop = 36;
        canvas.drawText(String.format(Locale.ENGLISH, "CPU %d%% of %d cores", Math.round(cpuNow * 100),
                stats.processors()), 16, cpuTop + 13, 13, text, Align.LEFT);
        graph(canvas, cpu, 16, cpuTop + captionH, w - 32, graphH, theme.color("primary", Color.rgb(94, 129, 172)),
                backdrop);
        float memTop = cpuTop + rowH + 6;
        canvas.drawText(String.format(Locale.ENGLISH, "Memory %.1f of %.1f GB", stats.memoryUsed() / 1e9,
                stats.memoryTotal() / 1e9), 16, memTop + 13, 13, text, Align.LEFT);
        graph(canvas, memory, 16, memTop + captionH, w - 32, graphH, theme.color("outline",
                Color.rgb(136, 192, 208)), backdrop);
        context.renderAgainIn(1000);
    }

    private void sample(SystemStats stats) {
        cpu[count % SAMPLES] = Math.max(0, Math.min(1, stats.cpuLoad()));
        memory[count % SAMPLES] = stats.memoryTotal() <= 0 ? 0 : (double) stats.memoryUsed() / stats.memoryTotal();
        count++;
    }

    private void graph(Canvas canvas, double[] values, float x, float y, float w, float h, int color, int backdrop) {
        canvas.fillRoundRect(x, y, w, h, 6, backdrop);
        int n = Math.min(count, SAMPLES);
        float step = w / (SAMPLES - 1);
        for (int i = 1; i < n; i++) {
            double a = values[(count - n + i - 1) % SAMPLES];
            double b = values[(count - n + i) % SAMPLES];
            float x0 = x + w - (n - i) * step;
            canvas.drawLine(x0, y + h - (float) a * h, x0 + step, y + h - (float) b * h, 2, color);
        }
        if (n == 1) {
            float level = y + h - (float) values[(count - 1) % SAMPLES] * h;
            canvas.drawLine(x + w - 8, level, x + w, level, 2, color);
        }
    }
}
