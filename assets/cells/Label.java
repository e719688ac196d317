import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** A line of text on a rounded card, shrunk to fit the card. */
@Prop(name = "text", doc = "what the card says", fallback = "Hello, CellShell")
@Prop(name = "size", kind = Prop.Kind.NUMBER, min = 6, max = 200, fallback = "28", doc = "text size, shrunk to fit")
@Prop(name = "color", kind = Prop.Kind.COLOR, doc = "text colour (default: the theme's)")
@Prop(name = "background", kind = Prop.Kind.COLOR, doc = "card colour (default: the theme's)")
@Size(width = 320, height = 72, minWidth = 60, minHeight = 28)
public class Label implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        Theme theme = context.theme();
        float width = context.width();
        float height = context.height();
        String text = props.string("text", "Hello, CellShell");
        canvas.fillRoundRect(Rect.of(0, 0, width, height), 16,
                Fill.solid(props.color("background", theme.color(Token.SURFACE))));
        // The size asked for, smaller when the text would not fit the card: measured, not guessed.
        Rect inside = Rect.of(12, 6, width - 24, height - 12);
        float size = props.number("size", 28);
        TextStyle style = Labels.fit(context.text(), text, TextStyle.of(Math.max(6, Math.min(200, size)))
                .withColor(props.color("color", theme.color(Token.ON_SURFACE))), inside.w(), inside.h(), 6);
        Labels.draw(canvas, context.text(), text, style, inside, Align.CENTER);
    }
}
