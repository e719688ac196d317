import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** The window manager's workspaces as a row of pills, the current one lit; click one to switch to it. */
@Uses(Workspaces.class)
@Size(width = 170, height = 28, minWidth = 60, minHeight = 18)
public class WorkspaceSwitcher implements Cell {

    private static final float GAP = 4;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Workspaces workspaces = context.service(Workspaces.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect bar = Rect.of(context);
        canvas.fillRoundRect(bar, bar.h() / 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
        int count = workspaces.count();
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        TextStyle style = TextStyle.of(Math.max(7, Math.min(13, bar.h() * 0.45f)));
        if (count == 0) {
            Labels.draw(canvas, text, "no workspaces", style.withColor(muted), bar.inset(8, 0), Align.CENTER);
            return;
        }
        Rect[] pills = Stack.columns(bar.inset(GAP), count, GAP);
        for (int i = 0; i < count; i++) {
            boolean current = i == workspaces.current();
            if (current) {
                canvas.fillRoundRect(pills[i], pills[i].h() / 2, Fill.solid(theme.color(Token.PRIMARY)));
            }
            // The workspace's name when it fits at a readable size, else its number.
            Rect inside = pills[i].inset(4, 0);
            TextStyle pill = style.withColor(current ? theme.color(Token.ON_PRIMARY) : muted);
            String name = workspaces.name(i);
            TextStyle fitted = Labels.fit(text, name, pill, inside.w(), bar.h(), 6);
            if (fitted.size() < Math.min(9, style.size())) {
                name = Integer.toString(i + 1);
                fitted = Labels.fit(text, name, pill, inside.w(), bar.h(), 6);
            }
            Labels.draw(canvas, text, name, fitted, inside, Align.CENTER);
            canvas.hitRegion(Integer.toString(i), pills[i].inset(-GAP / 2, -GAP), 0);
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS
                && !p.region().isEmpty()) {
            Workspaces workspaces = context.service(Workspaces.class);
            int index = Integer.parseInt(p.region());
            if (index < workspaces.count()) {
                workspaces.switchTo(index);
            }
        }
        return false;
    }
}
