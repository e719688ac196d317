import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** The template a new cell starts from: a card that counts its clicks. Edit it and save: it changes live. */
@Size(width = 240, height = 80, minWidth = 120, minHeight = 48)
public class Hello implements Cell {

    /** Kept when you swap this cell's source. */
    @State int clicks;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        Rect card = Rect.of(context);
        canvas.fillRoundRect(card, 16, Fill.solid(theme.color(Token.SURFACE)));
        String text = clicks == 0 ? "Hello, world" : "Hello ×" + clicks;
        Rect inside = card.inset(12, 8);
        TextStyle style = Labels.fit(context.text(), text, TextStyle.of(22).withColor(theme.color(Token.ON_SURFACE)),
                inside.w(), inside.h(), 8);
        Labels.draw(canvas, context.text(), text, style, inside, Align.CENTER);
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
