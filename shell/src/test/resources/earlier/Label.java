import dev.cellshell.widgets.*;

/** A line of text on a rounded card. Props: text, color, background, size (theme tokens otherwise). */
@Size(width = 320, height = 72, minWidth = 60, minHeight = 28)
public class Label implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Props props = context.props();
        float width = context.width();
        float height = context.height();
        String text = props.string("text", "Hello, CellShell");
        // The size asked for, smaller when the text would not fit the card (~0.6 em per character).
        float size = Math.max(6, Math.min(props.number("size", 28), Math.min(height * 0.7f,
                (width - 16) / (Math.max(1, text.length()) * 0.6f))));
        Theme theme = context.theme();
        canvas.fillRoundRect(0, 0, width, height, 16,
                props.color("background", theme.color("surface", Color.rgb(46, 52, 64))));
        canvas.drawText(text, width / 2, height / 2 + size * 0.36f, size,
                props.color("color", theme.color("onSurface", Color.rgb(236, 239, 244))), Align.CENTER);
    }
}
