import dev.cellshell.widgets.*;

/**
 * The desktop's notifications indicator: how many notices cells told you that you have not read, and the newest;
 * click it to mark them read. Props: none.
 */
@Uses(Notifications.class)
@Size(width = 170, height = 28, minWidth = 40, minHeight = 18)
public class NoticeBell implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Notifications notifications = context.service(Notifications.class);
        Theme theme = context.theme();
        float w = context.width();
        float h = context.height();
        int unread = notifications.unread();
        canvas.fillRoundRect(0, 0, w, h, h / 2, theme.color("surfaceAlt", Color.argb(220, 59, 66, 82)));
        float size = Math.max(7, Math.min(12, h * 0.45f));
        float r = h * 0.34f;
        int badge = unread > 0 ? theme.color("primary", Color.rgb(94, 129, 172))
                : theme.color("background", Color.rgb(30, 36, 48));
        canvas.fillCircle(h / 2 + 2, h / 2, r, badge);
        String count = unread > 99 ? "99+" : Integer.toString(unread);
        canvas.drawText(count, h / 2 + 2, h / 2 + size * 0.32f, Math.min(size, r * 2 / (count.length() * 0.62f)),
                unread > 0 ? theme.color("onPrimary", Color.WHITE) : theme.color("onSurfaceMuted", Color.rgb(150, 150, 150)),
                Align.CENTER);
        String latest = notifications.latest();
        String text = latest.isEmpty() ? "no notices" : unread == 0 ? "all read" : latest;
        float room = w - h - 10;
        int fits = Math.max(1, (int) (room / (size * 0.6f)));
        if (text.length() > fits) {
            text = text.substring(0, Math.max(1, fits - 1)) + "…";
        }
        canvas.save();
        canvas.clipRect(h + 4, 0, room, h);
        canvas.drawText(text, h + 6, h / 2 + size * 0.36f, size, theme.color("onSurfaceMuted",
                Color.rgb(150, 150, 150)), Align.LEFT);
        canvas.restore();
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            context.service(Notifications.class).markRead();
        }
        return false;
    }
}
