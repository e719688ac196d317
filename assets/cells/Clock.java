import dev.cellshell.widgets.*;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A clock, digital (with the date underneath) or analog. Props: zone (e.g. Europe/Paris; default the system's),
 * style (digital, analog), hours (24h, 12h), seconds (on, off), color.
 */
@Variant(prop = "style", values = {"digital", "analog"})
@Variant(prop = "hours", values = {"24h", "12h"})
@Variant(prop = "seconds", values = {"on", "off"})
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
        int color = props.color("color", theme.color("onSurface", Color.rgb(236, 239, 244)));
        int muted = theme.color("onSurfaceMuted", Color.rgb(216, 222, 233));
        canvas.fillRoundRect(0, 0, context.width(), context.height(), 16,
                theme.color("surfaceAlt", Color.argb(220, 59, 66, 82)));
        if (props.string("style", "digital").equals("analog")) {
            analog(canvas, context.width(), context.height(), now, seconds, color, muted,
                    theme.color("primary", Color.rgb(94, 129, 172)));
        } else {
            digital(canvas, context.width(), context.height(), now, props.string("hours", "24h").equals("12h"), seconds, color, muted);
        }
        long period = seconds ? 1000 : 60_000;
        context.renderAgainIn(period - (now.toInstant().toEpochMilli() % period));
    }

    private static void digital(Canvas canvas, float width, float height, ZonedDateTime now, boolean twelve,
            boolean seconds, int color, int muted) {
        String pattern = (twelve ? "h:mm" : "HH:mm") + (seconds ? ":ss" : "") + (twelve ? " a" : "");
        String time = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(now);
        if (height < 64) {
            // A bar's clock: the time alone, as big as the height allows; the date when there is room beside it.
            float size = Math.min(height * 0.5f, (width - 16) / (time.length() * 0.62f));
            String date = DATE.format(now);
            boolean both = width >= (time.length() + date.length()) * 0.6f * size + 40;
            float timeWidth = time.length() * 0.6f * size;
            float x = both ? (width - timeWidth - 12 - date.length() * 0.5f * size) / 2 + timeWidth / 2 : width / 2;
            canvas.drawText(time, x, height / 2 + size * 0.36f, size, color, Align.CENTER);
            if (both) {
                canvas.drawText(date, x + timeWidth / 2 + 12, height / 2 + size * 0.3f, size * 0.8f, muted,
                        Align.LEFT);
            }
            return;
        }
        // The time takes 60% of the height below 96 units, the date the rest; both fit the width (~0.62 em/char).
        float big = Math.min(36 * Math.min(1, height / 96), (width - 16) / (time.length() * 0.62f));
        float small = Math.min(15 * Math.min(1, height / 96), (width - 16) / (15 * 0.6f));
        float block = big * 0.74f + 10 + small * 0.74f;
        float top = (height - block) / 2;
        canvas.drawText(time, width / 2, top + big * 0.74f, big, color, Align.CENTER);
        canvas.drawText(DATE.format(now), width / 2, top + block, small, muted, Align.CENTER);
    }

    private static void analog(Canvas canvas, float width, float height, ZonedDateTime now, boolean seconds,
            int color, int muted, int accent) {
        float cx = width / 2;
        float cy = height / 2;
        float r = Math.min(width, height) / 2 - 8;
        canvas.strokeCircle(cx, cy, r, 2, muted);
        for (int mark = 0; mark < 12; mark++) {
            double a = Math.toRadians(mark * 30);
            float inner = mark % 3 == 0 ? r - 9 : r - 5;
            canvas.drawLine(cx + (float) Math.sin(a) * inner, cy - (float) Math.cos(a) * inner,
                    cx + (float) Math.sin(a) * (r - 2), cy - (float) Math.cos(a) * (r - 2), 2, muted);
        }
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
        canvas.drawLine(cx, cy, cx + (float) Math.sin(a) * length, cy - (float) Math.cos(a) * length, width, color);
    }
}
