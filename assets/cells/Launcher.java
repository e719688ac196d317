import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** A bar of buttons that each add a cell to the desktop. */
@Uses(Spawner.class)
@Prop(name = "types", fallback = "Clock,Notes,Calendar", doc = "the cell types offered, comma-separated")
@Prop(name = "at", fallback = "center", doc = "where new cells go: center, top-left, …")
@Size(width = 380, height = 64, minWidth = 150, minHeight = 36)
public class Launcher implements Cell {

    private String pressed = "";

    private String[] types(CellContext context) {
        return context.props().string("types", "Clock,Notes,Calendar").split(",");
    }

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        String[] types = types(context);
        Rect bar = Rect.of(context);
        canvas.fillRoundRect(bar, 16, Fill.solid(theme.color(Token.SURFACE_ALT)));
        // Buttons keep a small inset; on a panel (a low launcher) it shrinks so the labels stay readable.
        float inset = Math.min(6, bar.h() * 0.12f);
        Rect[] slots = Stack.columns(bar.inset(8, inset), types.length, 8);
        for (int i = 0; i < types.length; i++) {
            String type = types[i].trim();
            Rect button = slots[i];
            float radius = Math.min(10, button.h() / 2);
            canvas.fillRoundRect(button, radius, Fill.solid(type.equals(pressed) ? theme.color(Token.PRIMARY_PRESSED)
                    : theme.color(Token.PRIMARY)));
            canvas.hitRegion(type, button, radius);
            String label = "+ " + type;
            Rect inside = button.inset(6, 2);
            TextStyle style = Labels.fit(context.text(), label, TextStyle.of(Math.max(8, Math.min(16, button.h() * 0.55f)))
                    .withColor(theme.color(Token.ON_PRIMARY)), inside.w(), inside.h(), 8);
            Labels.draw(canvas, context.text(), label, style, inside, Align.CENTER);
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (!(event instanceof InputEvent.Pointer p)) {
            return false;
        }
        if (p.kind() == InputEvent.Pointer.Kind.PRESS && !p.region().isEmpty()) {
            pressed = p.region();
            return true;
        }
        if (p.kind() == InputEvent.Pointer.Kind.RELEASE && !pressed.isEmpty()) {
            if (p.in(pressed)) {
                context.service(Spawner.class).spawn(pressed, context.props().string("at", "center"));
            }
            pressed = "";
            return true;
        }
        return false;
    }
}
