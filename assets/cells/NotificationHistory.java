import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.time.Duration;
import java.util.List;

/**
 * What the desktop was told: the last notifications (applications' and cells'), newest first, with how long ago;
 * a do-not-disturb switch (popups held back, critical ones still shown) and Clear. A click on it marks them read.
 */
@Uses(Notifications.class)
@Size(width = 340, height = 380, minWidth = 220, minHeight = 120)
public class NotificationHistory implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Notifications notifications = context.service(Notifications.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect area = Rect.of(context);
        float pad = theme.number(Token.PADDING);
        canvas.fillRoundRect(area, theme.number(Token.RADIUS), Fill.solid(theme.color(Token.SURFACE)));
        Stack column = Stack.column(area.inset(pad), 8);
        Rect header = column.next(28);
        TextStyle title = TextStyle.of(theme.number(Token.TITLE_SIZE)).bold().withColor(theme.color(Token.ON_SURFACE));
        TextStyle small = TextStyle.of(theme.number(Token.SMALL_TEXT_SIZE)).withColor(theme.color(Token.ON_SURFACE_MUTED));
        Labels.draw(canvas, text, "Notifications", title, header.left(header.w() - 150), Align.LEFT);
        boolean quiet = notifications.doNotDisturb();
        Rect dnd = Rect.of(header.right() - 150, header.y() + 2, 86, 24);
        canvas.fillRoundRect(dnd, 12, Fill.solid(quiet ? theme.color(Token.PRIMARY) : theme.color(Token.SURFACE_ALT)));
        canvas.strokeRoundRect(dnd, 12, Stroke.of(1), theme.color(Token.OUTLINE));
        Labels.draw(canvas, text, quiet ? "Quiet: on" : "Quiet: off", small.withColor(quiet
                ? theme.color(Token.ON_PRIMARY) : theme.color(Token.ON_SURFACE)), dnd.inset(6, 0), Align.CENTER);
        canvas.hitRegion("dnd", dnd, 12);
        Rect clear = Rect.of(header.right() - 58, header.y() + 2, 58, 24);
        Labels.draw(canvas, text, "Clear", small.withColor(theme.color(Token.PRIMARY)).bold(), clear, Align.CENTER);
        canvas.hitRegion("clear", clear, 12);
        String why = notifications.unavailable();
        if (!why.isEmpty()) {
            Rect note = column.next(text.metrics(small).lineHeight() * 2 + 4);
            canvas.drawParagraph(text.layout("Applications cannot reach the desktop: " + why, small, note.w(),
                    Align.LEFT, 2), note.x(), note.y());
        }
        List<Notification> history = notifications.history(30);
        Rect list = column.rest();
        if (history.isEmpty()) {
            Labels.draw(canvas, text, "Nothing yet", small, list.top(40), Align.CENTER);
            return;
        }
        TextStyle summary = TextStyle.of(theme.number(Token.TEXT_SIZE)).bold().withColor(theme.color(Token.ON_SURFACE));
        TextStyle body = TextStyle.of(theme.number(Token.SMALL_TEXT_SIZE)).withColor(theme.color(Token.ON_SURFACE));
        float line = text.metrics(small).lineHeight();
        float top = list.y();
        for (Notification n : history) {
            Paragraph bodyText = n.body().isEmpty() ? null : text.layout(n.body(), body, list.w() - 16, Align.LEFT, 2);
            float h = 8 + line + 2 + text.metrics(summary).lineHeight() + (bodyText == null ? 0 : 2 + bodyText.height()) + 8;
            if (top + h > list.bottom()) {
                break;
            }
            Rect row = Rect.of(list.x(), top, list.w(), h);
            top += h + 8;
            canvas.fillRoundRect(row, 8, Fill.solid(theme.color(Token.SURFACE_ALT)));
            if (n.open()) {
                canvas.fillCircle(row.right() - 10, row.y() + 10, 3, theme.color(Token.PRIMARY));
            }
            float y = row.y() + 8;
            Labels.draw(canvas, text, n.app() + " · " + ago(context, n.timeMillis()), small,
                    Rect.of(row.x() + 8, y, row.w() - 28, line), Align.LEFT);
            y += line + 2;
            float summaryLine = text.metrics(summary).lineHeight();
            Labels.draw(canvas, text, n.summary(), summary, Rect.of(row.x() + 8, y, row.w() - 16, summaryLine), Align.LEFT);
            y += summaryLine;
            if (bodyText != null) {
                canvas.drawParagraph(bodyText, row.x() + 8, y + 2);
            }
            canvas.hitRegion("item:" + n.id(), row, 8);
        }
    }

    /** "now", "5 min ago", "3 h ago", "2 d ago": counted from the desktop's clock, in no time zone. */
    static String ago(CellContext context, long millis) {
        long seconds = Math.max(0, Duration.between(java.time.Instant.ofEpochMilli(millis), context.now()).getSeconds());
        if (seconds < 60) {
            return "now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " d ago";
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (!(event instanceof InputEvent.Pointer p) || p.kind() != InputEvent.Pointer.Kind.PRESS) {
            return false;
        }
        Notifications notifications = context.service(Notifications.class);
        notifications.markRead();
        if (p.region().equals("dnd")) {
            notifications.setDoNotDisturb(notifications.doNotDisturb() ? 0 : -1);
        } else if (p.region().equals("clear")) {
            notifications.clearHistory();
        } else if (p.region().startsWith("item:")) {
            int id = Integer.parseInt(p.region().substring(5));
            notifications.history(30).stream().filter(n -> n.id() == id && n.open()).findFirst()
                    .ifPresent(n -> notifications.dismiss(id));
        }
        return false;
    }
}
