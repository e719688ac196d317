import dev.cellshell.widgets.*;

/** A bar of buttons that each add a cell to the desktop. Props: types (default Clock,Notes,Calendar), at. */
@Uses(Spawner.class)
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
        for (int i = 0; i < types.length; i++) {
            float x = 4 + i * slot;
            canvas.fillRoundRect(x + 4, 6, slot - 8, h - 12, 10, i == pressed
                    ? theme.color("primaryPressed", Color.rgb(67, 97, 135)) : theme.color("primary",
                            Color.rgb(94, 129, 172)));
            canvas.drawText("+ " + types[i].trim(), x + slot / 2, h / 2 + 6, 16, theme.color("onPrimary", Color.WHITE),
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
