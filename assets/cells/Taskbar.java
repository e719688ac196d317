import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.util.List;

/**
 * The open windows as buttons, the active one lit, minimised ones dimmed, those on another workspace marked with its
 * number: click one to activate it (switching workspace when needed), middle-click to close it, right-click to move
 * it to the next workspace.
 */
@Uses({Windows.class, Workspaces.class})
@Size(width = 520, height = 32, minWidth = 120, minHeight = 20)
public class Taskbar implements Cell {

    private static final float GAP = 4, MAX_BUTTON = 220;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Windows windows = context.service(Windows.class);
        Workspaces workspaces = context.service(Workspaces.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect bar = Rect.of(context);
        canvas.fillRoundRect(bar, Math.min(bar.h() / 2, 10), Fill.solid(theme.color(Token.SURFACE_ALT)));
        TextStyle style = TextStyle.of(Math.max(8, Math.min(13, bar.h() * 0.42f)));
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        String why = windows.unavailable();
        if (!why.isEmpty()) {
            Labels.draw(canvas, text, "no windows: " + why, style.withColor(muted), bar.inset(10, 0), Align.LEFT);
            return;
        }
        List<AppWindow> list = windows.list();
        if (list.isEmpty()) {
            Labels.draw(canvas, text, "no open windows", style.withColor(muted), bar.inset(10, 0), Align.LEFT);
            return;
        }
        int current = workspaces.current();
        Rect inner = bar.inset(GAP);
        float w = Math.min(MAX_BUTTON, (inner.w() - GAP * (list.size() - 1)) / list.size());
        for (int i = 0; i < list.size(); i++) {
            AppWindow window = list.get(i);
            Rect button = Rect.of(inner.x() + i * (w + GAP), inner.y(), w, inner.h());
            float r = Math.min(button.h() / 2, 8);
            if (window.active()) {
                canvas.fillRoundRect(button, r, Fill.solid(theme.color(Token.PRIMARY)));
            } else {
                canvas.fillRoundRect(button, r, Fill.solid(theme.color(Token.SURFACE)));
            }
            int ink = window.active() ? theme.color(Token.ON_PRIMARY) : window.minimized() ? muted
                    : theme.color(Token.ON_SURFACE);
            Rect label = button.inset(8, 0);
            Picture icon = button.h() >= 18 ? windows.icon(window.id(), 32) : null;
            if (icon != null) {
                float side = button.h() - 8;
                canvas.drawPicture(icon, Rect.of(label.x(), button.y() + 4, side, side), Fit.CONTAIN);
                label = label.rightOf(side + 6);
            }
            boolean elsewhere = current >= 0 && window.workspace() >= 0 && window.workspace() != current;
            if (elsewhere) {
                String number = Integer.toString(window.workspace() + 1);
                float side = button.h() - 10;
                Rect badge = Rect.of(label.right() - side, button.y() + 5, side, side);
                canvas.strokeRoundRect(badge, side / 2, Stroke.of(1), ink);
                Labels.draw(canvas, text, number, style.withSize(side * 0.6f).withColor(ink), badge, Align.CENTER);
                label = label.left(label.w() - side - 4);
            }
            String title = window.title().isEmpty() ? window.appClass() : window.title();
            Labels.draw(canvas, text, title, style.withItalic(window.minimized()).withColor(ink), label, Align.LEFT);
            canvas.hitRegion(window.id(), button, r);
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS && !p.region().isEmpty()) {
            Windows windows = context.service(Windows.class);
            if (p.button() == 3) { // middle
                windows.close(p.region());
            } else if (p.button() == 2) { // right
                Workspaces workspaces = context.service(Workspaces.class);
                int count = Math.max(1, workspaces.count());
                windows.list().stream().filter(w -> w.id().equals(p.region())).findFirst().ifPresent(w ->
                        windows.moveToWorkspace(w.id(), (Math.max(0, w.workspace()) + 1) % count));
            } else {
                windows.activate(p.region());
            }
        }
        return false;
    }
}
