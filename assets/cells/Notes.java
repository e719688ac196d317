import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/**
 * A notepad: click it and type; Enter starts a new line, Backspace deletes, a click elsewhere stops editing. Long lines
 * wrap. What you write is kept in the cell's own storage, so it is there after a restart.
 */
@Uses(Storage.class)
@Prop(name = "title", fallback = "Notes", doc = "the heading")
@Size(width = 300, height = 220, minWidth = 160, minHeight = 90)
public class Notes implements Cell {

    private boolean editing;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        Text text = context.text();
        String written = context.service(Storage.class).get("text", "");
        Rect card = Rect.of(context);
        canvas.fillRoundRect(card, 14, Fill.solid(theme.color(Token.SURFACE)));
        if (editing) {
            canvas.strokeRoundRect(card.inset(1), 13, Stroke.of(2), theme.color(Token.PRIMARY));
        }
        Stack rows = Stack.column(card.inset(16, 8), 4);
        Labels.draw(canvas, text, context.props().string("title", "Notes"),
                TextStyle.of(14).withColor(theme.color(Token.ON_SURFACE_MUTED)), rows.next(26), Align.LEFT);
        Rect page = rows.rest();
        TextStyle body = TextStyle.of(16).withColor(theme.color(Token.ON_SURFACE));
        canvas.save();
        canvas.clipRect(page.x() - 4, page.y(), page.w() + 8, page.h());
        if (written.isEmpty() && !editing) {
            canvas.drawParagraph(text.layout("Click and type…", body.withColor(theme.color(Token.ON_SURFACE_MUTED)),
                    page.w()), page.x(), page.y());
        } else {
            // The newest lines stay in view: a page that overflows is drawn from its bottom up.
            Paragraph laid = text.layout(written + (editing ? "|" : ""), body, Math.max(1, page.w()));
            float top = Math.min(page.y(), page.bottom() - laid.height());
            canvas.drawParagraph(laid, page.x(), top);
        }
        canvas.restore();
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Focus focus) {
            boolean was = editing;
            editing = focus.gained();
            return was != editing;
        }
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            editing = true;
            return true;
        }
        if (!editing) {
            return false;
        }
        Storage storage = context.service(Storage.class);
        String written = storage.get("text", "");
        if (event instanceof InputEvent.Text typed) {
            written = written + typed.text();
        } else if (event instanceof InputEvent.Key key && key.pressed() && key.key() == Key.ENTER) {
            written = written + "\n";
        } else if (event instanceof InputEvent.Key key && key.pressed() && key.key() == Key.BACKSPACE) {
            if (written.isEmpty()) {
                return false;
            }
            written = written.substring(0, written.offsetByCodePoints(written.length(), -1));
        } else if (event instanceof InputEvent.Key key && key.pressed() && key.key() == Key.ESCAPE) {
            editing = false;
            return true;
        } else {
            return false;
        }
        storage.put("text", written);
        return true;
    }
}
