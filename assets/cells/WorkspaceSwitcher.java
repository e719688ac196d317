import dev.cellshell.widgets.*;

/** The window manager's workspaces as a row of pills, the current one lit; click one to switch to it. Props: none. */
@Uses(Workspaces.class)
@Size(width = 170, height = 28, minWidth = 60, minHeight = 18)
public class WorkspaceSwitcher implements Cell {

    private static final float GAP = 4;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Workspaces workspaces = context.service(Workspaces.class);
        Theme theme = context.theme();
        float w = context.width();
        float h = context.height();
        canvas.fillRoundRect(0, 0, w, h, h / 2, theme.color("surfaceAlt", Color.argb(220, 59, 66, 82)));
        int count = workspaces.count();
        int muted = theme.color("onSurfaceMuted", Color.rgb(150, 150, 150));
        float size = Math.max(7, Math.min(13, h * 0.45f));
        if (count == 0) {
            canvas.drawText("no workspaces", w / 2, h / 2 + size * 0.36f, size, muted, Align.CENTER);
            return;
        }
        float slot = (w - GAP) / count;
        for (int i = 0; i < count; i++) {
            float x = GAP + i * slot;
            boolean current = i == workspaces.current();
            if (current) {
                canvas.fillRoundRect(x, GAP, slot - GAP, h - 2 * GAP, (h - 2 * GAP) / 2,
                        theme.color("primary", Color.rgb(94, 129, 172)));
            }
            String name = workspaces.name(i);
            float fit = Math.min(size, (slot - 8) / (Math.max(1, name.length()) * 0.6f));
            canvas.drawText(name, x + (slot - GAP) / 2, h / 2 + fit * 0.36f, fit,
                    current ? theme.color("onPrimary", Color.WHITE) : muted, Align.CENTER);
            canvas.hitRegion(x, 0, slot, h, 0);
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            Workspaces workspaces = context.service(Workspaces.class);
            int count = workspaces.count();
            if (count > 0) {
                int index = (int) ((p.x() - GAP) / ((context.width() - GAP) / count));
                workspaces.switchTo(Math.max(0, Math.min(count - 1, index)));
            }
            return false;
        }
        return false;
    }
}
