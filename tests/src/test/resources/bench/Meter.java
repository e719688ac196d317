import dev.cellshell.widgets.*;
import java.util.ArrayList;
import java.util.List;

/** A bar meter with a title, a scale and a history: a typical cell of about sixty lines, used by the benchmarks. */
public class Meter implements Cell {

    private static final int BARS = 24;

    @State int samples;
    @State double peak;
    private final List<Double> history = new ArrayList<>();

    record Band(double from, double to, int color) {
        boolean contains(double value) {
            return value >= from && value < to;
        }
    }

    private static final List<Band> BANDS = List.of(
            new Band(0.0, 0.5, Color.rgb(163, 190, 140)),
            new Band(0.5, 0.8, Color.rgb(235, 203, 139)),
            new Band(0.8, 1.01, Color.rgb(191, 97, 106)));

    private static int colorOf(double value) {
        for (Band band : BANDS) {
            if (band.contains(value)) {
                return band.color();
            }
        }
        return Color.WHITE;
    }

    @Override
    public void render(Canvas canvas, CellContext context) {
        float width = context.width();
        float height = context.height();
        canvas.fillRoundRect(0, 0, width, height, 12, Color.rgb(46, 52, 64));
        canvas.drawText(context.props().string("title", "Load"), 12, 22, 14, Color.WHITE, Align.LEFT);
        double value = (Math.sin(samples * 0.3) + 1) / 2;
        samples++;
        peak = Math.max(peak, value);
        history.add(value);
        if (history.size() > BARS) {
            history.remove(0);
        }
        float barWidth = (width - 24) / BARS;
        for (int i = 0; i < history.size(); i++) {
            double v = history.get(i);
            float barHeight = (float) (v * (height - 48));
            canvas.fillRect(12 + i * barWidth, height - 12 - barHeight, barWidth - 2, barHeight, colorOf(v));
        }
        canvas.drawLine(12, height - 12, width - 12, height - 12, 1, Color.rgb(216, 222, 233));
        canvas.drawText(String.format("peak %.0f%%", peak * 100), width - 12, 22, 12, Color.WHITE, Align.RIGHT);
    }
}
