import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/**
 * One line of text to type into: click it (the caret goes where you click), type; Backspace, Delete, ←, →, Home and
 * End edit; Enter or a click elsewhere stops editing.
 */
@Prop(name = "placeholder", fallback = "Type here", doc = "shown while it is empty")
@Size(width = 260, height = 48, minWidth = 100, minHeight = 32)
public class TextField implements Cell {

    @State String text = "";
    @State int caret;
    private boolean editing;

    private static TextStyle style(CellContext context) {
        return TextStyle.of(17).withColor(context.theme().color(Token.ON_SURFACE));
    }

    private static Rect field(CellContext context) {
        return Rect.of(context).inset(14, 4);
    }

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        Text measure = context.text();
        Rect box = Rect.of(context);
        canvas.fillRoundRect(box, 10, Fill.solid(theme.color(Token.SURFACE)));
        canvas.strokeRoundRect(box.inset(1), 9, Stroke.of(editing ? 2 : 1),
                editing ? theme.color(Token.PRIMARY) : theme.color(Token.OUTLINE));
        Rect field = field(context);
        TextStyle style = style(context);
        caret = Math.max(0, Math.min(caret, text.length()));
        if (text.isEmpty() && !editing) {
            Labels.draw(canvas, measure, context.props().string("placeholder", "Type here"),
                    style.withColor(theme.color(Token.ON_SURFACE_MUTED)), field, Align.LEFT);
            return;
        }
        // Scroll so the caret stays inside the field.
        float caretX = measure.measure(text.substring(0, caret), style);
        float scroll = Math.max(0, caretX - field.w() + 2);
        float baseline = measure.metrics(style).baselineCentredOn(field.centerY());
        canvas.save();
        canvas.clipRect(field.x() - 2, box.y(), field.w() + 4, box.h());
        canvas.drawText(text, field.x() - scroll, baseline, style, Align.LEFT);
        if (editing) {
            FontMetrics m = measure.metrics(style);
            canvas.fillRect(field.x() - scroll + caretX, baseline - m.ascent() * 0.9f, 1.5f,
                    (m.ascent() + m.descent()) * 0.9f, theme.color(Token.PRIMARY));
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
            TextStyle style = style(context);
            Rect field = field(context);
            float caretX = context.text().measure(text.substring(0, Math.min(caret, text.length())), style);
            float scroll = Math.max(0, caretX - field.w() + 2);
            caret = context.text().offsetAt(text, style, p.x() - field.x() + scroll);
            return true;
        }
        if (!editing) {
            return false;
        }
        caret = Math.max(0, Math.min(caret, text.length()));
        if (event instanceof InputEvent.Text typed) {
            text = text.substring(0, caret) + typed.text() + text.substring(caret);
            caret += typed.text().length();
            return true;
        }
        if (!(event instanceof InputEvent.Key key) || !key.pressed()) {
            return false;
        }
        switch (key.key()) {
            case BACKSPACE -> {
                if (caret == 0) {
                    return false;
                }
                int from = text.offsetByCodePoints(caret, -1);
                text = text.substring(0, from) + text.substring(caret);
                caret = from;
            }
            case DELETE -> {
                if (caret == text.length()) {
                    return false;
                }
                text = text.substring(0, caret) + text.substring(text.offsetByCodePoints(caret, 1));
            }
            case LEFT -> caret = caret == 0 ? 0 : text.offsetByCodePoints(caret, -1);
            case RIGHT -> caret = caret == text.length() ? caret : text.offsetByCodePoints(caret, 1);
            case HOME -> caret = 0;
            case END -> caret = text.length();
            case ENTER, ESCAPE -> editing = false;
            default -> {
                return false;
            }
        }
        return true;
    }
}
