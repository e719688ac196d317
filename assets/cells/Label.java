import dev.cellshell.widgets.*;

/** A line of text on a rounded card. Props: text, color, background, size (theme tokens otherwise). */
public class Label implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        float width = context.width();
        float height = context.height();
        float size = props.number("size", 28);
        Theme theme = context.theme();
        canvas.fillRoundRect(0, 0, width, height, 16,
                props.color("background", theme.color("surface", Color.rgb(46, 52, 64))));
        canvas.drawText(props.string("text", "Hello, CellShell"), width / 2, height / 2 + size * 0.36f, size,
                props.color("color", theme.color("onSurface", Color.rgb(236, 239, 244))), Align.CENTER);
    }
}
