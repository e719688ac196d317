import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/**
 * The desktop's notifications indicator: how many notices cells told you that you have not read, and the newest;
 * click it to mark them read.
 */
@Uses(Notifications.class)
@Size(width = 170, height = 28, minWidth = 40, minHeight = 18)
public class NoticeBell implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Notifications notifications = context.service(Notifications.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect bar = Rect.of(context);
        int unread = notifications.unread();
        canvas.fillRoundRect(bar, bar.h() / 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
        TextStyle style = TextStyle.of(Math.max(7, Math.min(12, bar.h() * 0.45f)));
        Rect badge = Rect.of(2, 0, bar.h(), bar.h());
        float r = bar.h() * 0.34f;
        canvas.fillCircle(badge.centerX(), badge.centerY(), r, unread > 0 ? theme.color(Token.PRIMARY)
                : theme.color(Token.BACKGROUND));
        String count = unread > 99 ? "99+" : Integer.toString(unread);
        Rect inBadge = Rect.of(badge.centerX() - r, badge.centerY() - r, 2 * r, 2 * r).inset(1);
        Labels.draw(canvas, text, count, Labels.fit(text, count, style.withColor(unread > 0
                ? theme.color(Token.ON_PRIMARY) : theme.color(Token.ON_SURFACE_MUTED)), inBadge.w(), bar.h(), 5),
                inBadge, Align.CENTER);
        String latest = notifications.latest();
        String line = latest.isEmpty() ? "no notices" : unread == 0 ? "all read" : latest;
        Labels.draw(canvas, text, line, style.withColor(theme.color(Token.ON_SURFACE_MUTED)),
                bar.rightOf(bar.h() + 6).inset(0, 0).left(bar.w() - bar.h() - 6 - bar.h() / 2), Align.LEFT);
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            context.service(Notifications.class).markRead();
        }
        return false;
    }
}
