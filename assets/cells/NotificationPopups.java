import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.util.List;

/**
 * The notifications to see now, as cards stacked from the top (newest first): the application, the summary, the
 * body, its actions as buttons and a close cross. Click a card to take its default action (or just dismiss it). It
 * draws nothing when there is nothing to show, so it belongs on an overlay surface or a corner of the desktop.
 */
@Uses(Notifications.class)
@Size(width = 360, height = 320, minWidth = 200, minHeight = 80)
public class NotificationPopups implements Cell {

    private static final float GAP = 8;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Notifications notifications = context.service(Notifications.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect area = Rect.of(context);
        float pad = Math.min(12, theme.number(Token.PADDING));
        float y = 0;
        for (Notification n : notifications.showing()) {
            float inner = area.w() - 2 * pad;
            TextStyle small = TextStyle.of(theme.number(Token.SMALL_TEXT_SIZE)).withColor(theme.color(Token.ON_SURFACE_MUTED));
            TextStyle title = TextStyle.of(theme.number(Token.TEXT_SIZE)).bold().withColor(theme.color(Token.ON_SURFACE));
            TextStyle body = TextStyle.of(theme.number(Token.TEXT_SIZE) - 1).withColor(theme.color(Token.ON_SURFACE));
            Paragraph summary = text.layout(n.summary(), title, inner - 20, Align.LEFT, 2);
            Paragraph lines = n.body().isEmpty() ? null : text.layout(n.body(), body, inner, Align.LEFT, 3);
            float appLine = text.metrics(small).lineHeight();
            boolean hasButtons = n.actions().stream().anyMatch(a -> !a.key().equals("default"));
            float h = pad + appLine + 4 + summary.height() + (lines == null ? 0 : 4 + lines.height())
                    + (hasButtons ? 8 + 28 : 0) + pad;
            if (y + h > area.h()) {
                break; // the rest wait for room
            }
            Rect card = Rect.of(0, y, area.w(), h);
            float radius = theme.number(Token.RADIUS);
            canvas.drawShadow(card.inset(2), radius, new Shadow(0, 2, 6, 0x40000000));
            canvas.fillRoundRect(card.inset(2), radius, Fill.solid(theme.color(Token.SURFACE)));
            if (n.urgency() == 2) {
                canvas.fillRoundRect(Rect.of(card.x() + 2, card.y() + 2, 4, card.h() - 4), 2, Fill.solid(0xFFBF616A));
            }
            canvas.hitRegion("card:" + n.id(), card.inset(2), radius); // what is drawn: an overlay is shaped to it
            float x = card.x() + pad;
            float top = card.y() + pad;
            Labels.draw(canvas, text, n.app(), small, Rect.of(x, top, inner - 24, appLine), Align.LEFT);
            Rect close = Rect.of(card.right() - pad - 18, top - 2, 18, 18);
            int muted = theme.color(Token.ON_SURFACE_MUTED);
            canvas.drawLine(close.x() + 5, close.y() + 5, close.right() - 5, close.bottom() - 5, 1.6f, muted);
            canvas.drawLine(close.right() - 5, close.y() + 5, close.x() + 5, close.bottom() - 5, 1.6f, muted);
            canvas.hitRegion("close:" + n.id(), close.inset(-4), 9);
            top += appLine + 4;
            canvas.drawParagraph(summary, x, top);
            top += summary.height();
            if (lines != null) {
                top += 4;
                canvas.drawParagraph(lines, x, top);
                top += lines.height();
            }
            if (hasButtons) {
                top += 8;
                List<Notification.Action> buttons = n.actions().stream().filter(a -> !a.key().equals("default"))
                        .limit(3).toList();
                Rect[] boxes = Stack.columns(Rect.of(x, top, inner, 28), buttons.size(), 6);
                for (int i = 0; i < buttons.size(); i++) {
                    canvas.fillRoundRect(boxes[i], 14, Fill.solid(theme.color(Token.SURFACE_ALT)));
                    canvas.strokeRoundRect(boxes[i], 14, Stroke.of(1), theme.color(Token.OUTLINE));
                    Labels.draw(canvas, text, buttons.get(i).label(), small.withColor(theme.color(Token.PRIMARY)).bold(),
                            boxes[i].inset(8, 0), Align.CENTER);
                    canvas.hitRegion("action:" + n.id() + ":" + buttons.get(i).key(), boxes[i], 14);
                }
            }
            y += h + GAP;
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (!(event instanceof InputEvent.Pointer p) || p.kind() != InputEvent.Pointer.Kind.PRESS || p.region().isEmpty()) {
            return false;
        }
        Notifications notifications = context.service(Notifications.class);
        String[] parts = p.region().split(":", 3);
        int id = Integer.parseInt(parts[1]);
        switch (parts[0]) {
            case "close" -> notifications.dismiss(id);
            case "action" -> notifications.invoke(id, parts[2]);
            default -> {
                boolean hasDefault = notifications.showing().stream().anyMatch(n -> n.id() == id
                        && n.actions().stream().anyMatch(a -> a.key().equals("default")));
                if (hasDefault) {
                    notifications.invoke(id, "default");
                } else {
                    notifications.dismiss(id);
                }
            }
        }
        return false;
    }
}
