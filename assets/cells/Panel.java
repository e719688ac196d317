import dev.cellshell.widgets.*;

/**
 * A surface to group other cells on: give it a "layout" and "children" in tissue.json (or spawn cells into it with
 * {@code cell spawn TYPE --in PANEL}) and the tissue places them in a row, a column, a grid or a stack. Draws a
 * rounded card, with an optional title along its top edge. Props: title, background, radius.
 */
@Size(width = 400, height = 240, minWidth = 40, minHeight = 40)
public class Panel implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        Theme theme = context.theme();
        float radius = props.number("radius", 18);
        canvas.fillRoundRect(0, 0, context.width(), context.height(), radius,
                props.color("background", theme.color("surfaceAlt", Color.argb(220, 59, 66, 82))));
        canvas.strokeRoundRect(0.5f, 0.5f, context.width() - 1, context.height() - 1, radius, 1,
                theme.color("outline", Color.rgb(136, 192, 208)));
        String title = props.string("title", "");
        if (!title.isEmpty()) {
            canvas.drawText(title, 16, 20, 13, theme.color("onSurfaceMuted", Color.rgb(216, 222, 233)), Align.LEFT);
        }
    }
}
