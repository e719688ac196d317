import dev.cellshell.widgets.*;

/** One line of text to type into: click it, type, Backspace deletes. Props: placeholder. */
@Size(width = 260, height = 48, minWidth = 100, minHeight = 32)
public class TextField implements Cell {

    private static final int BACKSPACE = 259;
    @State String text = "";
    private boolean editing;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        float w = context.width();
        float h = context.height();
        canvas.fillRoundRect(0, 0, w, h, 10, theme.color("surface", Color.rgb(46, 52, 64)));
        canvas.strokeRoundRect(1, 1, w - 2, h - 2, 9, editing ? 2 : 1,
                editing ? theme.color("primary", Color.rgb(94, 129, 172)) : theme.color("outline", Color.rgb(150, 150, 150)));
        canvas.save();
        canvas.clipRect(8, 0, w - 16, h);
        if (text.isEmpty() && !editing) {
            canvas.drawText(context.props().string("placeholder", "Type here"), 14, h / 2 + 6, 17,
                    theme.color("onSurfaceMuted", Color.rgb(150, 150, 150)), Align.LEFT);
        } else {
            canvas.drawText(text + (editing ? "|" : ""), 14, h / 2 + 6, 17, theme.color("onSurface", Color.WHITE),
                    Align.LEFT);
        }
        canvas.restore();
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            editing = true;
            return true;
        }
        if (event instanceof InputEvent.Key key && key.pressed() && editing) {
            if (key.keyCode() == BACKSPACE && !text.isEmpty()) {
                text = text.substring(0, text.length() - 1);
                return true;
            }
            if (!key.text().isEmpty()) {
                text = text + key.text();
                return true;
            }
        }
        return false;
    }
}
