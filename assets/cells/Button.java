import dev.cellshell.widgets.*;

/**
 * A button that counts its clicks; the count is state and survives swaps. Lighter while the pointer is over it,
 * darker while pressed; takes input only inside its rounded face. Props: text, color, textColor, border, and action:
 * what a click does besides counting — "spawn TYPE [ANCHOR]" adds a cell, "notify TEXT" tells you something.
 */
@Uses({Spawner.class, Notifier.class})
@Size(width = 200, height = 64, minWidth = 64, minHeight = 32)
public class Button implements Cell {

    @State int clicks;
    private boolean pressed;
    private boolean hovered;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        float width = context.width();
        float height = context.height();
        Theme theme = context.theme();
        int face = props.color("color", theme.color("primary", Color.rgb(94, 129, 172)));
        int fill = pressed ? theme.color("primaryPressed", Color.rgb(67, 97, 135))
                : hovered ? theme.color("primaryHover", Color.rgb(118, 150, 190)) : face;
        canvas.fillRoundRect(0, 0, width, height, 12, fill);
        canvas.hitRegion(0, 0, width, height, 12);
        canvas.strokeRoundRect(1, 1, width - 2, height - 2, 11, 2,
                props.color("border", theme.color("outline", Color.rgb(136, 192, 208))));
        String text = props.string("text", "Click me");
        String label = clicks == 0 ? text : text + " (" + clicks + ")";
        // 22 units, smaller when the button is too low or the label too long for it (~0.6 em per character).
        float size = Math.max(8, Math.min(22, Math.min(height * 0.42f, (width - 16) / (label.length() * 0.6f))));
        canvas.drawText(label, width / 2, height / 2 + size * 8 / 22, size,
                props.color("textColor", theme.color("onPrimary", Color.WHITE)), Align.CENTER);
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer pointer) {
            if (pointer.kind() == InputEvent.Pointer.Kind.PRESS) {
                pressed = true;
                clicks++;
                return true;
            }
            if (pointer.kind() == InputEvent.Pointer.Kind.RELEASE && pressed) {
                pressed = false;
                act(context);
                return true;
            }
            if (pointer.kind() == InputEvent.Pointer.Kind.ENTER || pointer.kind() == InputEvent.Pointer.Kind.LEAVE) {
                hovered = pointer.kind() == InputEvent.Pointer.Kind.ENTER;
                pressed = pressed && hovered;
                return true;
            }
        }
        return false;
    }

    private static void act(CellContext context) {
        String action = context.props().string("action", "").trim();
        if (action.startsWith("spawn ")) {
            String[] words = action.substring(6).trim().split("\\s+");
            context.service(Spawner.class).spawn(words[0], words.length > 1 ? words[1] : "center");
        } else if (action.startsWith("notify ")) {
            context.service(Notifier.class).tell(action.substring(7).trim());
        }
    }
}
