import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.time.Instant;
import java.util.Locale;

/** CPU and memory use of this machine, with a graph of the last minute. */
@Uses(SystemStats.class)
@Prop(name = "title", fallback = "System", doc = "the heading")
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
        Text text = context.text();
        Rect card = Rect.of(context);
        canvas.fillRoundRect(card, 14, Fill.solid(theme.color(Token.SURFACE)));
        TextStyle caption = TextStyle.of(13).withColor(theme.color(Token.ON_SURFACE));
        double cpuNow = count == 0 ? 0 : cpu[(count - 1) % SAMPLES];
        Stack rows = Stack.column(card.inset(16, 8), 4);
        Labels.draw(canvas, text, context.props().string("title", "System"),
                TextStyle.of(14).withColor(theme.color(Token.ON_SURFACE_MUTED)), rows.next(22), Align.LEFT);
        // Two rows, each a caption line over its graph (the caption never sits on the graph).
        Rect[] halves = Stack.rows(rows.rest(), 2, 6);
        int backdrop = theme.color(Token.BACKGROUND);
        row(canvas, text, halves[0], String.format(Locale.ENGLISH, "CPU %d%% of %d cores", Math.round(cpuNow * 100),
                stats.processors()), caption, cpu, theme.color(Token.PRIMARY), backdrop);
        row(canvas, text, halves[1], String.format(Locale.ENGLISH, "Memory %.1f of %.1f GB", stats.memoryUsed() / 1e9,
                stats.memoryTotal() / 1e9), caption, memory, theme.color(Token.OUTLINE), backdrop);
        context.renderAgainIn(1000);
    }

    private void row(Canvas canvas, Text text, Rect area, String label, TextStyle caption, double[] values,
            int color, int backdrop) {
        Stack parts = Stack.column(area, 2);
        Labels.draw(canvas, text, label, caption, parts.next(text.metrics(caption).lineHeight()), Align.LEFT);
        graph(canvas, values, parts.rest(), color, backdrop);
    }

    private void sample(SystemStats stats) {
        cpu[count % SAMPLES] = Math.max(0, Math.min(1, stats.cpuLoad()));
        memory[count % SAMPLES] = stats.memoryTotal() <= 0 ? 0 : (double) stats.memoryUsed() / stats.memoryTotal();
        count++;
    }

    /** The samples as one line over a rounded backdrop, the area under it shaded with the line's colour. */
    private void graph(Canvas canvas, double[] values, Rect box, int color, int backdrop) {
        canvas.fillRoundRect(box, 6, Fill.solid(backdrop));
        int n = Math.min(count, SAMPLES);
        if (n == 0 || box.h() < 2) {
            return;
        }
        float step = box.w() / (SAMPLES - 1);
        Path line = new Path();
        float startX = n == 1 ? box.right() - 8 : box.right() - (n - 1) * step;
        for (int i = 0; i < n; i++) {
            float y = box.bottom() - (float) values[(count - n + i) % SAMPLES] * box.h();
            float x = n == 1 ? box.right() - 8 + 8 * i : startX + i * step;
            if (i == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
            if (n == 1) {
                line.lineTo(box.right(), y);
            }
        }
        canvas.save();
        canvas.clipRoundRect(box, 6);
        Path area = new Path().moveTo(startX, box.bottom());
        float[] points = line.numbers();
        for (int i = 0; i + 1 < points.length; i += 2) {
            area.lineTo(points[i], points[i + 1]);
        }
        area.lineTo(points[points.length - 2], box.bottom()).close();
        canvas.fillPath(area, Fill.linear(0, box.y(), 0, box.bottom(), (color & 0x00FFFFFF) | 0x66000000,
                color & 0x00FFFFFF));
        canvas.strokePath(line, Stroke.of(2).withJoin(Stroke.Join.ROUND), color);
        canvas.restore();
    }
}
