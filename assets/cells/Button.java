import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/**
 * A button that counts its clicks; the count is state and survives swaps. Lighter while the pointer is over it,
 * darker while pressed; takes input only inside its rounded face. A click also does the "action" prop: "spawn TYPE
 * [ANCHOR]" adds a cell, "notify TEXT" tells you something.
 */
@Uses({Spawner.class, Notifier.class})
@Prop(name = "text", fallback = "Click me", doc = "the label")
@Prop(name = "color", kind = Prop.Kind.COLOR, doc = "face colour (default: the theme's primary)")
@Prop(name = "textColor", kind = Prop.Kind.COLOR, doc = "label colour")
@Prop(name = "border", kind = Prop.Kind.COLOR, doc = "outline colour")
@Prop(name = "action", doc = "what a click does: spawn TYPE [ANCHOR] or notify TEXT")
@Size(width = 200, height = 64, minWidth = 64, minHeight = 32)
public class Button implements Cell {

    @State int clicks;
    private boolean pressed;
    private boolean hovered;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        Theme theme = context.theme();
        Rect face = Rect.of(context);
        float radius = Math.min(theme.number(Token.RADIUS), face.h() / 2);
        int fill = pressed ? theme.color(Token.PRIMARY_PRESSED)
                : hovered ? theme.color(Token.PRIMARY_HOVER) : props.color("color", theme.color(Token.PRIMARY));
        canvas.fillRoundRect(face, radius, Fill.solid(fill));
        canvas.hitRegion("face", face, radius);
        canvas.strokeRoundRect(face.inset(1), radius - 1, Stroke.of(2), props.color("border", theme.color(Token.OUTLINE)));
        String text = props.string("text", "Click me");
        String label = clicks == 0 ? text : text + " (" + clicks + ")";
        Rect inside = face.inset(10, 4);
        TextStyle style = Labels.fit(context.text(), label, TextStyle.of(22)
                .withColor(props.color("textColor", theme.color(Token.ON_PRIMARY))), inside.w(), inside.h(), 8);
        Labels.draw(canvas, context.text(), label, style, inside, Align.CENTER);
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
