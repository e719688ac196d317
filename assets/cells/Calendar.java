import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A month at a glance, today marked; ‹ and › page through the months. */
@Prop(name = "zone", doc = "time zone, e.g. Europe/Paris (default: the system's)")
@Size(width = 280, height = 250, minWidth = 190, minHeight = 170)
public class Calendar implements Cell {

    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    /** Months away from the current one. */
    @State int offset;

    @Override
    public void render(Canvas canvas, CellContext context) {
        String zone = context.props().string("zone", "");
        LocalDate today = context.now().atZone(zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone))
                .toLocalDate();
        YearMonth month = YearMonth.from(today).plusMonths(offset);
        Theme theme = context.theme();
        Text text = context.text();
        int ink = theme.color(Token.ON_SURFACE);
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        Rect card = Rect.of(context);
        canvas.fillRoundRect(card, 14, Fill.solid(theme.color(Token.SURFACE)));

        Stack rows = Stack.column(card.inset(12, 6), 2);
        Rect header = rows.next(34);
        // The arrows take the card's top corners: big targets, reaching the edge.
        Rect previous = Rect.of(0, 0, 48, header.bottom());
        Rect next = Rect.of(card.w() - 48, 0, 48, header.bottom());
        TextStyle arrow = TextStyle.of(20).withColor(muted);
        Labels.draw(canvas, text, "‹", arrow, previous.translate(0, header.y()).top(header.h()), Align.CENTER);
        Labels.draw(canvas, text, "›", arrow, next.translate(0, header.y()).top(header.h()), Align.CENTER);
        canvas.hitRegion("previous", previous, 8);
        canvas.hitRegion("next", next, 8);
        Labels.draw(canvas, text, TITLE.format(month), TextStyle.of(16).withColor(ink), header.inset(36, 0),
                Align.CENTER);

        // A row of day names and up to six weeks share what is left; the type fits the smaller of row and column.
        Rect[] weeks = Stack.rows(rows.rest(), 7, 0);
        float cellW = card.inset(12, 6).w() / 7;
        float rowH = weeks[0].h();
        TextStyle day = TextStyle.of(14).withColor(ink);
        day = day.withSize(Math.max(8, Math.min(14, Math.min(rowH * 0.62f, cellW * 0.5f))));
        TextStyle names = day.withSize(day.size() * 0.9f).withColor(muted);
        for (int d = 0; d < 7; d++) {
            String name = DayOfWeek.of(d + 1).getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                    .substring(0, 2);
            Labels.draw(canvas, text, name, names, slot(weeks[0], cellW, d), Align.CENTER);
        }
        int lead = month.atDay(1).getDayOfWeek().getValue() - 1;
        for (int date = 1; date <= month.lengthOfMonth(); date++) {
            int place = lead + date - 1;
            Rect box = slot(weeks[1 + place / 7], cellW, place % 7);
            boolean isToday = month.atDay(date).equals(today);
            if (isToday) {
                canvas.fillCircle(box.centerX(), box.centerY(), Math.min(cellW, rowH) * 0.48f,
                        theme.color(Token.PRIMARY));
            }
            Labels.draw(canvas, text, Integer.toString(date), isToday ? day.withColor(theme.color(Token.ON_PRIMARY))
                    : day, box, Align.CENTER);
        }
        long untilMidnight = 86_400_000 - context.now().toEpochMilli() % 86_400_000;
        context.renderAgainIn(untilMidnight);
    }

    private static Rect slot(Rect week, float cellW, int column) {
        return Rect.of(week.x() + cellW * column, week.y(), cellW, week.h());
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            if (p.in("previous")) {
                offset--;
                return true;
            }
            if (p.in("next")) {
                offset++;
                return true;
            }
        }
        return false;
    }
}
