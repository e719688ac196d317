import dev.cellshell.widgets.*;

/** CPU and memory use as two slim bars with their figures, for a panel. Props: none. */
@Uses(SystemStats.class)
@Size(width = 240, height = 28, minWidth = 150, minHeight = 18)
public class Meters implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        SystemStats stats = context.service(SystemStats.class);
        Theme theme = context.theme();
        float w = context.width();
        float h = context.height();
        double cpu = Math.max(0, Math.min(1, stats.cpuLoad()));
        double memory = stats.memoryTotal() <= 0 ? 0 : (double) stats.memoryUsed() / stats.memoryTotal();
        canvas.fillRoundRect(0, 0, w, h, h / 2, theme.color("surfaceAlt", Color.argb(220, 59, 66, 82)));
        float half = (w - 12) / 2;
        meter(canvas, "CPU", cpu, 6, h, half, theme, theme.color("primary", Color.rgb(94, 129, 172)));
        meter(canvas, "MEM", memory, 6 + half, h, half, theme, theme.color("outline", Color.rgb(136, 192, 208)));
        context.renderAgainIn(2000);
    }

    /** One meter in the slot from x, half as wide as the cell: its name, a bar, its percentage. */
    private static void meter(Canvas canvas, String name, double value, float x, float h, float width, Theme theme,
            int color) {
        float size = Math.max(7, Math.min(12, h * 0.45f));
        int text = theme.color("onSurface", Color.WHITE);
        int muted = theme.color("onSurfaceMuted", Color.rgb(150, 150, 150));
        float baseline = h / 2 + size * 0.36f;
        canvas.drawText(name, x + 4, baseline, size * 0.85f, muted, Align.LEFT);
        float barX = x + 4 + size * 2.4f;
        float barW = Math.max(8, width - size * 2.4f - size * 2.6f - 8);
        float barH = Math.max(3, h * 0.22f);
        canvas.fillRoundRect(barX, (h - barH) / 2, barW, barH, barH / 2, theme.color("background",
                Color.rgb(30, 36, 48)));
        canvas.fillRoundRect(barX, (h - barH) / 2, Math.max(barH, (float) (barW * value)), barH, barH / 2, color);
        canvas.drawText(Math.round(value * 100) + "%", x + width - 4, baseline, size, text, Align.RIGHT);
    }
}
