import dev.cellshell.widgets.*;

/** The template a new cell starts from: a card that counts its clicks. Edit it and save: it changes live. */
@Size(width = 240, height = 80, minWidth = 120, minHeight = 48)
public class Hello implements Cell {

    /** Kept when you swap this cell's source. */
    @State int clicks;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        canvas.fillRoundRect(0, 0, context.width(), context.height(), 16, theme.color("surface", Color.rgb(46, 52, 64)));
        canvas.drawText(clicks == 0 ? "Hello, world" : "Hello ×" + clicks, context.width() / 2,
                context.height() / 2 + 8, 22, theme.color("onSurface", Color.WHITE), Align.CENTER);
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            clicks++;
            return true;
        }
        return false;
    }
}
