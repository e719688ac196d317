import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** The battery (UPower): how full, charging or not, and the time left; "on mains" for a machine without one. */
@Uses(Power.class)
@Size(width = 130, height = 28, minWidth = 40, minHeight = 16)
public class Battery implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        PowerStatus power = context.service(Power.class).status();
        Theme theme = context.theme();
        Text text = context.text();
        Rect bar = Rect.of(context);
        canvas.fillRoundRect(bar, bar.h() / 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
        TextStyle style = TextStyle.of(Math.max(7, Math.min(12, bar.h() * 0.45f)));
        int ink = theme.color(Token.ON_SURFACE);
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        if (!power.unavailable().isEmpty()) {
            Labels.draw(canvas, text, "no power info", style.withColor(muted), bar.inset(8, 0), Align.CENTER);
            return;
        }
        if (!power.hasBattery()) {
            Labels.draw(canvas, text, "on mains", style.withColor(ink), bar.inset(8, 0), Align.CENTER);
            return;
        }
        float h = bar.h() * 0.46f;
        float w = h * 1.9f;
        Rect body = Rect.of(bar.x() + bar.h() / 2, bar.centerY() - h / 2, w, h);
        canvas.strokeRoundRect(body, 2.5f, Stroke.of(1.4f), ink);
        canvas.fillRect(body.right() + 1, body.centerY() - h / 5, 2, h * 0.4f, ink);
        double level = power.percent() / 100.0;
        int fill = level <= 0.1 && power.onBattery() ? 0xFFBF616A : level <= 0.2 && power.onBattery() ? 0xFFD08770
                : theme.color(Token.PRIMARY);
        Rect inside = body.inset(2);
        canvas.fillRoundRect(Rect.of(inside.x(), inside.y(), (float) (inside.w() * level), inside.h()), 1.5f,
                Fill.solid(fill));
        if (power.state().equals("charging")) {
            float cx = body.centerX();
            float cy = body.centerY();
            canvas.fillPath(new Path().moveTo(cx + 1, cy - h * 0.42f).lineTo(cx - 3, cy + 1).lineTo(cx, cy + 1)
                    .lineTo(cx - 1, cy + h * 0.42f).lineTo(cx + 3, cy - 1).lineTo(cx, cy - 1).close(), Fill.solid(ink));
        }
        long seconds = power.onBattery() ? power.secondsToEmpty() : power.secondsToFull();
        String label = Math.round(power.percent()) + " %" + (seconds > 0 ? "  " + seconds / 3600 + ":"
                + String.format(java.util.Locale.ROOT, "%02d", seconds / 60 % 60) : "");
        Rect right = bar.rightOf(body.right() - bar.x() + 8);
        Labels.draw(canvas, text, label, style.withColor(ink), right.left(Math.max(0, right.w() - bar.h() / 3)),
                Align.LEFT);
    }
}
