import dev.cellshell.widgets.*;

/** A line of text on a rounded card. Props: text, color, background, size. */
public class Label implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        float width = context.width();
        float height = context.height();
        float size = props.number("size", 28);
        canvas.fillRoundRect(0, 0, width, height, 16, props.color("background", Color.rgb(46, 52, 64)));
        canvas.drawText(props.string("text", "Hello, CellShell"), width / 2, height / 2 + size * 0.36f, size,
                props.color("color", Color.rgb(236, 239, 244)), Align.CENTER);
    }
}
