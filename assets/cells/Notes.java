import dev.cellshell.widgets.*;

/**
 * A notepad: click it and type; Enter starts a new line, Backspace deletes. What you write is kept in the cell's own
 * storage, so it is there after a restart. Props: title.
 */
@Uses(Storage.class)
@Size(width = 300, height = 220, minWidth = 160, minHeight = 90)
public class Notes implements Cell {

    private static final int ENTER = 257;
    private static final int BACKSPACE = 259;
    private boolean editing;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        String text = context.service(Storage.class).get("text", "");
        canvas.fillRoundRect(0, 0, context.width(), context.height(), 14,
                theme.color("surface", Color.rgb(46, 52, 64)));
        if (editing) {
            canvas.strokeRoundRect(1, 1, context.width() - 2, context.height() - 2, 13, 2,
                    theme.color("primary", Color.rgb(94, 129, 172)));
        }
        canvas.drawText(context.props().string("title", "Notes"), 16, 26, 14,
                theme.color("onSurfaceMuted", Color.rgb(216, 222, 233)), Align.LEFT);
        String[] lines = text.split("\n", -1);
        int shown = (int) Math.max(1, (context.height() - 48) / 22);
        int first = Math.max(0, lines.length - shown);
        canvas.save();
        canvas.clipRect(12, 34, context.width() - 24, context.height() - 40);
        for (int i = first; i < lines.length; i++) {
            String line = lines[i] + (editing && i == lines.length - 1 ? "|" : "");
            canvas.drawText(line, 16, 56 + (i - first) * 22, 16, theme.color("onSurface", Color.WHITE), Align.LEFT);
        }
        if (text.isEmpty() && !editing) {
            canvas.drawText("Click and type…", 16, 56, 16, theme.color("onSurfaceMuted", Color.rgb(150, 150, 150)), Align.LEFT);
        }
        canvas.restore();
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            editing = true;
            return true;
        }
        if (!(event instanceof InputEvent.Key key) || !key.pressed() || !editing) {
            return false;
        }
        Storage storage = context.service(Storage.class);
        String text = storage.get("text", "");
        if (key.keyCode() == ENTER) {
            text = text + "\n";
        } else if (key.keyCode() == BACKSPACE) {
            text = text.isEmpty() ? text : text.substring(0, text.length() - 1);
        } else if (!key.text().isEmpty()) {
            text = text + key.text();
        } else {
            return false;
        }
        storage.put("text", text);
        return true;
    }
}
