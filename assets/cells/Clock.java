import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A clock, digital (with the date underneath) or analog. */
@Variant(prop = "style", values = {"digital", "analog"})
@Variant(prop = "hours", values = {"24h", "12h"})
@Variant(prop = "seconds", values = {"on", "off"})
@Prop(name = "zone", doc = "time zone, e.g. Europe/Paris (default: the system's)")
@Prop(name = "color", kind = Prop.Kind.COLOR, doc = "colour of the time and the hands")
@Size(width = 256, height = 96, minWidth = 120, minHeight = 56)
public class Clock implements Cell {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        String zone = props.string("zone", "");
        ZonedDateTime now = context.now().atZone(zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone));
        boolean seconds = !props.string("seconds", "on").equals("off");
        Theme theme = context.theme();
        int color = props.color("color", theme.color(Token.ON_SURFACE));
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        Rect card = Rect.of(context);
        canvas.fillRoundRect(card, 16, Fill.solid(theme.color(Token.SURFACE_ALT)));
        if (props.string("style", "digital").equals("analog")) {
            analog(canvas, card, now, seconds, color, muted, theme.color(Token.PRIMARY));
        } else {
            digital(canvas, context.text(), card, now, props.string("hours", "24h").equals("12h"), seconds, color,
                    muted);
        }
        long period = seconds ? 1000 : 60_000;
        context.renderAgainIn(period - (now.toInstant().toEpochMilli() % period));
    }

    private static void digital(Canvas canvas, Text text, Rect card, ZonedDateTime now, boolean twelve,
            boolean seconds, int color, int muted) {
        String pattern = (twelve ? "h:mm" : "HH:mm") + (seconds ? ":ss" : "") + (twelve ? " a" : "");
        String time = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(now);
        String date = DATE.format(now);
        Rect inside = card.inset(8, 4);
        if (card.h() < 64) {
            // A bar's clock: the time as big as the height allows, and the date beside it when there is room.
            TextStyle big = Labels.fit(text, time, TextStyle.of(Math.max(6, card.h() * 0.5f)).withColor(color), inside.w(),
                    inside.h(), 6);
            TextStyle small = big.withSize(big.size() * 0.8f).withColor(muted);
            float timeW = text.measure(time, big);
            float dateW = text.measure(date, small);
            if (timeW + 12 + dateW <= inside.w()) {
                float left = inside.x() + (inside.w() - timeW - 12 - dateW) / 2;
                float baseline = text.metrics(big).baselineCentredOn(card.centerY());
                canvas.drawText(time, left, baseline, big, Align.LEFT);
                canvas.drawText(date, left + timeW + 12, baseline, small, Align.LEFT);
            } else {
                Labels.draw(canvas, text, time, big, inside, Align.CENTER);
            }
            return;
        }
        // The time over the date, both as big as the card allows, the pair centred.
        float scale = Math.min(1, card.h() / 96);
        TextStyle big = Labels.fit(text, time, TextStyle.of(Math.max(8, 36 * scale)).withColor(color), inside.w(), inside.h(), 8);
        TextStyle small = Labels.fit(text, date, TextStyle.of(Math.max(6, 15 * scale)).withColor(muted), inside.w(), inside.h(), 6);
        FontMetrics top = text.metrics(big);
        FontMetrics bottom = text.metrics(small);
        float block = top.capHeight() + 10 + bottom.capHeight();
        float y = card.centerY() - block / 2;
        canvas.drawText(time, card.centerX(), y + top.capHeight(), big, Align.CENTER);
        canvas.drawText(date, card.centerX(), y + block, small, Align.CENTER);
    }

    private static void analog(Canvas canvas, Rect card, ZonedDateTime now, boolean seconds, int color, int muted,
            int accent) {
        float cx = card.centerX();
        float cy = card.centerY();
        float r = Math.min(card.w(), card.h()) / 2 - 8;
        canvas.strokeCircle(cx, cy, r, 2, muted);
        Path marks = new Path();
        for (int mark = 0; mark < 12; mark++) {
            double a = Math.toRadians(mark * 30);
            float inner = mark % 3 == 0 ? r - 9 : r - 5;
            marks.moveTo(cx + (float) Math.sin(a) * inner, cy - (float) Math.cos(a) * inner)
                    .lineTo(cx + (float) Math.sin(a) * (r - 2), cy - (float) Math.cos(a) * (r - 2));
        }
        canvas.strokePath(marks, Stroke.of(2), muted);
        double minutes = now.getMinute() + now.getSecond() / 60.0;
        double hours = now.getHour() % 12 + minutes / 60.0;
        hand(canvas, cx, cy, hours * 30, r * 0.5f, 4, color);
        hand(canvas, cx, cy, minutes * 6, r * 0.78f, 3, color);
        if (seconds) {
            hand(canvas, cx, cy, now.getSecond() * 6, r * 0.86f, 1.5f, accent);
        }
        canvas.fillCircle(cx, cy, 3.5f, color);
    }

    private static void hand(Canvas canvas, float cx, float cy, double degrees, float length, float width, int color) {
        double a = Math.toRadians(degrees);
        canvas.strokePath(new Path().moveTo(cx, cy).lineTo(cx + (float) Math.sin(a) * length,
                cy - (float) Math.cos(a) * length), Stroke.of(width).withCap(Stroke.Cap.ROUND), color);
    }
}
