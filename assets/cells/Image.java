import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** A picture from the workspace's images/ folder, fitted inside the cell. */
@Uses(Images.class)
@Prop(name = "file", doc = "a PNG or JPEG in the workspace's images/ folder")
@Variant(prop = "fit", values = {"contain", "cover", "fill"})
@Size(width = 320, height = 240, minWidth = 96, minHeight = 72)
public class Image implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        Text text = context.text();
        Rect card = Rect.of(context);
        canvas.fillRoundRect(card, 12, Fill.solid(theme.color(Token.SURFACE)));
        String file = context.props().string("file", "");
        if (file.isEmpty()) {
            int muted = theme.color(Token.ON_SURFACE_MUTED);
            String first = "No picture yet";
            String second = "cell set " + context.cellId() + " file=NAME";
            Rect inside = card.inset(12);
            TextStyle small = Labels.fit(text, second, TextStyle.of(14).withColor(muted), inside.w(), inside.h() / 2,
                    7);
            TextStyle large = small.withSize(small.size() * 1.15f);
            float gap = text.metrics(small).lineHeight() * 0.3f;
            Rect[] lines = Stack.rows(Rect.of(inside.x(), card.centerY() - text.metrics(large).lineHeight() - gap / 2,
                    inside.w(), 2 * text.metrics(large).lineHeight() + gap), 2, gap);
            Labels.draw(canvas, text, first, large, lines[0], Align.CENTER);
            Labels.draw(canvas, text, second, small, lines[1], Align.CENTER);
            return;
        }
        Fit fit = context.props().choice("fit", Fit.CONTAIN);
        canvas.save();
        canvas.clipRoundRect(card, 12);
        canvas.drawPicture(context.service(Images.class).picture(file), card.inset(fit == Fit.CONTAIN ? 8 : 0), fit);
        canvas.restore();
    }
}
