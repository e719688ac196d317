import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/**
 * A surface to group other cells on: give it a "layout" and "children" in tissue.json (or spawn cells into it with
 * {@code cell spawn TYPE --in PANEL}) and the tissue places them in a row, a column, a grid or a stack. Draws a
 * rounded card, with an optional title along its top edge.
 */
@Prop(name = "title", doc = "a heading along the top edge")
@Prop(name = "background", kind = Prop.Kind.COLOR, doc = "card colour")
@Prop(name = "radius", kind = Prop.Kind.NUMBER, min = 0, max = 200, fallback = "18", doc = "corner radius")
@Size(width = 400, height = 240, minWidth = 40, minHeight = 40)
public class Panel implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        Theme theme = context.theme();
        Rect card = Rect.of(context);
        float radius = Math.max(0, props.number("radius", 18));
        canvas.fillRoundRect(card, radius, Fill.solid(props.color("background", theme.color(Token.SURFACE_ALT))));
        canvas.strokeRoundRect(card.inset(0.5f), radius, Stroke.of(1), theme.color(Token.OUTLINE));
        String title = props.string("title", "");
        if (!title.isEmpty()) {
            Labels.draw(canvas, context.text(), title, TextStyle.of(13).withColor(theme.color(Token.ON_SURFACE_MUTED)),
                    card.inset(16, 0).top(30).translate(0, 1), Align.LEFT);
        }
    }
}
