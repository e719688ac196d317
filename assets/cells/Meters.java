import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** CPU and memory use as two slim bars with their figures, for a panel. */
@Uses(SystemStats.class)
@Size(width = 240, height = 28, minWidth = 150, minHeight = 18)
public class Meters implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        SystemStats stats = context.service(SystemStats.class);
        Theme theme = context.theme();
        Rect bar = Rect.of(context);
        double cpu = Math.max(0, Math.min(1, stats.cpuLoad()));
        double memory = stats.memoryTotal() <= 0 ? 0 : (double) stats.memoryUsed() / stats.memoryTotal();
        canvas.fillRoundRect(bar, bar.h() / 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
        Rect[] halves = Stack.columns(bar.inset(8, 0), 2, 8);
        meter(canvas, context.text(), "CPU", cpu, halves[0], theme, theme.color(Token.PRIMARY));
        meter(canvas, context.text(), "MEM", memory, halves[1], theme, theme.color(Token.OUTLINE));
        context.renderAgainIn(2000);
    }

    /** One meter in its half: its name, a bar, its percentage, each as wide as its text. */
    private static void meter(Canvas canvas, Text text, String name, double value, Rect slot, Theme theme,
            int color) {
        TextStyle figure = TextStyle.of(Math.max(7, Math.min(12, slot.h() * 0.45f)))
                .withColor(theme.color(Token.ON_SURFACE));
        TextStyle caption = figure.withSize(figure.size() * 0.85f).withColor(theme.color(Token.ON_SURFACE_MUTED));
        Rect label = slot.left(text.measure("MEM", caption));
        Rect percent = slot.rightOf(slot.w() - text.measure("100%", figure));
        Labels.draw(canvas, text, name, caption, label, Align.LEFT);
        Rect track = Rect.of(label.right() + 6, slot.y(), Math.max(8, percent.x() - 6 - label.right() - 6), slot.h());
        float barH = Math.max(3, slot.h() * 0.22f);
        Rect line = Rect.of(track.x(), track.centerY() - barH / 2, track.w(), barH);
        canvas.fillRoundRect(line, barH / 2, Fill.solid(theme.color(Token.BACKGROUND)));
        canvas.fillRoundRect(line.left(Math.max(barH, (float) (line.w() * value))), barH / 2, Fill.solid(color));
        Labels.draw(canvas, text, Math.round(value * 100) + "%", figure, percent, Align.RIGHT);
    }
}
