import dev.cellshell.widgets.*;

/** A bar of buttons that each add a cell to the desktop. Props: types (default Clock,Notes,Calendar), at. */
@Uses(Spawner.class)
@Size(width = 380, height = 64, minWidth = 150, minHeight = 36)
public class Launcher implements Cell {

    private int pressed = -1;

    private String[] types(CellContext context) {
        return context.props().string("types", "Clock,Notes,Calendar").split(",");
    }

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        String[] types = types(context);
        float w = context.width();
        float h = context.height();
        canvas.fillRoundRect(0, 0, w, h, 16, theme.color("surfaceAlt", Color.argb(220, 59, 66, 82)));
        float slot = (w - 8) / types.length;
        // Buttons keep a small inset; on a panel (a low launcher) it shrinks so the labels stay readable.
        float inset = Math.min(6, h * 0.12f);
        float buttonH = h - 2 * inset;
        for (int i = 0; i < types.length; i++) {
            float x = 4 + i * slot;
            canvas.fillRoundRect(x + 4, inset, slot - 8, buttonH, Math.min(10, buttonH / 2), i == pressed
                    ? theme.color("primaryPressed", Color.rgb(67, 97, 135)) : theme.color("primary",
                            Color.rgb(94, 129, 172)));
            String label = "+ " + types[i].trim();
            // DejaVu Sans averages about 0.6 em per character: the label shrinks until it fits its button.
            float size = Math.max(8, Math.min(Math.min(16, buttonH * 0.55f), (slot - 20) / (label.length() * 0.6f)));
            canvas.drawText(label, x + slot / 2, h / 2 + size * 0.36f, size, theme.color("onPrimary", Color.WHITE),
                    Align.CENTER);
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (!(event instanceof InputEvent.Pointer p)) {
            return false;
        }
        String[] types = types(context);
        int index = (int) ((p.x() - 4) / ((context.width() - 8) / types.length));
        if (p.kind() == InputEvent.Pointer.Kind.PRESS && index >= 0 && index < types.length) {
            pressed = index;
            return true;
        }
        if (p.kind() == InputEvent.Pointer.Kind.RELEASE && pressed >= 0) {
            if (index == pressed) {
                context.service(Spawner.class).spawn(types[index].trim(), context.props().string("at", "center"));
            }
            pressed = -1;
            return true;
        }
        return false;
    }
}
