import dev.cellshell.widgets.*;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** A month at a glance, today marked; ‹ and › page through the months. Props: zone. */
@Size(width = 280, height = 250, minWidth = 190, minHeight = 170)
public class Calendar implements Cell {

    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final float HEADER = 44;
    /** Months away from the current one. */
    @State int offset;

    @Override
    public void render(Canvas canvas, CellContext context) {
        String zone = context.props().string("zone", "");
        LocalDate today = context.now().atZone(zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone))
                .toLocalDate();
        YearMonth month = YearMonth.from(today).plusMonths(offset);
        Theme theme = context.theme();
        float w = context.width();
        float h = context.height();
        int text = theme.color("onSurface", Color.WHITE);
        int muted = theme.color("onSurfaceMuted", Color.rgb(150, 150, 150));
        int accent = theme.color("primary", Color.rgb(94, 129, 172));
        canvas.fillRoundRect(0, 0, w, h, 14, theme.color("surface", Color.rgb(46, 52, 64)));
        canvas.drawText(TITLE.format(month), w / 2, 28, 16, text, Align.CENTER);
        canvas.drawText("‹", 20, 29, 20, muted, Align.CENTER);
        canvas.drawText("›", w - 20, 29, 20, muted, Align.CENTER);
        float cellW = (w - 24) / 7;
        float top = HEADER;
        // A title row and up to six weeks share what is below the header; the type fits the smaller of row and column.
        float rowH = (h - top - 8) / 7;
        float size = Math.max(8, Math.min(14, Math.min(rowH * 0.62f, cellW * 0.5f)));
        for (int d = 0; d < 7; d++) {
            String name = DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2);
            canvas.drawText(name, 12 + cellW * d + cellW / 2, top + rowH * 0.5f + size * 0.36f, size * 0.9f, muted,
                    Align.CENTER);
        }
        int lead = month.atDay(1).getDayOfWeek().getValue() - 1;
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            int slot = lead + day - 1;
            float cx = 12 + cellW * (slot % 7) + cellW / 2;
            float cy = top + rowH * (1 + slot / 7) + rowH * 0.5f;
            boolean isToday = month.atDay(day).equals(today);
            if (isToday) {
                canvas.fillCircle(cx, cy, Math.min(cellW, rowH) * 0.48f, accent);
            }
            canvas.drawText(Integer.toString(day), cx, cy + size * 0.36f, size,
                    isToday ? theme.color("onPrimary", Color.WHITE) : text, Align.CENTER);
        }
        long untilMidnight = 86_400_000 - context.now().toEpochMilli() % 86_400_000;
        context.renderAgainIn(untilMidnight);
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS && p.y() < HEADER) {
            if (p.x() < 40) {
                offset--;
                return true;
            }
            if (p.x() > context.width() - 40) {
                offset++;
                return true;
            }
        }
        return false;
    }
}
